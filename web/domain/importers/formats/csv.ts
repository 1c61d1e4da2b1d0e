import type { Position } from 'geojson';
import type { ParsedFeature, ParseOutput, TextImporter } from '../format.ts';
import { clip, type Loc, loc, type Reporter } from '../messages.ts';
import { assembleRings } from '../rings.ts';
import type { ImportOptions } from '../types.ts';
import { parseCoordinateText } from './coordinates.ts';
import { featureName } from './geojson.ts';
import { parseOneWkt, reportWktError, WktError, wktPolygons } from './wkt.ts';

/** RFC 4180 rows with their 1-based starting line numbers. */
export function parseCsvRows(text: string, delimiter: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((c) => c.trim() !== '')) rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else {
      cell += ch;
    }
    i++;
  }
  cells.push(cell);
  if (cells.some((c) => c.trim() !== '')) rows.push({ cells, line: rowLine });
  return rows;
}

/**
 * The delimiter that splits the first lines into the same number of fields (most fields wins); else the most
 * frequent. “lon;lat / 111,7;40,8” (semicolons with decimal commas) is ‘;’, although it has as many commas.
 * Delimiters inside quotes count too; a quoted header cell containing another candidate is rare.
 */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/, 6)
    .filter((l) => l.trim() !== '')
    .slice(0, 5);
  const candidates = [',', '\t', ';', '|'];
  const counts = candidates.map((d) => lines.map((l) => l.split(d).length - 1));
  let best = ',';
  let bestScore = -1;
  candidates.forEach((d, i) => {
    const c = counts[i] as number[];
    const first = c[0] ?? 0;
    if (first === 0) return;
    const consistent = c.every((n) => n === first);
    const score = (consistent ? 1e6 : 0) + c.reduce((s, n) => s + n, 0);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  });
  return best;
}

const WKT_COL = /^(wkt|geometry|geom|the_geom|shape|wkt_geom|几何|图形|空间信息)$/i;
const LON_COL = /^(lon|lng|long|longitude|x|经度|东经|x坐标|经度坐标)$/i;
const LAT_COL = /^(lat|latitude|y|纬度|北纬|y坐标|纬度坐标)$/i;
const GROUP_COL =
  /^(id|fid|name|parcel|polygon|feature|地块编号|地块名称|地块号|地块|编号|名称|宗地号|宗地代码|项目名称)$/i;
const RING_COL = /^(ring|part|圈号|环号|部件号)$/i;

