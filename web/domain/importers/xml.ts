import { DOMParser as XmldomParser } from '@xmldom/xmldom';
import { clip, ImportAbort, makeMessage } from './messages.ts';
import { guardXmlNesting } from './nesting.ts';
import type { DomParserLike } from './types.ts';

export interface DocLike {
  documentElement?: { nodeName?: string; localName?: string } | null;
  getElementsByTagName(name: string): {
    length: number;
    item?(i: number): { textContent?: string | null } | null;
  };
}

/**
 * The injected parser, else @xmldom/xmldom: one XML parser for the app, its workers and the CLI, tried on the
 * malformed corpus. (A browser's DOMParser is absent in workers, and its parsererror document carries inline
 * styles that the Content-Security-Policy refuses.)
 */
function getParser(injected?: DomParserLike): DomParserLike {
  return injected ?? (XmldomParser as unknown as DomParserLike);
}

/** Parse XML text; reports invalid XML with the parser's own description. */
export function parseXml(text: string, file: string, injected?: DomParserLike): DocLike {
  const P = getParser(injected);
  // Refused whatever the parser would do with them: external entities (XXE) and entity expansion (billion laughs).
  if (/<!ENTITY/i.test(text)) throw new ImportAbort(makeMessage(file, 'xml-entities'));
  guardXmlNesting(text, file);
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

export function rootName(doc: DocLike): string {
  const el = doc.documentElement;
  return (el?.localName ?? el?.nodeName ?? '').replace(/^.*:/, '').toLowerCase();
}
