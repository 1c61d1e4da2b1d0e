import { BATTLES, SANDS, TREATMENT } from './battles.ts';
import { FARMLAND, MOUNTAINS, PARKS, PLAINS } from './land.ts';
import { REDLINE } from './redline.ts';
import type { ThematicLayerSpec } from './types.ts';
import { BASINS, RESERVOIRS, RIVERS, WATER_AREAS, WATER_WORKS } from './water.ts';

/** Every thematic layer, in the order the files are written. */
export const THEMATIC_LAYER_SPECS: readonly ThematicLayerSpec[] = [
  BATTLES,
  SANDS,
  TREATMENT,
  BASINS,
  WATER_AREAS,
  RIVERS,
  WATER_WORKS,
  RESERVOIRS,
  MOUNTAINS,
  PLAINS,
  FARMLAND,
  PARKS,
  REDLINE,
];
