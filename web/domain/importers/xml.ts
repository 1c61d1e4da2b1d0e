import { gpx, kml } from '@tmcw/togeojson';
import { collectFeatures } from './geojson.ts';
import { clip, ImportAbort, makeMessage, type Reporter } from './messages.ts';
import type { ParseOutput } from './normalize.ts';
import type { DomParserLike } from './types.ts';

interface DocLike {
  documentElement?: { nodeName?: string; localName?: string } | null;
  getElementsByTagName(name: string): {
    length: number;
    item?(i: number): { textContent?: string | null } | null;
  };
}

function getParser(injected?: DomParserLike): DomParserLike | undefined {
  if (injected) return injected;
  const g = globalThis as { DOMParser?: DomParserLike };
  return g.DOMParser;
}

/** Parse XML text; reports invalid XML with the parser's own description. */
export function parseXml(text: string, file: string, injected?: DomParserLike): DocLike {
  const P = getParser(injected);
  if (!P) throw new ImportAbort(makeMessage(file, 'xml-parser-missing'));
  let doc: DocLike;
  const errors: string[] = [];
  try {
    // @xmldom/xmldom accepts an onError option; browsers ignore constructor arguments.
    const Ctor = P as unknown as new (opts?: unknown) => { parseFromString(t: string, m: string): unknown };
    const parser = new Ctor({
      onError: (level: string, msg: string) => {
        if (level !== 'warning') errors.push(msg);
      },
    });
    doc = parser.parseFromString(text, 'text/xml') as DocLike;
  } catch (e) {
    const detail = clip((e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '', 100);
    throw new ImportAbort(makeMessage(file, 'xml-invalid', undefined, { detail }));
  }
  const pe = doc?.getElementsByTagName('parsererror');
  if (!doc?.documentElement || errors.length > 0 || (pe && pe.length > 0)) {
    const detail = errors[0] ?? pe?.item?.(0)?.textContent ?? 'no root element';
    throw new ImportAbort(
      makeMessage(file, 'xml-invalid', undefined, { detail: clip(detail.split('\n')[0] ?? '', 100) }),
    );
  }
  return doc;
}

function rootName(doc: DocLike): string {
  const el = doc.documentElement;
  return (el?.localName ?? el?.nodeName ?? '').replace(/^.*:/, '').toLowerCase();
}

export function parseKmlText(text: string, rep: Reporter, domParser?: DomParserLike): ParseOutput {
  const doc = parseXml(text, rep.file, domParser);
  const root = rootName(doc);
  if (root !== 'kml') {
    rep.error('xml-invalid', undefined, { detail: `root element is “${clip(root, 30)}”, expected “kml”` });
    return { features: [], closePolicy: 'require' };
  }
  const fc = kml(doc as unknown as Parameters<typeof kml>[0]);
  return { features: collectFeatures(fc.features, rep), closePolicy: 'require' };
}

export function parseGpxText(text: string, rep: Reporter, domParser?: DomParserLike): ParseOutput {
  const doc = parseXml(text, rep.file, domParser);
  const root = rootName(doc);
  if (root !== 'gpx') {
    rep.error('xml-invalid', undefined, { detail: `root element is “${clip(root, 30)}”, expected “gpx”` });
    return { features: [], closePolicy: 'require' };
  }
  const fc = gpx(doc as unknown as Parameters<typeof gpx>[0]);
  return { features: collectFeatures(fc.features, rep), closePolicy: 'require' };
}
