import type { GeoJsonFeatureCollection } from './layer.ts';

/**
 * The app's layers name features `zh`/`en` and identify them by `zoneId`; the engine reports `id` and `name`.
 * Fills those in (keeping any the data has), so results name the zone in both languages.
 */
export function layerFeatures(fc: GeoJsonFeatureCollection): GeoJsonFeatureCollection {
  if (!fc || !Array.isArray(fc.features)) throw new Error('not a GeoJSON FeatureCollection');
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f, i) => {
      const p = f.properties ?? {};
      const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
      const zh = str(p.zh);
      const en = str(p.en);
      const name = str(p.name) ?? (zh && en ? `${zh} / ${en}` : (zh ?? en));
      const id = str(p.id) ?? str(p.zoneId) ?? (f.id !== undefined ? String(f.id) : String(i + 1));
      return { ...f, properties: { ...p, id, ...(name ? { name } : {}) } };
    }),
  };
}
