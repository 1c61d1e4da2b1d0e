import type { ZipImporter } from '../format.ts';
import { ImportAbort, makeMessage } from '../messages.ts';
import { decodeText } from '../text-decode.ts';
import { parseKmlText } from './kml.ts';

/** The KML inside a KMZ: doc.kml, else the first .kml entry. */
export function kmlEntry(names: readonly string[]): string | undefined {
  return names.find((k) => k.toLowerCase() === 'doc.kml') ?? names.find((k) => /\.kml$/i.test(k));
}

export const kmzImporter: ZipImporter = {
  kind: 'zip',
  format: 'kmz',
  extensions: ['kmz'],
  detect: (names) => kmlEntry(names) !== undefined && !names.some((n) => /\.shp$/i.test(n)),
  parse: (entries, { rep, options }) => {
    const key = kmlEntry([...entries.keys()]);
    if (!key) throw new ImportAbort(makeMessage(rep.file, 'zip-no-content'));
    const d = decodeText(entries.get(key) as Uint8Array);
    return parseKmlText(d.text, rep, options.domParser);
  },
};
