import { gpx } from '@tmcw/togeojson';
import type { ParseOutput, TextImporter } from '../format.ts';
import { clip, type Reporter } from '../messages.ts';
import type { DomParserLike } from '../types.ts';
import { parseXml, rootName } from '../xml.ts';
import { collectFeatures } from './geojson.ts';

/** GPX via @tmcw/togeojson; closed tracks and routes become polygons. */
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

export const gpxImporter: TextImporter = {
  kind: 'text',
  format: 'gpx',
  extensions: ['gpx'],
  detect: (head) => head.startsWith('<') && /<gpx[\s>]/i.test(head.slice(0, 2000)),
  parse: (text, { rep, options }) => parseGpxText(text, rep, options.domParser),
};
