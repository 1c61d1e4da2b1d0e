/**
 * A user layer as it is kept: the import's features turned once into the engine's binary form (EBL1), checked
 * as every screening layer is (validateLayer), with what the app lists about it. The import worker and the
 * migration of layers kept by earlier versions both go through `storedLayerParts`.
 */
import type { FeatureCollection } from 'geojson';
import { flatBBox } from '../geo/bbox.ts';
import type { UserLayer } from '../importers/index.ts';
import { REGION_BBOX, REGION_MARGIN_DEG } from '../importers/normalize/region.ts';
import type { ImportMessage } from '../importers/types.ts';
import {
  encodeLayer,
  featureCoordinates,
  type GeoJsonFeatureCollection,
  type LayerData,
  type LayerFeatureProps,
  layerFromGeoJson,
} from '../screening/layer.ts';
import { type LayerIssue, type LayerLabel, validateLayer } from '../screening/layer-check.ts';
import { reportedId, reportedName } from '../screening/layer-features.ts';
import { propsArray } from '../screening/layer-props.ts';
import { userZoneId, userZoneType } from './user-layer.ts';

export { layerVersion as storedLayerVersion } from './layer-version.ts';

/** Property names a file may give a feature's name under, in order of preference. */
const NAME_KEYS = ['name', 'NAME', 'Name', '名称', 'MC', 'mc', 'XMMC', 'BHQMC', 'DKMC'];

