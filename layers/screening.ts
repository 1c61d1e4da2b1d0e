import type { LayerMeta } from '../web/domain/screening/layer.ts';
import { LAYERS } from './registry.ts';
import type { LayerDef } from './types.ts';

/**
 * Which layers a screening check reads, one rule for the app (web/src/screening/check.ts) and the CLI
 * (scripts/cli): every registry layer with a zone type (red line, protected areas, lakes and wetlands), and the
 * layers of the red-line group (their features carry their own zone types; 'redline' where they do not).
 */
export const isScreeningLayer = (def: Pick<LayerDef, 'zoneType' | 'group'>): boolean =>
  Boolean(def.zoneType) || def.group === 'redline';

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
