import type { Position } from 'geojson';
import { type Crs, centralMeridian, gaussKrugerToLonLat, zoneFromEasting } from '../crs.ts';
import type { ParsedFeature, ParseOutput, TextImporter } from '../format.ts';
import { clip, type Loc, loc, type Reporter } from '../messages.ts';
import { assembleRings } from '../rings.ts';
import type { ImportOptions } from '../types.ts';

/** Field names of a 界址点 parcel header line (in file order). */
export const JZD_HEADER_FIELDS = [
  '界址点数',
  '地块面积',
  '地块编号',
  '地块名称',
  '图形属性',
  '图幅号',
  '地块用途',
  '地类编码',
];

/** Heuristic: a 国土 界址点 exchange file. */
export function looksLikeJzd(text: string): boolean {
  if (/\[(地块坐标|属性描述)\]/.test(text) || /^[^\n]*,@\s*$/m.test(text)) return true;
  // Bare point lines: name, ring number, X (7 digits), Y (6–8 digits).
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return /^\s*[^,\s]+\s*,\s*\d+\s*,\s*\d{7}(\.\d+)?\s*,\s*\d{6,8}(\.\d+)?\s*$/.test(first);
}

interface Parcel {
  header: string[];
  line: number;
  points: { name: string; ring: string; x: number; y: number; line: number }[];
}

const isNorthing = (v: number) => v >= 1e6 && v < 1e7;

/** “7–8, 10” from sorted line numbers. */
function lineRanges(lines: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && (lines[j + 1] as number) === (lines[j] as number) + 1) j++;
    parts.push(i === j ? `${lines[i]}` : `${lines[i]}–${lines[j]}`);
    i = j + 1;
  }
  return parts.length > 8 ? `${parts.slice(0, 8).join(', ')}, …` : parts.join(', ');
}

/**
 * All points of a parcel must carry the same zone prefix (or none): mixing zones puts points hundreds of
 * kilometres apart. Reports the lines of each zone, located at the first line outside the most common zone.
 */
function sameZone(p: Parcel, swapped: boolean, where: Loc, rep: Reporter): boolean {
  const byZone = new Map<string, number[]>();
  for (const pt of p.points) {
    const zone = zoneFromEasting(swapped ? pt.x : pt.y);
    const key = zone === undefined ? '' : String(zone);
    const lines = byZone.get(key) ?? [];
    lines.push(pt.line);
    byZone.set(key, lines);
  }
  if (byZone.size <= 1) return true;
  const groups = [...byZone.entries()].sort((a, b) => b[1].length - a[1].length);
  const odd = Math.min(...groups.slice(1).map(([, lines]) => lines[0] as number));
  const en = groups
    .map(
      ([z, lines]) =>
        `${z ? `zone ${z}` : 'no zone prefix'} on line${lines.length > 1 ? 's' : ''} ${lineRanges(lines)}`,
    )
    .join('; ');
  const zh = groups
    .map(([z, lines]) => `第 ${lineRanges(lines)} 行${z ? `为 ${z} 带` : '无带号'}`)
    .join('；');
  rep.error('jzd-zone-mixed', loc.within(where, loc.line(odd)), { detail: en, detailZh: zh });
  return false;
}

/**
 * The 国土 界址点 TXT file: [属性描述] key=value lines, then [地块坐标] with parcel header lines ending in '@'
 * followed by point lines "name,ring,X(northing),Y(easting)". Coordinates are CGCS2000 Gauss–Krüger.
 */
