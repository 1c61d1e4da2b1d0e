import { LAYERS } from '../../../layers/registry.ts';
import type { LayerDef } from '../../../layers/types.ts';

/** Overlay ids of the screening (drawn above every layer, see layers/overlays.ts). */
export const OVERLAY = {
  project: 'screening-project',
  original: 'screening-original',
  overlap: 'screening-overlap',
  buffers: 'screening-buffers',
} as const;

/**
 * Layers screening checks against: every registry layer with a zone type (red line, protected areas), and the
 * layers of the red-line group (their features carry their own zone types; 'redline' where they do not).
 */
export const screeningLayerDefs = (): LayerDef[] => LAYERS.filter((l) => l.zoneType || l.group === 'redline');
export const zoneTypeOf = (def: LayerDef): string => def.zoneType ?? 'redline';
