/** A stored layer (EBL1's LayerData) as the features geojson-vt cuts into tiles, in the user-tiles worker. */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { featureCoordinates, type LayerData, type LayerFeatureProps } from '../screening/layer.ts';

/** Properties the style, hover and click selection read (layers/*-style.ts, web/domain/ui/zone-selection.ts). */
export const USER_TILE_PROPS = ['id', 'zoneId', 'zoneType', 'name', 'zh', 'en', 'kind', 'layer', 'anchor'];

export type TileProps = Record<string, string | number | boolean>;

/** A feature's properties as tiles carry them: the listed ones that hold a string, number or boolean. */
export function tileProps(p: LayerFeatureProps): TileProps {
  const out: TileProps = {};
  for (const k of USER_TILE_PROPS) {
    const v = p[k];
    if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) {
      out[k] = v;
    }
  }
  return out;
}

/** Feature f of the layer as GeoJSON (a Polygon when it has one part). */
export function tileFeature(data: LayerData, f: number): Feature<Polygon | MultiPolygon, TileProps> {
  const parts = featureCoordinates(data, f);
  const geometry: Polygon | MultiPolygon =
    parts.length === 1
      ? { type: 'Polygon', coordinates: parts[0] as number[][][] }
      : { type: 'MultiPolygon', coordinates: parts };
  return { type: 'Feature', properties: tileProps(data.props.at(f) ?? { id: String(f) }), geometry };
}

/**
 * The layer as the FeatureCollection geojson-vt converts. geojson-vt reads `features.length` and each
 * `features[i]` once, in order; each feature is made as it is read, so the layer (millions of vertices) never
 * exists as GeoJSON objects all at once.
 */
export function tileFeatureCollection(data: LayerData): FeatureCollection<Polygon | MultiPolygon, TileProps> {
  const count = data.featurePartStarts.length - 1;
  const features = new Proxy([] as Feature<Polygon | MultiPolygon, TileProps>[], {
    get(target, key, receiver) {
      if (key === 'length') return count;
      if (typeof key === 'string' && /^\d+$/.test(key)) {
        const i = Number(key);
        return i < count ? tileFeature(data, i) : undefined;
      }
      return Reflect.get(target, key, receiver);
    },
  });
  return { type: 'FeatureCollection', features };
}