export function parseCsv(text: string, rep: Reporter, options: ImportOptions): ParseOutput {
  const delimiter = detectDelimiter(text);
  const rows = parseCsvRows(text, delimiter);
  const first = rows[0];
  if (!first) {
    rep.error('file-empty');
    return { features: [], closePolicy: 'auto' };
  }
  const header = first.cells.map((c) => c.trim().replace(/^\uFEFF/, ''));
  // No header, only numbers: a coordinate list.
  if (header.every((h) => h === '' || /^[-+]?\d/.test(h))) return parseCoordinateText(text, rep, options);

  const wktIdx = header.findIndex((h) => WKT_COL.test(h));
  const lonIdx = header.findIndex((h) => LON_COL.test(h));
  const latIdx = header.findIndex((h) => LAT_COL.test(h));
  const propsOf = (cells: string[], skip: number[]): Record<string, unknown> => {
    const props: Record<string, unknown> = {};
    header.forEach((h, i) => {
      if (skip.includes(i)) return;
      const key = h || `column${i + 1}`;
      props[key] = cells[i] ?? '';
    });
    return props;
  };

  if (wktIdx >= 0) {
    const features: ParsedFeature[] = [];
    for (const row of rows.slice(1)) {
      const where = loc.line(row.line);
      const cell = (row.cells[wktIdx] ?? '').trim();
      const properties = propsOf(row.cells, [wktIdx]);
      const name = featureName(properties);
      const w: Loc = name
        ? { en: `${where.en} (${'“'}${clip(name)}”)`, zh: `${where.zh}（“${clip(name)}”）` }
        : where;
      if (!cell) {
        rep.error('geometry-missing', w);
        continue;
      }
      try {
        const { geom } = parseOneWkt(cell);
        const polys = wktPolygons(geom);
        if (typeof polys === 'string') rep.error('geometry-unsupported', w, { type: polys });
        else features.push({ polygons: polys, properties, where: w });
      } catch (e) {
        if (!(e instanceof WktError)) throw e;
        reportWktError(e, cell, rep, w);
      }
    }
    return { features, closePolicy: 'require' };
  }

  if (lonIdx >= 0 && latIdx >= 0) {
    const groupIdx = header.findIndex((h) => GROUP_COL.test(h));
    const ringIdx = header.findIndex((h) => RING_COL.test(h));
    const groups = new Map<
      string,
      { rings: Map<string, Position[]>; props: Record<string, unknown>; line: number }
    >();
    for (const row of rows.slice(1)) {
      const lonText = (row.cells[lonIdx] ?? '').trim();
      const latText = (row.cells[latIdx] ?? '').trim();
      const lon = Number(lonText);
      const lat = Number(latText);
      if (!lonText || !latText || !Number.isFinite(lon) || !Number.isFinite(lat)) {
        rep.error('csv-row-invalid', loc.line(row.line), {
          detail: `${header[lonIdx]} = “${clip(lonText, 30)}”, ${header[latIdx]} = “${clip(latText, 30)}” are not numbers`,
        });
        continue;
      }
      const key = groupIdx >= 0 ? (row.cells[groupIdx] ?? '').trim() : '';
      let g = groups.get(key);
      if (!g) {
        const props = propsOf(row.cells, [lonIdx, latIdx, ...(ringIdx >= 0 ? [ringIdx] : [])]);
        g = {
          rings: new Map(),
          props: groupIdx >= 0 ? { [header[groupIdx] as string]: key } : {},
          line: row.line,
        };
        if (groupIdx >= 0) Object.assign(g.props, props);
        groups.set(key, g);
      }
      const ringKey = ringIdx >= 0 ? (row.cells[ringIdx] ?? '').trim() : '1';
      let r = g.rings.get(ringKey);
      if (!r) {
        r = [];
        g.rings.set(ringKey, r);
      }
      r.push([lon, lat]);
    }
    const features: ParsedFeature[] = [];
    for (const [key, g] of groups) {
      const where: Loc = key
        ? {
            en: `${header[groupIdx]} “${clip(key)}” (from line ${g.line})`,
            zh: `${header[groupIdx]}“${clip(key)}”（自第 ${g.line} 行）`,
          }
        : { en: `points from line ${g.line}`, zh: `自第 ${g.line} 行起的点` };
      const rings = [...g.rings.values()].map((r) => {
        const a = r[0] as Position;
        const b = r[r.length - 1] as Position;
        return r.length >= 3 && (a[0] !== b[0] || a[1] !== b[1]) ? [...r, a] : r;
      });
      const polygons =
        rings.every((r) => r.length >= 4) && rings.length > 1 ? assembleRings(rings) : rings.map((r) => [r]);
      features.push({ polygons: rings.length > 1 ? polygons : [rings], properties: g.props, where });
    }
    return { features, closePolicy: 'auto' };
  }

  rep.error('csv-no-geometry-columns', loc.line(first.line), {
    columns: header.map((h) => `“${clip(h, 20)}”`).join(', ') || '—',
  });
  return { features: [], closePolicy: 'auto' };
}

export const csvImporter: TextImporter = {
  kind: 'text',
  format: 'csv',
  extensions: ['csv', 'tsv'],
  /** A header row: words, a delimiter, and not starting like a labelled coordinate (J1, 1). */
  detect: (head) => {
    const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
    return (
      /[A-Za-z\u4e00-\u9fff]/.test(firstLine) && /[,\t;]/.test(firstLine) && !/^[A-Za-z]?\d/.test(firstLine)
    );
  },
  parse: (text, { rep, options }) => parseCsv(text, rep, options),
};
