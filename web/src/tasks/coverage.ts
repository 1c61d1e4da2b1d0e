import ZONE_INDEX from '../../../data/zone-index.json';
import { layerBadge } from '../../../layers/badge.ts';
import { LAYERS } from '../../../layers/registry.ts';
import type { LayerDef } from '../../../layers/types.ts';
import type { ZonePaint } from '../../../layers/zone-paint.ts';
import { coveragePaint } from '../../domain/plan/coverage-paint.ts';
import type { PlanBundle } from '../plan/plan-data.ts';
import type { AppStore } from '../store/store.ts';
import { nameWithBadge } from '../strings/index.ts';
import { COVERAGE_WORDS } from '../strings/task-labels.ts';

const INDEX = ZONE_INDEX as unknown as Record<string, { layerId: string }>;

/** Each interactive layer's zones, in the zone index's order (data/zone-index.json). */
const ZONES_OF = new Map<string, string[]>();
for (const [id, at] of Object.entries(INDEX))
  ZONES_OF.set(at.layerId, [...(ZONES_OF.get(at.layerId) ?? []), id]);

/** The layers the coverage map can colour: the registry's layers with interactive zones, in legend order. */
export const COVERAGE_LAYERS: LayerDef[] = LAYERS.filter((l) => l.interactive && ZONES_OF.has(l.id));

export const COVERAGE_DEFAULT = 'leagues';
export const COVERAGE_PREFIX = 'coverage:';

/** `coverage:<layerId>` → the layer id, or null for another key. */
export const coverageLayerOf = (key: string | undefined | null): string | null =>
  key?.startsWith(COVERAGE_PREFIX) ? key.slice(COVERAGE_PREFIX.length) : null;

/** The coverage paint of a layer's zones (null for a layer without interactive zones). */
export function coverageFor(layerId: string, bundle: PlanBundle): ZonePaint | null {
  const def = COVERAGE_LAYERS.find((l) => l.id === layerId);
  const zones = ZONES_OF.get(layerId);
  if (!def || !zones) return null;
  const badge = layerBadge(def);
  const name = {
    zh: nameWithBadge(def.name.zh, badge, 'zh'),
    en: nameWithBadge(def.name.en, badge, 'en'),
  };
  return coveragePaint(bundle.plan, bundle.gazetteer, { id: def.id, name }, zones, COVERAGE_WORDS);
}

/** Colours a layer's zones by their task count and switches the layer on. */
export function showCoverage(store: AppStore, layerId: string, bundle: PlanBundle): void {
  const paint = coverageFor(layerId, bundle);
  if (!paint) return;
  store.getState().setZonePaint(paint);
  store.getState().showLayers(paint.layerIds);
}

/** Takes the coverage colours off (another view's colours stay). */
export function hideCoverage(store: AppStore): void {
  if (coverageLayerOf(store.getState().zonePaint?.key)) store.getState().setZonePaint(null);
}