export function parseJzdTxt(text: string, rep: Reporter, options: ImportOptions): ParseOutput {
  const attrs = new Map<string, string>();
  const parcels: Parcel[] = [];
  let section = '';
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).replace(/^\uFEFF/, '').trim();
    const lineNo = i + 1;
    if (!raw) continue;
    const sec = /^\[(.+)\]$/.exec(raw);
    if (sec) {
      section = (sec[1] as string).trim();
      continue;
    }
    const line = raw.replace(/，/g, ',');
    if (section === '属性描述' || (section === '' && /^[^,]+=/.test(line))) {
      const eq = line.indexOf('=');
      if (eq > 0) attrs.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
      continue;
    }
    if (line.endsWith('@')) {
      const header = line
        .replace(/@$/, '')
        .split(',')
        .map((s) => s.trim());
      parcels.push({ header, line: lineNo, points: [] });
      continue;
    }
    const f = line.split(',').map((s) => s.trim());
    while (f.length > 4 && f[f.length - 1] === '') f.pop();
    if (f.length > 4) {
      // “J1,1,4412345,5,39612345,2”: decimal commas split the numbers into extra fields. Reading the first four
      // would give a wrong coordinate, so the line is refused.
      const numeric = f.slice(2).every((v) => /^\d+$/.test(v));
      if (numeric) rep.error('jzd-decimal-comma', loc.line(lineNo), { text: clip(raw, 60), count: f.length });
      else rep.error('jzd-line-invalid', loc.line(lineNo), { text: clip(raw, 60) });
      continue;
    }
    const x = Number(f[2]);
    const y = Number(f[3]);
    if (
      f.length < 4 ||
      !f[2] ||
      !f[3] ||
      !Number.isFinite(x) ||
      !Number.isFinite(y) ||
      !/^\d+$/.test(f[1] ?? '')
    ) {
      rep.error('jzd-line-invalid', loc.line(lineNo), { text: clip(raw, 60) });
      continue;
    }
    if (parcels.length === 0) parcels.push({ header: [], line: lineNo, points: [] });
    (parcels[parcels.length - 1] as Parcel).points.push({
      name: f[0] ?? '',
      ring: f[1] as string,
      x,
      y,
      line: lineNo,
    });
  }

  const datum = attrs.get('坐标系') ?? '';
  if (/西安|80|Xian/i.test(datum) && !/2000/.test(datum)) {
    rep.error('crs-unsupported-datum', undefined, { name: datum, datum: 'Xian 1980 (西安80)' });
  } else if (/北京|54|Beijing/i.test(datum)) {
    rep.error('crs-unsupported-datum', undefined, { name: datum, datum: 'Beijing 1954 (北京54)' });
  }
  const unit = attrs.get('计量单位');
  if (unit && !/^(米|m|meter|metre)s?$/i.test(unit))
    rep.error('jzd-invalid', undefined, { detail: `计量单位=${clip(unit, 20)} (expected 米)` });
  const width = attrs.get('几度分带') === '6' || options.gaussKruger?.zoneWidth === 6 ? 6 : 3;
  const zoneAttr = Number(attrs.get('带号'));
  const zone = Number.isInteger(zoneAttr) && zoneAttr > 0 ? zoneAttr : options.gaussKruger?.zone;
  if (parcels.length === 0 || parcels.every((p) => p.points.length === 0)) {
    if (!rep.hasErrors)
      rep.error('jzd-invalid', undefined, { detail: 'no point lines (点号,圈号,X,Y) found' });
    return { features: [], closePolicy: 'auto' };
  }
  if (rep.hasErrors) return { features: [], closePolicy: 'auto' };

  // X must be the northing. Files with X/Y swapped are common; detect on the whole file.
  const pts = parcels.flatMap((p) => p.points);
  const swapped = pts.every((p) => !isNorthing(p.x) && isNorthing(p.y));
  if (swapped) rep.warn('jzd-axes-swapped');
  let zoneMissing = false;
  const features: ParsedFeature[] = [];
  parcels.forEach((p, pi) => {
    const props: Record<string, unknown> = {};
    p.header.forEach((v, i) => {
      if (v !== '') props[JZD_HEADER_FIELDS[i] ?? `字段${i + 1}`] = v;
    });
    const label = props.地块编号 ?? props.地块名称 ?? String(pi + 1);
    const where: Loc = loc.parcel(String(label));
    if (typeof props.地块名称 === 'string') props.name = props.地块名称;
    if (p.points.length === 0) {
      rep.error('jzd-invalid', where, { detail: 'parcel has no points' });
      return;
    }
    if (!sameZone(p, swapped, where, rep)) return;
    const rings = new Map<string, Position[]>();
    for (const pt of p.points) {
      const easting = swapped ? pt.x : pt.y;
      const northing = swapped ? pt.y : pt.x;
      if (!isNorthing(northing)) {
        rep.error('jzd-line-invalid', loc.within(where, loc.line(pt.line)), {
          text: `${pt.name},${pt.ring},${pt.x},${pt.y}`,
        });
        continue;
      }
      if (zoneFromEasting(easting) === undefined && zone === undefined) {
        zoneMissing = true;
        continue;
      }
      let r = rings.get(pt.ring);
      if (!r) {
        r = [];
        rings.set(pt.ring, r);
      }
      r.push([easting, northing]);
    }
    const declared = Number(p.header[0]);
    if (p.header[0] && Number.isInteger(declared)) {
      const found = p.points.length;
      if (declared !== found && declared !== found - rings.size) {
        rep.warn('jzd-point-count', where, { declared, found });
      }
    }
    // Close rings here; projecting below needs them as lists.
    const closed = [...rings.values()].map((r) => {
      const a = r[0] as Position;
      const b = r[r.length - 1] as Position;
      return r.length >= 3 && (a[0] !== b[0] || a[1] !== b[1]) ? [...r, a] : r;
    });
    const polygons = closed.every((r) => r.length >= 4) ? assembleRings(closed) : closed.map((r) => [r]);
    features.push({ polygons, properties: props, where });
  });
  if (zoneMissing) {
    rep.error('jzd-zone-missing');
    return { features: [], closePolicy: 'auto' };
  }
  const gk = { zoneWidth: width as 3 | 6, ...(zone !== undefined ? { zone } : {}) };
  const sampleZone = zoneFromEasting(features[0]?.polygons[0]?.[0]?.[0]?.[0] ?? 0) ?? zone;
  const crs: Crs = {
    kind: 'projected',
    name: `CGCS2000 ${width}° Gauss–Krüger zone ${sampleZone ?? '?'} (CM ${sampleZone ? centralMeridian(sampleZone, width) : '?'}°E)`,
    toLonLat: (e, n) => gaussKrugerToLonLat(e, n, gk) ?? [Number.NaN, Number.NaN],
  };
  return { features, crs, closePolicy: 'auto' };
}

export const jzdImporter: TextImporter = {
  kind: 'text',
  format: 'jzd-txt',
  extensions: [],
  detect: looksLikeJzd,
  parse: (text, { rep, options }) => parseJzdTxt(text, rep, options),
};
