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
  const name = reportedName(p.name, p.zh, p.en);
  return { ...p, id: reportedId(p.id, p.zoneId, featureId, i), ...(name ? { name } : {}) };
}

/** The name a feature is reported by: its `name`, else `zh / en`, else either. */
export function reportedName(name: unknown, zh: unknown, en: unknown): string | undefined {
  const z = str(zh);
  const e = str(en);
  return str(name) ?? (z && e ? `${z} / ${e}` : (z ?? e));
}

/** The id a feature is reported by: its `id`, else its `zoneId`, else the file's id, else its 1-based place. */
export function reportedId(id: unknown, zoneId: unknown, featureId: unknown, i: number): string {
  return str(id) ?? str(zoneId) ?? (featureId !== undefined ? String(featureId) : String(i + 1));
}
