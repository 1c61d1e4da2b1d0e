import type { Fix } from '../../../web/domain/field/fix.ts';

/** Metres east/north of a point in Inner Mongolia as lon/lat, and a walk round corners there (deterministic noise). */
export const LON0 = 111.5;
export const LAT0 = 40.8;
export const M_PER_DEG_LAT = 111_100;
export const M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos((LAT0 * Math.PI) / 180);

export const at = (east: number, north: number): [number, number] => [
  LON0 + east / M_PER_DEG_LON,
  LAT0 + north / M_PER_DEG_LAT,
];

function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

/** A fix every `stepM` metres round the corners (and back to the first), jittered by ±jitter m, 2 s apart. */
export function walkRound(
  corners: [number, number][],
  opts: { jitter?: number; accuracy?: number; seed?: number; stepM?: number; t0?: number } = {},
): Fix[] {
  const rand = noise(opts.seed ?? 7);
  const j = opts.jitter ?? 2;
  const fixes: Fix[] = [];
  let t = opts.t0 ?? Date.UTC(2026, 5, 1, 2, 0, 0);
  const path = [...corners, corners[0] as [number, number]];
  for (let i = 0; i + 1 < path.length; i++) {
    const [ax, ay] = path[i] as [number, number];
    const [bx, by] = path[i + 1] as [number, number];
    const steps = Math.max(1, Math.round(Math.hypot(bx - ax, by - ay) / (opts.stepM ?? 2.8)));
    for (let k = 0; k < steps; k++) {
      const f = k / steps;
      const [lon, lat] = at(ax + (bx - ax) * f + rand() * 2 * j, ay + (by - ay) * f + rand() * 2 * j);
      fixes.push({ lon, lat, accuracyM: opts.accuracy ?? 5, t });
      t += 2000;
    }
  }
  return fixes;
}
