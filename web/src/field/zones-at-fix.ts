/**
 * The zones at a fix, from the app's own layers: the layers "where am I" reads (layers/point-layers.ts) are loaded
 * into the screening worker — a check's layers through the check's own loading (the same load serves both), the
 * other zone layers beside them — and the worker answers its `point` request over every layer it holds.
 */
import { isReplaced } from '../../../layers/badge.ts';
import { pointLayerDefs, pointLayerMeta, redLineIds } from '../../../layers/point-layers.ts';
import { isScreeningLayer } from '../../../layers/screening.ts';
import type { LayerDef } from '../../../layers/types.ts';
import type { PointReport } from '../../domain/field/zones-here.ts';
import { ensureLayer, layerPlan, screeningClient } from '../screening/layer-loading.ts';
import type { UserLayerInfo } from '../store/store.ts';

async function loadForPoint(def: LayerDef, user: UserLayerInfo | undefined): Promise<void> {
  if (isScreeningLayer(def)) {
    await ensureLayer(def, user);
    return;
  }
  const plan = layerPlan(def, user);
  await screeningClient().ensureLayer(
    plan.key,
    pointLayerMeta(def, plan.meta.version ?? def.data),
    plan.from,
  );
}

export interface ZonesAtFix {
  report: PointReport;
  /** the layers read, by id, in registry order (bottom to top) */
  layers: LayerDef[];
  /** the layers read from the user's own file */
  userLayerIds: string[];
}

export async function zonesAtFix(
  lon: number,
  lat: number,
  userLayers: Record<string, UserLayerInfo>,
): Promise<ZonesAtFix> {
  const defs = pointLayerDefs(userLayers);
  // a layer that cannot be loaded is left out of the answer rather than failing it (its zones are not claimed)
  const loaded = await Promise.allSettled(defs.map((d) => loadForPoint(d, userLayers[d.id])));
  const layers = defs.filter((_, i) => loaded[i]?.status === 'fulfilled');
  const report = await screeningClient().point(lon, lat, redLineIds(layers));
  // the worker may hold layers loaded for another purpose: only those read here are answered
  const read = new Set(layers.map((d) => d.id));
  const order = new Map(layers.map((d, i) => [d.id, i]));
  const rank = (id: string) => order.get(id) ?? 0;
  const zones = report.zones
    .filter((z) => read.has(z.layerId))
    .sort((a, b) => rank(a.layerId) - rank(b.layerId));
  return {
    report: { ...report, zones, inRedLine: report.inRedLine.filter((z) => read.has(z.layerId)) },
    layers,
    userLayerIds: layers.filter((d) => isReplaced(d.id, userLayers)).map((d) => d.id),
  };
}
