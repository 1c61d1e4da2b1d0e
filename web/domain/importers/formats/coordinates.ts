import type { Position } from 'geojson';
import type { ParseOutput, TextImporter } from '../format.ts';
import { clip, loc, type Reporter } from '../messages.ts';
import { REGION_BBOX } from '../normalize/region.ts';
import { looksProjected } from '../normalize/reproject.ts';
import { assembleRings } from '../rings.ts';
import type { ImportOptions } from '../types.ts';

const NUM = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?°?$/;

interface Pair {
  a: number;
  b: number;
  line: number;
}

/**
 * Pasted coordinate strings: "lon,lat" / "lon lat" per line, or many pairs on one line separated by ';' or
 * spaces. A leading label (J1, 1:, P3) is ignored. Blank lines separate rings; rings inside others are holes.
 */
export function parseCoordinateText(text: string, rep: Reporter, options: ImportOptions): ParseOutput {
  const groups: Pair[][] = [[]];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, li) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) {
      if ((groups[groups.length - 1] as Pair[]).length > 0) groups.push([]);
      return;
    }
    const nums: number[] = [];
    let bad = false;
    for (const seg of line.split(/[;；]/)) {
      const toks = seg.split(/[\s,，、]+/).filter(Boolean);
      // Allow one leading label per pair group, such as J1, P3 or "1:".
      if (
        toks.length % 2 === 1 &&
        toks[0] &&
        (!NUM.test(toks[0]) || (toks.length >= 3 && /^\d+:$/.test(toks[0])))
      ) {
        toks.shift();
      }
      for (const t of toks) {
        const v = NUM.test(t) ? Number(t.replace('°', '')) : Number.NaN;
        if (!Number.isFinite(v)) bad = true;
        nums.push(v);
      }
    }
    if (bad || nums.length === 0 || nums.length % 2 === 1) {
      rep.error('coordinates-unparsed', loc.line(li + 1), { text: clip(line, 60) });
      return;
    }
    const g = groups[groups.length - 1] as Pair[];
    for (let i = 0; i < nums.length; i += 2)
      g.push({ a: nums[i] as number, b: nums[i + 1] as number, line: li + 1 });
  });
  const rings = groups.filter((g) => g.length > 0);
  if (rep.hasErrors) return { features: [], closePolicy: 'auto' };
  const all = rings.flat();
  const order = detectOrder(all, rep, options);
  const toPos = (p: Pair): Position => (order === 'latlon' ? [p.b, p.a] : [p.a, p.b]);
  const posRings = rings.map((g) => {
    const r = g.map(toPos);
    const a = r[0] as Position;
    const b = r[r.length - 1] as Position;
    if (r.length >= 3 && (a[0] !== b[0] || a[1] !== b[1])) r.push([a[0] as number, a[1] as number]);
    return r;
  });
  // Rings of fewer than 3 points are passed through so that normalisation reports them.
  const valid = posRings.filter((r) => r.length >= 4);
  const polygons = valid.length === posRings.length ? assembleRings(valid) : posRings.map((r) => [r]);
  const where = { en: 'pasted coordinates', zh: '粘贴的坐标' };
  return { features: [{ polygons, properties: {}, where }], closePolicy: 'auto' };
}

const inRegion = (lon: number, lat: number): boolean =>
  lon >= REGION_BBOX[0] - 1 &&
  lon <= REGION_BBOX[2] + 1 &&
  lat >= REGION_BBOX[1] - 1 &&
  lat <= REGION_BBOX[3] + 1;

/** lon,lat or lat,lon: decided by validity, then by the region; else the user's choice or lon,lat with a warning. */
export function detectOrder(
  pairs: readonly { a: number; b: number }[],
  rep: Reporter,
  options: ImportOptions,
): 'lonlat' | 'latlon' {
  if (pairs.length === 0) return 'lonlat';
  if (pairs.some((p) => looksProjected(p.a, p.b))) return 'lonlat';
  if (options.axisOrder) return options.axisOrder;
  const lonlatValid = pairs.every((p) => Math.abs(p.a) <= 180 && Math.abs(p.b) <= 90);
  const latlonValid = pairs.every((p) => Math.abs(p.a) <= 90 && Math.abs(p.b) <= 180);
  const label = { lonlat: 'lon,lat (经度,纬度)', latlon: 'lat,lon (纬度,经度)' };
  if (lonlatValid && !latlonValid) return 'lonlat';
  if (latlonValid && !lonlatValid) {
    rep.info('coordinates-order-detected', undefined, { order: label.latlon });
    return 'latlon';
  }
  if (!lonlatValid && !latlonValid) return 'lonlat';
  const a = pairs.filter((p) => inRegion(p.a, p.b)).length;
  const b = pairs.filter((p) => inRegion(p.b, p.a)).length;
  if (a === pairs.length && b === 0) return 'lonlat';
  if (b === pairs.length && a === 0) {
    rep.info('coordinates-order-detected', undefined, { order: label.latlon });
    return 'latlon';
  }
  rep.warn('coordinates-order-ambiguous', undefined, { order: label.lonlat });
  return 'lonlat';
}

export const coordinatesImporter: TextImporter = {
  kind: 'text',
  format: 'coordinates',
  extensions: [],
  detect: (head) => /^[-+\d.\s,;，；°A-Za-z:]*\d/.test(head.split(/\r?\n/, 1)[0] ?? ''),
  parse: (text, { rep, options }) => parseCoordinateText(text, rep, options),
};
