import type { SectionLayer } from '../web/domain/report/sections.ts';
import type { LayerMeta } from '../web/domain/screening/layer.ts';
import { isReplaced, layerBadge, type ReplacedLayers } from './badge.ts';
import { LAYERS } from './registry.ts';
import type { LayerDef } from './types.ts';

/**
 * Which layers a screening check reads, one rule for the app (web/src/screening/check.ts) and the CLI
 * (scripts/cli): every registry layer with a zone type (red line, protected areas, lakes and wetlands), and the
 * layers of the red-line group (their features carry their own zone types; 'redline' where they do not).
 */
export const isScreeningLayer = (def: Pick<LayerDef, 'zoneType' | 'group'>): boolean =>
  Boolean(def.zoneType) || isRedLineLayer(def);

/** Red line: the layers of the red-line group (the zones a site must not touch). */
export const isRedLineLayer = (def: Pick<LayerDef, 'group'>): boolean => def.group === 'redline';

/** The screening layers in registry order (bottom to top). */
export const screeningLayerDefs = (layers: readonly LayerDef[] = LAYERS): LayerDef[] =>
  layers.filter(isScreeningLayer);

/** The zone type the rules apply to a layer's features that carry none. */
export const zoneTypeOf = (def: Pick<LayerDef, 'zoneType'>): string => def.zoneType ?? 'redline';

/** What the engine is told about a screening layer; `version` names the data read (built-in file or the user's). */
export const screeningLayerMeta = (def: LayerDef, version: string): LayerMeta => ({
  id: def.id,
  nameZh: def.name.zh,
  nameEn: def.name.en,
  version,
  defaultZoneType: zoneTypeOf(def),
});

/** A screening layer the check can read: built-in data, or the user's file for a layer that ships none. */
export const isLoadedForScreening = (
  def: Pick<LayerDef, 'id' | 'userDataOnly'>,
  userLayers: ReplacedLayers,
): boolean => !def.userDataOnly || isReplaced(def.id, userLayers);

/**
 * What a check reads and what it cannot: the screening layers with data (built in or the user's), and those with
 * none loaded (永久基本农田, 城镇开发边界 until the user loads the official file), which every result lists as
 * 未加载 / not checked, never as "no overlap". The app passes the user's layers; the CLI the registry ids given a
 * file with `--layer <id>=<file>`.
 */
export function screeningPlan(
  userLayers: ReplacedLayers,
  layers: readonly LayerDef[] = LAYERS,
): { read: LayerDef[]; notLoaded: LayerDef[] } {
  const defs = screeningLayerDefs(layers);
  return {
    read: defs.filter((d) => isLoadedForScreening(d, userLayers)),
    notLoaded: defs.filter((d) => !isLoadedForScreening(d, userLayers)),
  };
}

/** A layer not loaded, as the result's sections list it (web/domain/report/sections.ts). */
export const notCheckedLayer = (def: LayerDef): SectionLayer => ({
  layerId: def.id,
  nameZh: def.name.zh,
  nameEn: def.name.en,
  zoneType: zoneTypeOf(def),
  badge: layerBadge(def),
});
