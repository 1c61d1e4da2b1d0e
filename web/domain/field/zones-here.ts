/**
 * "Where am I": the zones of every layer held that contain a position, and how far the nearest red-line boundary
 * is. One rule for the screening worker (its `point` request, worker-protocol.ts) and Node (scripts/lib), so the
 * app and a command line say the same. Which layers are red line is the caller's (layers/point-layers.ts).
 */
import type { LayerIndex } from '../screening/layer.ts';
import { featuresAtPoint, nearestBoundary } from '../screening/point.ts';

export interface PointLayer {
  id: string;
  index: LayerIndex;
  /** the layer's features are ecological red line (its group, layers/point-layers.ts) */
  redLine: boolean;
}

export interface ZoneHere {
  layerId: string;
  featureId: string;
  zoneId: string | null;
  /** the feature's names (a user's file has `name` only: it is then zh) */
  zh: string;
  en: string;
  kind: string;
  zoneType: string;
  /** the position lies exactly on the zone's edge */
  onBoundary: boolean;
  /**
   * metres to the nearest zone boundary of the same layer (this zone's edge or a neighbour's): within a fix's
   * accuracy, which zone of this layer the position is in is uncertain
   */
  layerEdgeM: number | null;
}

export interface NearestRedLine {
  layerId: string;
  featureId: string;
  zoneId: string | null;
  zh: string;
  en: string;
  /** metres to the boundary: from inside, to its edge; from outside, to the zone */
  distanceM: number;
  inside: boolean;
}

export interface PointReport {
  lon: number;
  lat: number;
  /** every zone containing the position, layer by layer in the order given */
  zones: ZoneHere[];
  /** the red-line layers asked (empty: none is loaded, and nothing can be said about the red line) */
  redLineLayers: string[];
  /** the zones among `zones` of red-line layers */
  inRedLine: ZoneHere[];
  /** the nearest red-line boundary within the search limit, or null (none within it, or no red-line layer) */
  nearestRedLine: NearestRedLine | null;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function names(index: LayerIndex, f: number): { zh: string; en: string; kind: string } {
  const p = (index.data.props.at(f) ?? {}) as Record<string, unknown>;
  const zh = str(p.zh) || str(p.name);
  return { zh, en: str(p.en) || (str(p.zh) ? '' : str(p.name)), kind: str(p.kind) };
}

export function zonesHere(layers: readonly PointLayer[], lon: number, lat: number): PointReport {
  const zones: ZoneHere[] = [];
  let nearest: NearestRedLine | null = null;
  for (const l of layers) {
    const here = featuresAtPoint(l.index, lon, lat);
    const edge = here.length > 0 ? nearestBoundary(l.index, lon, lat) : null;
    for (const z of here)
      zones.push({
        layerId: l.id,
        featureId: z.featureId,
        zoneId: z.zoneId,
        ...names(l.index, z.featureIndex),
        zoneType: z.zoneType,
        onBoundary: z.onBoundary,
        layerEdgeM: edge ? edge.distanceM : null,
      });
    if (!l.redLine) continue;
    const b = edge ?? nearestBoundary(l.index, lon, lat);
    if (b && (!nearest || b.distanceM < nearest.distanceM)) {
      const n = names(l.index, b.feature.featureIndex);
      nearest = {
        layerId: l.id,
        featureId: b.feature.featureId,
        zoneId: b.feature.zoneId,
        zh: n.zh,
        en: n.en,
        distanceM: b.distanceM,
        inside: b.inside,
      };
    }
  }
  const redIds = layers.filter((l) => l.redLine).map((l) => l.id);
  return {
    lon,
    lat,
    zones,
    redLineLayers: redIds,
    inRedLine: zones.filter((z) => redIds.includes(z.layerId)),
    nearestRedLine: nearest,
  };
}
