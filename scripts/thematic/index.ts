import { BATTLES, SANDS, TREATMENT } from './battles.ts';
import { ECO_AREAS, LAYOUT_LAYER } from './eco.ts';
import { INDUSTRY, PILOTS, WIND_BASES } from './energy.ts';
import { FARMLAND, MOUNTAINS, PARKS, PLAINS } from './land.ts';
import { PLACES } from './places.ts';
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
  ECO_AREAS,
  LAYOUT_LAYER,
  WIND_BASES,
  INDUSTRY,
  PILOTS,
  PLACES,
  REDLINE,
];
