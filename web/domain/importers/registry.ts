/**
 * The importers, one per format, and how a file is matched to one: zip magic first, then the extension, then
 * the content of text files in the order of TEXT_IMPORTERS (the first whose `detect` accepts the head wins).
 */
import type { Importer, TextImporter, ZipImporter } from './format.ts';
import { coordinatesImporter } from './formats/coordinates.ts';
import { csvImporter } from './formats/csv.ts';
import { geojsonImporter } from './formats/geojson.ts';
import { gpxImporter } from './formats/gpx.ts';
import { jzdImporter } from './formats/jzd-txt.ts';
import { kmlImporter } from './formats/kml.ts';
import { kmzImporter } from './formats/kmz.ts';
import { shapefileImporter } from './formats/shapefile-zip.ts';
import { wktImporter } from './formats/wkt.ts';
import type { ImportFormat } from './types.ts';
import { isZip } from './zip.ts';

/** Text formats in detection order: the more specific first, bare coordinates last. */
export const TEXT_IMPORTERS: readonly TextImporter[] = [
  geojsonImporter,
  gpxImporter,
  kmlImporter,
  jzdImporter,
  wktImporter,
  csvImporter,
  coordinatesImporter,
];

/** Zip formats in detection order: an archive with a .shp is a Shapefile even if it also holds a .kml. */
export const ZIP_IMPORTERS: readonly ZipImporter[] = [shapefileImporter, kmzImporter];

export const IMPORTERS: readonly Importer[] = [...TEXT_IMPORTERS, ...ZIP_IMPORTERS];

export function importerFor(format: ImportFormat): Importer {
  return IMPORTERS.find((i) => i.format === format) as Importer;
}

export type Detected = ImportFormat | 'zip' | 'unknown' | { unsupported: string };

export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name.trim());
  return m ? (m[1] as string).toLowerCase() : '';
}

const UNSUPPORTED_EXTENSIONS = new Set([
  'xlsx',
  'xls',
  'dwg',
  'dxf',
  'gdb',
  'mdb',
  'pdf',
  'docx',
  'png',
  'jpg',
  'tif',
  'tiff',
]);

/** By extension first; then by content. `head` is the decoded start of the file (for text) or undefined. */
export function detectFormat(
  name: string,
  bytes: Uint8Array | undefined,
  head: string | undefined,
): Detected {
  const ext = extensionOf(name);
  if (bytes && isZip(bytes)) return ext === 'kmz' ? 'kmz' : 'zip';
  if (ext === 'zip' || ext === 'kmz') return ext === 'kmz' ? 'kmz' : 'zip';
  const byExt = TEXT_IMPORTERS.find((i) => i.extensions.includes(ext));
  if (byExt) return byExt.format;
  if (ext === 'shp' || ext === 'shx' || ext === 'dbf' || ext === 'prj') {
    return {
      unsupported: `a single .${ext} file — upload the Shapefile as one .zip with .shp, .shx, .dbf and .prj`,
    };
  }
  if (UNSUPPORTED_EXTENSIONS.has(ext)) return { unsupported: `.${ext}` };
  if (head === undefined) return 'unknown';
  const t = head.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('<') && /<(!doctype html|html)/i.test(t.slice(0, 200)))
    return { unsupported: 'HTML page' };
  return TEXT_IMPORTERS.find((i) => i.detect(t))?.format ?? 'unknown';
}

/** Which zip importer reads an archive with these entries (the extension .kmz decides for KMZ). */
export function zipImporterFor(detected: 'zip' | 'kmz', names: readonly string[]): ZipImporter {
  if (detected === 'kmz') return kmzImporter;
  return ZIP_IMPORTERS.find((i) => i.detect(names)) ?? shapefileImporter;
}
