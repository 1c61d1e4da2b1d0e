import type { LayerIndex } from './layer.ts';

/** At most this far (degrees) from the feature's centre on each side: a few km, an S-size project. */
const MAX_HALF = 0.02;

/**
 * The project a warm-up check screens (worker-protocol.ts `warmCheck`): a rectangle from the centre of the first
 * feature of the layer with the most features across that feature's east edge (or inside it, for a feature wider
 * than a few km), so that the clip, the areas, the buffers and the nearest boundary each run once before the
 * user's first check (which otherwise runs them cold). Null when no layer has a feature.
 */
export function warmUpProject(layers: Iterable<LayerIndex>): {
  type: 'Polygon';
  coordinates: number[][][];
} | null {
  let largest: LayerIndex | null = null;
  for (const l of layers)
    if (l.featureCount > 0 && (!largest || l.featureCount > largest.featureCount)) largest = l;
  if (!largest) return null;
  const [w = Number.NaN, s = Number.NaN, e = Number.NaN, n = Number.NaN] = largest.featureBBox;
  if (![w, s, e, n].every(Number.isFinite)) return null;
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const hx = Math.max(Math.min((e - w) / 2, MAX_HALF), 1e-4);
  const hy = Math.max(Math.min((n - s) / 2, MAX_HALF), 1e-4);
  const [x0, x1, y0, y1] = [cx - hx / 2, cx + hx * 1.5, cy - hy / 2, cy + hy / 2];
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  };
}
