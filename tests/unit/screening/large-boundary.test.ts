import { describe, expect, it } from 'vitest';
import { screenProject } from '../../../web/domain/screening/engine.ts';
import { featureCoordinates, indexLayer } from '../../../web/domain/screening/layer.ts';
import { syntheticLayer } from '../../../web/domain/screening/synthetic-layer.ts';
import { refMultiPolygonArea, refRingArea } from './independent.ts';

/**
 * A 300,000-vertex project boundary (the importer accepts up to 500,000) screened end to end. The outline is
 * a wobbly circle, star-shaped about its centre, so which layer features lie wholly inside or wholly outside
 * follows from distances to the centre alone; areas come from GeographicLib's PolygonArea.
 */

const N = 300_000;
const [CX, CY] = [111.5, 42.45];
const KX = Math.cos((CY * Math.PI) / 180); // lon degrees scaled so the outline is round on the ground
const radius = (t: number) => 0.3 + 0.02 * Math.sin(7 * t);

const ring: number[][] = [];
for (let i = 0; i < N; i++) {
  const t = (2 * Math.PI * i) / N;
  ring.push([CX + (radius(t) * Math.cos(t)) / KX, CY + radius(t) * Math.sin(t)]);
}
ring.push(ring[0] as number[]);

/** Distance from the centre, in scaled degrees, to segment a–b. */
function centreDistance(a: number[], b: number[]): number {
  const ax = ((a[0] as number) - CX) * KX;
  const ay = (a[1] as number) - CY;
  const bx = ((b[0] as number) - CX) * KX;
  const by = (b[1] as number) - CY;
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len)) : 0;
  return Math.hypot(ax + t * dx, ay + t * dy);
}

const data = syntheticLayer({
  seed: 21,
  bbox: [110.9, 41.95, 112.1, 42.95],
  cols: 12,
  rows: 10,
  maxVertices: 300,
});
const layer = indexLayer(data);

describe('a boundary of 300,000 vertices', () => {
  it('is screened, with its area, box and overlaps agreeing with independent computations', () => {
    const out = screenProject({ type: 'Polygon', coordinates: [ring] }, [layer], { includeGeometry: false });
    if (!out.ok) throw new Error(out.errors.map((e) => e.en).join('; '));
    const r = out.result;
    expect(r.project.vertexCount).toBe(N);
    expect(Math.abs(r.projectAreaM2 / refRingArea(ring) - 1)).toBeLessThan(1e-9);
    let [w, s, e, n] = [180, 90, -180, -90];
    for (const p of ring) {
      w = Math.min(w, p[0] as number);
      s = Math.min(s, p[1] as number);
      e = Math.max(e, p[0] as number);
      n = Math.max(n, p[1] as number);
    }
    expect(r.project.bbox).toEqual([w, s, e, n]);

    let inside = 0;
    let outside = 0;
    let crossing = 0;
    for (let f = 0; f < layer.featureCount; f++) {
      const coords = featureCoordinates(data, f);
      let dMin = Number.POSITIVE_INFINITY;
      let vMax = 0;
      for (const poly of coords) {
        for (const rg of poly) {
          for (let i = 0; i + 1 < rg.length; i++) {
            dMin = Math.min(dMin, centreDistance(rg[i] as number[], rg[i + 1] as number[]));
            vMax = Math.max(vMax, centreDistance(rg[i] as number[], rg[i] as number[]));
          }
        }
      }
      const got = r.overlaps.find((o) => o.featureId === data.props.at(f)?.id);
      if (vMax < 0.279) {
        // every vertex within the outline's smallest radius: the feature lies wholly inside
        inside++;
        expect(got?.how, `feature ${f}`).toBe('contained');
        expect(Math.abs((got?.areaM2 ?? 0) / refMultiPolygonArea(coords) - 1)).toBeLessThan(1e-9);
      } else if (dMin > 0.321) {
        // every edge beyond the outline's largest radius
        outside++;
        expect(got, `feature ${f}`).toBeUndefined();
      } else if (got) {
        crossing++;
        expect(got.areaM2).toBeLessThan(refMultiPolygonArea(coords) * (1 + 1e-9));
      }
    }
    expect(inside).toBeGreaterThan(5);
    expect(outside).toBeGreaterThan(20);
    expect(crossing).toBeGreaterThan(5);
    const total = r.layers[0]?.overlapAreaM2 ?? 0;
    expect(total).toBeLessThan(r.projectAreaM2);
  });
});
