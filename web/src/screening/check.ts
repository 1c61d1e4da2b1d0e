import type { MultiPolygon } from 'geojson';
import { layerBadge } from '../../../layers/badge.ts';
import type { Overlay } from '../../../layers/overlays.ts';
import { notCheckedLayer, screeningPlan, zoneTypeOf } from '../../../layers/screening.ts';
import type { LayerDef } from '../../../layers/types.ts';
import type { Progress } from '../../domain/screening/layer.ts';
import { useAppStore } from '../store/store.ts';
import { bufferRingsOffThread, cancelBufferRings } from './buffer-rings-client.ts';
import { boundaryKey } from './draft.ts';
import { ensureLayer, markCheckDone, screeningClient } from './layer-loading.ts';
import { LayerRefusedError } from './screening-client.ts';
import { OVERLAY } from './screening-layers.ts';
import type { DatasetInfo } from './screening-slice.ts';

/** The check: layers loaded into the worker (once per version), the draft screened, the result shown. */

const store = () => useAppStore.getState();

function datasetOf(def: LayerDef, sha256: string, featureCount: number, url: string | null): DatasetInfo {
  const user = store().userLayers[def.id];
  const file = url ? decodeURIComponent(new URL(url).pathname.split('/').pop() ?? def.data) : def.data;
  return {
    layerId: def.id,
    nameZh: def.name.zh,
    nameEn: def.name.en,
    zoneType: zoneTypeOf(def),
    // the badge of the data this check read: the user's file when there is no built-in url
    badge: layerBadge(def, url === null ? new Set([def.id]) : new Set()),
    version: user ? `${user.fileName} · ${user.importedAt}` : file,
    provenance: user
      ? `${user.note}; ${user.crs}`
      : [...def.sources.map((s) => `${s.name} (${s.licence})`), def.method].join('; '),
    featureCount,
    sha256,
  };
}

/** The overlays the last check put on the map, and what they were made from. */
let shown: { sig: string; overlap: Overlay; buffers: Overlay | null } | null = null;

/** The promise's value if it has settled by the next microtasks, else null (a rejection is thrown). */
async function settledNow<T>(p: Promise<T>): Promise<{ value: T } | null> {
  const pending = Symbol();
  const v = await Promise.race([p, Promise.resolve(pending)]);
  return v === pending ? null : { value: v as T };
}

/** Loads the layers in the worker (once per version) and checks the draft against all of them. */
export async function runCheck(buffersM: number[]): Promise<void> {
  const s = store();
  const draft = s.screeningDraft;
  if (!draft || draft.boundary.features.length === 0) return;
  const key = boundaryKey(draft);
  const t0 = performance.now();
  // rings still being cut for the check before stop rather than compete with this check (on two cores they slowed
  // it down); they are asked for again after this table is painted
  cancelBufferRings();
  const ringsKey = JSON.stringify([key, buffersM]);
  const setRun = s.setScreeningRun;
  setRun({
    status: 'loading',
    progress: null,
    message: null,
    errors: [],
    layerIssues: [],
    buffersM,
    draftKey: key,
  });
  const onProgress = (progress: Progress) => setRun({ progress });
  try {
    const c = screeningClient();
    // layers with no data loaded (永久基本农田, 城镇开发边界 until the user loads them) are listed as not checked
    const { read: defs, notLoaded } = screeningPlan(s.userLayers);
    setRun({ notChecked: notLoaded.map(notCheckedLayer) });
    if (defs.length === 0) throw new Error('no-layers');
    const datasets: DatasetInfo[] = [];
    for (const def of defs) {
      const loaded = await ensureLayer(def, s.userLayers[def.id], onProgress);
      datasets.push(datasetOf(def, loaded.sha256, loaded.featureCount, loaded.url));
    }
    setRun({ status: 'running', progress: null });
    const out = await c.screen(
      draft.boundary,
      defs.map((d) => d.id),
      { projectType: draft.type, buffersM, includeGeometry: true, nearest: true },
      onProgress,
    );
    if (boundaryKey(store().screeningDraft) !== key) return; // the user moved on; this result is stale
    if (!out.ok) {
      setRun({ status: 'invalid', errors: out.errors, progress: null, result: null });
      return;
    }
    setRun({
      status: 'done',
      result: out.result,
      datasets,
      progress: null,
      checkedAt: new Date().toISOString(),
    });
    // the result table is painted first; the map follows on the next frames (a style change and a redraw of
    // the map can take longer than the check itself)
    await markCheckDone(t0, out.ms);
    // and after every task that waited for that paint
    await new Promise((after) => setTimeout(after, 0));
    if (boundaryKey(store().screeningDraft) !== key) return;
    // show the layers the project touches, so the overlap is seen against them
    store().showLayers([...new Set(out.result.overlaps.map((o) => o.layerId))]);
    // the same check again (same outline, data, buffers and overlaps) finds the map showing its overlays already:
    // no new data for the map to tile and draw
    const sig = JSON.stringify([
      key,
      buffersM,
      datasets.map((d) => [d.layerId, d.sha256]),
      out.result.overlaps.map((o) => [o.layerId, o.featureId, o.areaM2]),
    ]);
    const now = store().overlays;
    if (
      shown?.sig === sig &&
      now[OVERLAY.overlap] === shown.overlap &&
      (now[OVERLAY.buffers] ?? null) === shown.buffers
    )
      return;
    shown = null;
    const overlap: Overlay = {
      kind: 'overlap',
      data: {
        type: 'FeatureCollection',
        features: out.result.overlaps
          .filter((o) => o.geometry)
          .map((o) => ({
            type: 'Feature',
            geometry: o.geometry as MultiPolygon,
            properties: {
              layerId: o.layerId,
              featureId: o.featureId,
              zoneType: o.zoneType,
              areaM2: o.areaM2,
            },
          })),
      },
    };
    // rings already cut for this outline and these distances (the same check again) go with the overlap in one
    // task: the map takes both and draws once. Otherwise the overlap is drawn now, and the rings when their worker
    // answers: for a 2,000-vertex outline that is a second or more
    const rings = buffersM.length > 0 ? bufferRingsOffThread(ringsKey, draft.boundary, buffersM) : null;
    const ready = rings ? await settledNow(rings) : { value: null };
    const ringsOverlay = (r: Awaited<typeof rings>): Overlay | null =>
      r ? { kind: 'buffer', data: r } : null;
    const buffers = ready ? ringsOverlay(ready.value) : null;
    store().setOverlay(OVERLAY.overlap, overlap);
    store().setOverlay(OVERLAY.buffers, buffers);
    // `shown` only once the map has all of it, so that the same check again while rings are cut still gets them
    if (!rings || buffers) {
      shown = { sig, overlap, buffers };
      return;
    }
    const later = ringsOverlay(await rings);
    if (
      !later ||
      boundaryKey(store().screeningDraft) !== key ||
      store().overlays[OVERLAY.overlap] !== overlap
    )
      return;
    store().setOverlay(OVERLAY.buffers, later);
    shown = { sig, overlap, buffers: later };
  } catch (e) {
    // nothing else changes: the draft, the saved projects and the user's layers stay as they were
    setRun({
      status: 'error',
      message: e instanceof Error ? e.message : String(e),
      layerIssues: e instanceof LayerRefusedError ? e.issues : [],
      progress: null,
    });
  }
}
