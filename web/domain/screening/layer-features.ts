import type { GeoJsonFeatureCollection } from './layer.ts';

/**
 * The app's layers name features `zh`/`en` and identify them by `zoneId`; the engine reports `id` and `name`.
 * Fills those in (keeping any the data has), so results name the zone in both languages.
 */
export function layerFeatures(fc: GeoJsonFeatureCollection): GeoJsonFeatureCollection {
  if (!fc || !Array.isArray(fc.features)) throw new Error('not a GeoJSON FeatureCollection');
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f, i) => ({
      ...f,
      properties: withIdAndName(f.properties ?? {}, f.id, i),
    })),
  };
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/**
 * The properties `p` of feature i (0-based, GeoJSON id `featureId`) with `id` and `name` as layerFeatures gives
 * them: a new object (one spread: faster than adding keys to `p`).
 */
export function withIdAndName(
  p: Record<string, unknown>,
  featureId: unknown,
  i: number,
): Record<string, unknown> {
  const zh = str(p.zh);
  const en = str(p.en);
  const name = str(p.name) ?? (zh && en ? `${zh} / ${en}` : (zh ?? en));
  const id = str(p.id) ?? str(p.zoneId) ?? (featureId !== undefined ? String(featureId) : String(i + 1));
  return { ...p, id, ...(name ? { name } : {}) };
}
