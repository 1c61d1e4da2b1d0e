import { looksLikeJzd } from './jzd-txt.ts';
import type { ImportFormat } from './types.ts';
import { WKT_START } from './wkt.ts';
import { isZip } from './zip.ts';

export type Detected = ImportFormat | 'zip' | 'unknown' | { unsupported: string };

export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name.trim());
  return m ? (m[1] as string).toLowerCase() : '';
}

/** By extension first; then by content. `head` is the decoded start of the file (for text) or undefined. */
export function detectFormat(
  name: string,
  bytes: Uint8Array | undefined,
  head: string | undefined,
): Detected {
  const ext = extensionOf(name);
  if (bytes && isZip(bytes)) return ext === 'kmz' ? 'kmz' : 'zip';
  switch (ext) {
    case 'geojson':
    case 'json':
      return 'geojson';
    case 'kml':
      return 'kml';
    case 'gpx':
      return 'gpx';
    case 'csv':
    case 'tsv':
      return 'csv';
    case 'wkt':
      return 'wkt';
    case 'shp':
    case 'shx':
    case 'dbf':
    case 'prj':
      return {
        unsupported: `a single .${ext} file — upload the Shapefile as one .zip with .shp, .shx, .dbf and .prj`,
      };
    case 'kmz':
    case 'zip':
      return ext;
    case 'xlsx':
    case 'xls':
    case 'dwg':
    case 'dxf':
    case 'gdb':
    case 'mdb':
    case 'pdf':
    case 'docx':
    case 'png':
    case 'jpg':
    case 'tif':
    case 'tiff':
      return { unsupported: `.${ext}` };
  }
  if (head === undefined) return 'unknown';
  const t = head.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('{') || t.startsWith('['))
    return t.startsWith('[') && /^\[\s*(地块坐标|属性描述)\s*\]/.test(t) ? 'jzd-txt' : 'geojson';
  if (t.startsWith('<')) {
    if (/<kml[\s>]/i.test(t.slice(0, 2000))) return 'kml';
    if (/<gpx[\s>]/i.test(t.slice(0, 2000))) return 'gpx';
    if (/<(!doctype html|html)/i.test(t.slice(0, 200))) return { unsupported: 'HTML page' };
    return 'kml';
  }
  if (looksLikeJzd(t)) return 'jzd-txt';
  if (WKT_START.test(t)) return 'wkt';
  const firstLine = t.split(/\r?\n/, 1)[0] ?? '';
  if (/[A-Za-z\u4e00-\u9fff]/.test(firstLine) && /[,\t;]/.test(firstLine) && !/^[A-Za-z]?\d/.test(firstLine))
    return 'csv';
  if (/^[-+\d.\s,;，；°A-Za-z:]*\d/.test(firstLine)) return 'coordinates';
  return 'unknown';
}
