/**
 * Seeded synthetic red-line layers for tests and the benchmark: star-shaped, non-overlapping polygons
 * (one per jittered grid cell), some with a hole, heavy-tailed vertex counts.
 */
import type { LayerData, LayerFeatureProps } from './layer.ts';

/** mulberry32 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticLayerOptions {
  seed: number;
  bbox: [number, number, number, number];
  cols: number;
  rows: number;
  /** vertex count of an outer ring = min(maxVertices, floor(minVertices · u^(−1/alpha))) */
  minVertices?: number;
  maxVertices?: number;
  alpha?: number;
  holeFraction?: number;
  layerId?: string;
  zoneTypes?: string[];
}

export const INNER_MONGOLIA_BBOX: [number, number, number, number] = [97.2, 37.4, 126.1, 53.3];

/** The benchmark layer: 20,000 polygons, ~4 M vertices, over Inner Mongolia's bounding box. */
export const BENCH_LAYER: SyntheticLayerOptions = {
  seed: 20250101,
  bbox: INNER_MONGOLIA_BBOX,
  cols: 200,
  rows: 100,
  minVertices: 20,
  maxVertices: 5000,
  alpha: 0.83,
  holeFraction: 0.2,
  layerId: 'redline-synthetic',
};

export function syntheticLayer(o: SyntheticLayerOptions): LayerData {
  const rnd = seededRandom(o.seed);
  const [minX, minY, maxX, maxY] = o.bbox;
  const cw = (maxX - minX) / o.cols;
  const ch = (maxY - minY) / o.rows;
  const minV = o.minVertices ?? 20;
  const maxV = o.maxVertices ?? 5000;
  const alpha = o.alpha ?? 0.83;
  const holeFraction = o.holeFraction ?? 0.2;
  const zoneTypes = o.zoneTypes ?? ['redline'];
  const coords: number[] = [];
  const ringStarts: number[] = [0];
  const partRingStarts: number[] = [0];
  const featurePartStarts: number[] = [0];
  const props: LayerFeatureProps[] = [];
  const star = (
    cx: number,
    cy: number,
    rx: number,
    ry: number,
    n: number,
    lo: number,
    hi: number,
    cw_: boolean,
  ) => {
    // radii from a few random harmonics, so big polygons are wiggly, not circles
    const h = [rnd(), rnd(), rnd(), rnd()].map((v) => v * 2 * Math.PI);
    const start = coords.length;
    for (let i = 0; i < n; i++) {
      const th = ((cw_ ? -1 : 1) * 2 * Math.PI * i) / n;
      const wobble =
        0.5 +
        0.18 * Math.sin(3 * th + (h[0] as number)) +
        0.12 * Math.sin(7 * th + (h[1] as number)) +
        0.08 * Math.sin(19 * th + (h[2] as number)) +
        0.06 * (rnd() - 0.5);
      const r = lo + (hi - lo) * Math.min(1, Math.max(0, wobble));
      coords.push(cx + rx * r * Math.cos(th), cy + ry * r * Math.sin(th));
    }
    ringStarts.push(coords.length / 2);
    return start;
  };
  let f = 0;
  for (let row = 0; row < o.rows; row++) {
    for (let col = 0; col < o.cols; col++) {
      const cx = minX + (col + 0.5) * cw + (rnd() - 0.5) * 0.1 * cw;
      const cy = minY + (row + 0.5) * ch + (rnd() - 0.5) * 0.1 * ch;
      const rx = 0.44 * cw;
      const ry = 0.44 * ch;
      const n = Math.min(maxV, Math.floor(minV * rnd() ** (-1 / alpha)));
      star(cx, cy, rx, ry, n, 0.55, 1, false);
      if (rnd() < holeFraction) {
        const hn = Math.max(8, Math.floor(n / 4));
        star(cx + (rnd() - 0.5) * 0.1 * rx, cy + (rnd() - 0.5) * 0.1 * ry, rx, ry, hn, 0.1, 0.4, true);
      }
      partRingStarts.push(ringStarts.length - 1);
      featurePartStarts.push(partRingStarts.length - 1);
      props.push({
        id: `f${f}`,
        zoneId: `redline-synthetic-${f}`,
        zoneType: zoneTypes[f % zoneTypes.length] as string,
      });
      f++;
    }
  }
  return {
    meta: {
      id: o.layerId ?? 'redline-synthetic',
      nameZh: '合成生态保护红线（测试用）',
      nameEn: 'Synthetic red line (test data)',
      version: `synthetic-seed-${o.seed}`,
    },
    coords: new Float64Array(coords),
    ringStarts: Uint32Array.from(ringStarts),
    partRingStarts: Uint32Array.from(partRingStarts),
    featurePartStarts: Uint32Array.from(featurePartStarts),
    props,
  };
}

/** A star-shaped project polygon (GeoJSON) of about `diameterKm` with n vertices around (lon, lat). */
export function syntheticProject(seed: number, lon: number, lat: number, diameterKm: number, n: number) {
  const rnd = seededRandom(seed);
  const ry = diameterKm / 2 / 111.0;
  const rx = diameterKm / 2 / (111.32 * Math.cos((lat * Math.PI) / 180));
  const ring: [number, number][] = [];
  const ph = rnd() * 2 * Math.PI;
  for (let i = 0; i < n; i++) {
    const th = (2 * Math.PI * i) / n;
    const r = 0.75 + 0.2 * Math.sin(5 * th + ph) + 0.05 * rnd();
    ring.push([lon + rx * r * Math.cos(th), lat + ry * r * Math.sin(th)]);
  }
  ring.push([ring[0]?.[0] as number, ring[0]?.[1] as number]);
  return { type: 'Polygon' as const, coordinates: [ring] };
}
