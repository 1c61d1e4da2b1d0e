import type { Position } from 'geojson';
import type { ParsedFeature } from '../format.ts';
import { loc } from '../messages.ts';
import { dedupe, isClosed } from '../rings.ts';
import type { StageContext, Work } from './index.ts';

const fmt = (n: number, d = 4): string =>
  Number.isFinite(n) ? String(Math.round(n * 10 ** d) / 10 ** d) : String(n);
export const where2 = (p: Position): string => `${fmt(p[0] as number, 4)}, ${fmt(p[1] as number, 4)}`;

/** Test fixtures only (`options.fixtureRole`): keep one role's features and say how many were left out. */
export function selectFixtureRole(work: Work, { options, rep }: StageContext): Work {
  const role = options.fixtureRole;
  if (role === undefined) return work;
  const kept = work.features.filter((f) => f.properties.role === role);
  const left = work.features.length - kept.length;
  if (left > 0) rep.info('features-left-out', undefined, { count: left, role });
  return { ...work, features: kept };
}

export function checkSize(work: Work, { limits, rep }: StageContext): Work {
  const feats = work.features;
  if (feats.length === 0) {
    rep.error('no-features');
    return work;
  }
  if (feats.length > limits.maxFeatures) {
    rep.error('too-many-features', undefined, { count: feats.length, limit: limits.maxFeatures });
    return work;
  }
  let total = 0;
  for (const f of feats) for (const p of f.polygons) for (const r of p) total += r.length;
  if (total > limits.maxVertices) rep.error('too-many-vertices', undefined, { limit: limits.maxVertices });
  return work;
}

/** Non-finite values (NaN from binary files) are reported first, once per feature. */
export function checkFinite(work: Work, { rep }: StageContext): Work {
  for (const f of work.features) {
    finite: for (const poly of f.polygons)
      for (const ring of poly)
        for (const p of ring) {
          if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
            rep.error('coordinate-invalid', f.where, { value: where2(p) });
            break finite;
          }
        }
  }
  return work;
}

/** Ring structure: consecutive duplicates dropped, closure (automatic for vertex lists), at least 3 points. */
export function closeRings(work: Work, { parsed, rep }: StageContext): Work {
  const features = work.features.map((f): ParsedFeature => {
    let changed = false;
    const polygons = f.polygons.map((poly, pi) =>
      poly.map((ring0, ri) => {
        const w = () => loc.ring(f.where, ri, f.polygons.length > 1 ? pi : undefined);
        let ring = dedupe(ring0);
        if (!isClosed(ring) && ring.length > 0) {
          if (parsed.closePolicy === 'auto' || ring.length < 3) {
            if (parsed.closePolicy === 'auto' && ring.length >= 3) rep.warn('ring-closed-automatically', w());
            ring = [...ring, ring[0] as Position];
          } else {
            rep.error('ring-not-closed', w());
          }
        }
        const distinct = Math.max(0, ring.length - 1);
        if (distinct < 3) rep.error('ring-too-few-points', w(), { count: distinct });
        if (ring !== ring0) changed = true;
        return ring;
      }),
    );
    // a feature whose rings all stand as they are is passed on as it is
    return changed ? { ...f, polygons } : f;
  });
  return { ...work, features };
}
