import { kml } from '@tmcw/togeojson';
import type { ParseOutput, TextImporter } from '../format.ts';
import { clip, type Reporter } from '../messages.ts';
import type { DomParserLike } from '../types.ts';
import { parseXml, rootName } from '../xml.ts';
import { collectFeatures } from './geojson.ts';

/** KML via @tmcw/togeojson; Placemarks become features (names from <name>). */
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

export const kmlImporter: TextImporter = {
  kind: 'text',
  format: 'kml',
  extensions: ['kml'],
  /** Any XML that is not GPX or HTML is tried as KML, so a KML without its root says so. */
  detect: (head) =>
    head.startsWith('<') &&
    !/<gpx[\s>]/i.test(head.slice(0, 2000)) &&
    !/<(!doctype html|html)/i.test(head.slice(0, 200)),
  parse: (text, { rep, options }) => parseKmlText(text, rep, options.domParser),
};
