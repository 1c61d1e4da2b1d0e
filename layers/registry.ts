import { BASE_LAYERS } from './base-layers.ts';
import { THEMATIC_GROUPS, THEMATIC_LAYERS } from './thematic-layers.ts';
import { THREE_ZONES_GROUP, THREE_ZONES_LAYERS } from './three-zones-layers.ts';
import type { GroupDef, LayerDef } from './types.ts';

/** In legend order: the plan's themes first, the base map last. */
export const GROUPS: GroupDef[] = [
  ...THEMATIC_GROUPS,
  THREE_ZONES_GROUP,
  { id: 'admin', name: { zh: '行政区划', en: 'Administrative' } },
  { id: 'water', name: { zh: '水系', en: 'Water' } },
  { id: 'context', name: { zh: '周边', en: 'Surroundings' } },
];

/** Bottom to top. */
export const LAYERS: LayerDef[] = [...BASE_LAYERS, ...THEMATIC_LAYERS, ...THREE_ZONES_LAYERS];

export function layerById(id: string): LayerDef | undefined {
  return LAYERS.find((l) => l.id === id);
}