export function usableName(p: Record<string, unknown> | null | undefined): string | undefined {
  for (const k of NAME_KEYS) {
    const v = p?.[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return undefined;
}

export interface StoredLayerParts {
  data: LayerData;
  ebl: ArrayBuffer;
  featureCount: number;
  vertexCount: number;
  bbox: [number, number, number, number];
}

/**
 * The features of a user layer (an import's, or one kept by an earlier version) as the engine's LayerData, with
 * `zoneId`, `zoneType`, `name` and `id` (the zoneId unless the file has one) filled in. Refused, with the layer check's issues (what and where), when the
 * engine could not give a true answer with it (no polygons, coordinates that are not lon/lat).
 */
export function checkedLayerData(
  fc: FeatureCollection,
  o: {
    layerId: string;
    zoneType?: string;
    label: LayerLabel;
    /** the file's index of the first feature, when `fc` holds a later part of the file's features */
    firstIndex?: number;
  },
): { ok: true; data: LayerData } | { ok: false; errors: LayerIssue[] } {
  const first = o.firstIndex ?? 0;
  const features = fc.features.map((f, k) => ({
    type: 'Feature' as const,
    geometry: f.geometry,
    properties: storedFeatureProperties(f.properties, f.id, first + k, o),
  }));
  const data = layerFromGeoJson(
    { type: 'FeatureCollection', features } as GeoJsonFeatureCollection,
    storedLayerMeta(o),
    undefined,
    true,
  );
  return checkedData(data, o);
}

/**
 * checkedLayerData for features already laid out flat (the split import's flat reading): the same properties,
 * meta and layer check.
 */
export function checkedFlatLayerData(
  geometry: Pick<LayerData, 'coords' | 'ringStarts' | 'partRingStarts' | 'featurePartStarts'>,
  properties: readonly Record<string, unknown>[],
  ids: readonly (string | number | undefined)[],
  o: { layerId: string; zoneType?: string; label: LayerLabel; firstIndex?: number },
): { ok: true; data: LayerData } | { ok: false; errors: LayerIssue[] } {
  const first = o.firstIndex ?? 0;
  const props = properties.map(
    (p, k) => storedFeatureProperties(p, ids[k], first + k, o) as LayerFeatureProps,
  );
  const { coords, ringStarts, partRingStarts, featurePartStarts } = geometry;
  return checkedData(
    { meta: storedLayerMeta(o), coords, ringStarts, partRingStarts, featurePartStarts, props },
    o,
  );
}

/**
 * A feature's properties as a stored layer keeps them: normaliseUserFeatures (userFeatureProperties), a usable
 * name, then ids and names as the screening reads every layer (withIdAndName: results and warnings name features
 * by them). The three steps' rules (userZoneId, userZoneType, usableName, reportedName, reportedId) put into one
 * object literal, with the keys in the order the steps give them (a key the file has keeps its place; new ones
 * follow in the steps' order): a spread per feature instead of two and a key added. Tested against the steps.
 */
export function storedFeatureProperties(
  properties: Record<string, unknown> | null | undefined,
  featureId: unknown,
  i: number,
  o: { layerId: string; zoneType?: string },
): Record<string, unknown> {
  const p = properties ?? {};
  const zoneId = userZoneId(p, i, o.layerId);
  const zoneType = userZoneType(p, o.zoneType);
  const named = typeof p.name === 'string' ? undefined : usableName(p);
  const name = reportedName(named ?? p.name, p.zh, p.en);
  const id = reportedId(p.id, zoneId, featureId, i);
  return {
    ...p,
    zoneId,
    ...(zoneType ? { zoneType } : {}),
    ...(named ? { name: named } : {}),
    id,
    ...(name ? { name } : {}),
  };
}

const storedLayerMeta = (o: { layerId: string; zoneType?: string }) => ({
  id: o.layerId,
  ...(o.zoneType ? { defaultZoneType: o.zoneType } : {}),
});

function checkedData(
  data: LayerData,
  o: { label: LayerLabel },
): { ok: true; data: LayerData } | { ok: false; errors: LayerIssue[] } {
  const check = validateLayer(data, { label: o.label });
  if (check.errors.length > 0) return { ok: false, errors: check.errors };
  return { ok: true, data };
}

/** The checked layer encoded (EBL1), with the counts and box a stored layer lists. */
export function encodeStoredParts(data: LayerData): StoredLayerParts {
  const vertexCount = data.coords.length / 2;
  return {
    data,
    ebl: encodeLayer(data),
    featureCount: data.featurePartStarts.length - 1,
    vertexCount,
    bbox: flatBBox(data.coords, 0, vertexCount) as [number, number, number, number],
  };
}

/** checkedLayerData, then encodeStoredParts. */
export function storedLayerParts(
  fc: FeatureCollection,
  o: { layerId: string; zoneType?: string; label: LayerLabel },
): { ok: true; parts: StoredLayerParts } | { ok: false; errors: LayerIssue[] } {
  const c = checkedLayerData(fc, o);
  return c.ok ? { ok: true, parts: encodeStoredParts(c.data) } : c;
}

/** The layer check's refusals as import messages (the file's name first, the feature as the place). */
export function layerIssueMessages(file: string, issues: LayerIssue[]): ImportMessage[] {
  return issues.map((i) => {
    const m: ImportMessage = {
      file,
      code:
        i.code === 'layer-empty'
          ? 'no-features'
          : i.code === 'layer-not-lonlat'
            ? 'projected-in-lonlat'
            : 'coordinate-invalid',
      severity: i.severity,
      zh: `${file}：${i.zh}`,
      en: `${file}: ${i.en}`,
    };
    if (i.featureId) {
      m.location = `feature ${i.featureId}`;
      m.locationZh = `要素 ${i.featureId}`;
    }
    return m;
  });
}

/**
 * A layer wholly outside the region (every feature, so the layer's box misses it) is a mis-projected or
 * mis-ordered file, not a layer of Inner Mongolia: the importer's per-feature warnings about it become errors.
 * A layer only partly outside (national data, a border strip) keeps them as warnings.
 */
export function outsideRegionErrors(
  bbox: readonly [number, number, number, number],
  warnings: ImportMessage[],
): ImportMessage[] {
  const [w, s, e, n] = REGION_BBOX;
  const m = REGION_MARGIN_DEG;
  const disjoint = bbox[2] < w - m || bbox[0] > e + m || bbox[3] < s - m || bbox[1] > n + m;
  if (!disjoint) return [];
  return warnings
    .filter((x) => x.code === 'outside-region')
    .map((x) => ({ ...x, severity: 'error' as const }));
}

/** The layer as GeoJSON again (a project bundle's export): the stored geometry and properties. */
export function layerGeoJson(data: LayerData): FeatureCollection {
  const n = data.featurePartStarts.length - 1;
  const props = propsArray(data.props);
  const features: FeatureCollection['features'] = [];
  for (let f = 0; f < n; f++) {
    const parts = featureCoordinates(data, f);
    features.push({
      type: 'Feature',
      properties: { ...(props[f] ?? {}) },
      geometry:
        parts.length === 1
          ? { type: 'Polygon', coordinates: parts[0] as number[][][] }
          : { type: 'MultiPolygon', coordinates: parts },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** A layer kept by an earlier version (GeoJSON bytes or objects in the project store) as a FeatureCollection. */
export function keptLayerFeatures(l: UserLayer): FeatureCollection | undefined {
  if (l.data) return l.data as FeatureCollection;
  if (!l.geojson) return undefined;
  const v = JSON.parse(new TextDecoder().decode(l.geojson)) as FeatureCollection;
  return v && Array.isArray(v.features) ? v : undefined;
}
