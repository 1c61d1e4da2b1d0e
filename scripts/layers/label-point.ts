import type { MultiPolygon, Polygon, Position } from 'geojson';
import { positionsBBox } from '../../web/domain/geo/bbox.ts';
import { polygonLocator } from '../../web/domain/geo/positions.ts';

function segDist2(px: number, py: number, a: Position, b: Position): number {
  const ax = a[0] ?? 0;
  const ay = a[1] ?? 0;
  const dx = (b[0] ?? 0) - ax;
  const dy = (b[1] ?? 0) - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return qx * qx + qy * qy;
}

/**
 * A label point well inside the largest part: the grid point (then a finer grid around it) farthest from the
 * boundary, with longitude scaled by cos(latitude). Deterministic.
 */
export function labelPoint(g: Polygon | MultiPolygon): Position {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best: { p: Position; d: number } = { p: parts[0]?.[0]?.[0] ?? [0, 0], d: -1 };
  for (const rings of parts) {
    const outer = rings[0] ?? [];
    let [x0, y0, x1, y1] = positionsBBox(outer) ?? [0, 0, 0, 0];
    const locate = polygonLocator(rings);
    const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
    for (let pass = 0; pass < 3; pass++) {
      const n = 40;
      let local = best;
      for (let i = 0; i <= n; i++) {
        for (let j = 0; j <= n; j++) {
          const x = x0 + ((x1 - x0) * i) / n;
          const y = y0 + ((y1 - y0) * j) / n;
          if (locate([x, y]) !== 1) continue;
          let d = Number.POSITIVE_INFINITY;
          for (const r of rings) {
            for (let s = 0; s + 1 < r.length; s++) {
              const a = r[s] ?? [0, 0];
              const b = r[s + 1] ?? [0, 0];
              d = Math.min(d, segDist2(x * k, y, [(a[0] ?? 0) * k, a[1] ?? 0], [(b[0] ?? 0) * k, b[1] ?? 0]));
            }
          }
          if (d > local.d) local = { p: [x, y], d };
        }
      }
      best = local;
      const wx = (x1 - x0) / 10;
      const wy = (y1 - y0) / 10;
      const [bx, by] = [best.p[0] ?? 0, best.p[1] ?? 0];
      [x0, x1, y0, y1] = [bx - wx, bx + wx, by - wy, by + wy];
    }
  }
  return best.p;
}
