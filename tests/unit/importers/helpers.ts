import type { Position } from 'geojson';
import { expect } from 'vitest';
import type { ImportMessage, ImportResult } from '../../../web/domain/importers/index.ts';

export function expectOk(r: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected success, got: ${r.errors.map((e) => e.en).join(' | ')}`);
  return r;
}

export function expectFail(r: ImportResult): Extract<ImportResult, { ok: false }> {
  if (r.ok) throw new Error(`expected failure, got ${r.features.length} features`);
  return r;
}

export function codes(ms: readonly ImportMessage[]): string[] {
  return ms.map((m) => m.code);
}

export function outerRing(r: Extract<ImportResult, { ok: true }>, i = 0): Position[] {
  const g = r.features[i]?.geometry;
  if (!g) throw new Error('no feature');
  const ring = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0]?.[0];
  if (!ring) throw new Error('no ring');
  return ring;
}

export function expectClose(a: number, b: number, tol: number): void {
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(tol);
}

/** Independent Gauss–Krüger forward projection (Krüger n-series to n⁴, GRS80), for expected values. */
export function krugerForward(
  latDeg: number,
  lonDeg: number,
  lon0Deg: number,
): { easting: number; northing: number } {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const n = f / (2 - f);
  const A = (a / (1 + n)) * (1 + n ** 2 / 4 + n ** 4 / 64);
  const al = [
    n / 2 - (2 * n ** 2) / 3 + (5 * n ** 3) / 16 + (41 * n ** 4) / 180,
    (13 * n ** 2) / 48 - (3 * n ** 3) / 5 + (557 * n ** 4) / 1440,
    (61 * n ** 3) / 240 - (103 * n ** 4) / 140,
    (49561 * n ** 4) / 161280,
  ];
  const phi = (latDeg * Math.PI) / 180;
  const dl = ((lonDeg - lon0Deg) * Math.PI) / 180;
  const c = (2 * Math.sqrt(n)) / (1 + n);
  const t = Math.sinh(Math.atanh(Math.sin(phi)) - c * Math.atanh(c * Math.sin(phi)));
  const xi = Math.atan(t / Math.cos(dl));
  const eta = Math.atanh(Math.sin(dl) / Math.sqrt(1 + t * t));
  let E = eta;
  let N = xi;
  al.forEach((alpha, j) => {
    const k = 2 * (j + 1);
    E += alpha * Math.cos(k * xi) * Math.sinh(k * eta);
    N += alpha * Math.sin(k * xi) * Math.cosh(k * eta);
  });
  return { easting: 500000 + A * E, northing: A * N };
}

/** Meridian arc length from the equator on GRS80 by Simpson integration of the meridional radius. */
export function meridianArc(latDeg: number): number {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const e2 = f * (2 - f);
  const phi = (latDeg * Math.PI) / 180;
  const steps = 2000;
  const h = phi / steps;
  const radius = (p: number) => (a * (1 - e2)) / (1 - e2 * Math.sin(p) ** 2) ** 1.5;
  let s = radius(0) + radius(phi);
  for (let i = 1; i < steps; i++) s += (i % 2 ? 4 : 2) * radius(i * h);
  return (s * h) / 3;
}
