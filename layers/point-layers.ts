import type { LayerMeta } from '../web/domain/screening/layer.ts';
import type { ReplacedLayers } from './badge.ts';
import { LAYERS } from './registry.ts';
import { isLoadedForScreening, isScreeningLayer, screeningLayerMeta } from './screening.ts';
import type { LayerDef } from './types.ts';

/**
 * Which layers "where am I" reads, one rule for the app (web/src/field/zones-at-fix.ts) and Node
 * (scripts/lib/zones-at-point.ts): every layer a check reads (layers/screening.ts, the user's files included), and
 * every other zone layer of areas: the administrative ones (region, league, banner/county, drawn as outlines) and
 * those drawn as areas (sands, battles, plan zones). Lines and points have no inside. A layer with no data loaded
 * (永久基本农田 until the user loads it) is not read.
 */
export const isPointLayer = (def: LayerDef): boolean =>
  isScreeningLayer(def) || (def.interactive && (def.legend.kind === 'fill' || def.group === 'admin'));

export const pointLayerDefs = (
  userLayers: ReplacedLayers,
  layers: readonly LayerDef[] = LAYERS,
): LayerDef[] => layers.filter((d) => isPointLayer(d) && isLoadedForScreening(d, userLayers));

/** Red line: the layers of the red-line group (the zones a site must not touch). */
export { isRedLineLayer } from './screening.ts';

import { isRedLineLayer } from './screening.ts';

export const redLineIds = (defs: readonly LayerDef[]): string[] =>
  defs.filter(isRedLineLayer).map((d) => d.id);

/** What the worker is told about a layer: a screening layer as a check names it (the same load serves both). */
export const pointLayerMeta = (def: LayerDef, version: string): LayerMeta =>
  isScreeningLayer(def)
    ? screeningLayerMeta(def, version)
    : { id: def.id, nameZh: def.name.zh, nameEn: def.name.en, version };
