import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { geodesicCircle } from '../../../domain/field/accuracy-circle.ts';
import { type Fix, judgeFix } from '../../../domain/field/fix.ts';
import {
  idleRecorder,
  type RecorderEvent,
  type RecorderState,
  recorderStep,
} from '../../../domain/field/recorder.ts';
import { trackBoundary } from '../../../domain/field/track.ts';
import { boundaryGeoJson, boundaryJzdTxt, trackGpx } from '../../../domain/field/track-export.ts';
import { walkRecordOf } from '../../../domain/field/walk-record.ts';
import { walkCrossings } from '../../../domain/field/walk-refusal.ts';
import { newId } from '../../../domain/projects/model.ts';
import { beijingTime } from '../../../domain/report/time.ts';
import { mapPort } from '../../map/map-port.ts';
import { download } from '../../screening/download.ts';
import { collection, emptyDraft, frameBoundary, setDraft } from '../../screening/draft.ts';
import { useAppStore } from '../../store/store.ts';
import { fill } from '../../strings/indicator-labels.ts';
import { type GeoFailure, watchFixes } from '../geolocation.ts';
import {
  allWalks,
  deleteWalk,
  isQuotaError,
  putFixes,
  putWalk,
  type StoredWalkStatus,
  trackOf,
  walkFixes,
} from './walk-db.ts';
import { idleWalk, type WalkView } from './walk-slice.ts';

/**
 * Recording a walked boundary: the device's fixes (geolocation.ts) and the page going to the background drive the
 * domain recorder; every fix it keeps is written to IndexedDB (walk-db.ts) before the store shows it. A write that
 * fails keeps the fix in memory (and says so, with the GPX export at hand); it is written with the next one that
 * succeeds. Closing makes the polygon the draft's boundary the way a drawn or imported one becomes it. One queue
 * runs every step in order, so a fix cannot overtake a pause or the write of the fix before it.
 */

/** Overlay id of the walk on the map (layers/overlays.ts kind 'walk'; drawn above the screening overlays). */
export const WALK_OVERLAY = 'walk-track';

const store = () => useAppStore.getState();

let live: RecorderState = idleRecorder();
let walkId: string | null = null;
let startedAt: number | null = null;
let segment = 0;
let seq = 0;
let pending: { seq: number; segment: number; fix: Fix }[] = [];
let storage: WalkView['storage'] = 'ok';
let stopWatch: (() => void) | null = null;
let keptWhenHidden = 0;
/** the map moves to the walk at its first fix after a start or resume, then leaves the view to the user */
let framed = false;
let chain: Promise<void> = Promise.resolve();

function queue(work: () => Promise<void> | void): Promise<void> {
  chain = chain.then(work).catch((e: unknown) => {
    // a step that failed leaves the walk as it was; storage failures are handled where they happen
    store().setWalk({ storage: isQuotaError(e) ? 'quota' : 'error' });
  });
  return chain;
}

const recorded = (s: RecorderState) => s.track.segments.reduce((n, seg) => n + seg.length, 0);

function walkName(at: number = startedAt ?? Date.now()): string {
  return fill('walkName', store().lang, { time: beijingTime(at, store().lang) });
}

function overlayData(current: Fix | null): FeatureCollection {
  const features: Feature<Geometry, Record<string, unknown>>[] = [];
  let n = 0;
  for (const seg of live.track.segments) {
    if (seg.length > 1)
      features.push({
        type: 'Feature',
        properties: { role: 'track' },
        geometry: { type: 'LineString', coordinates: seg.map((f) => [f.lon, f.lat]) },
      });
    for (const f of seg)
      features.push({
        type: 'Feature',
        properties: { role: 'fix', n: ++n, usable: judgeFix(f).kind === 'ok' },
        geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
      });
  }
  const active = live.status === 'recording' || live.status === 'paused';
  if (active && current && current.accuracyM > 0 && Number.isFinite(current.accuracyM))
    features.unshift({
      type: 'Feature',
      properties: { role: 'accuracy' },
      geometry: geodesicCircle(current.lon, current.lat, Math.min(current.accuracyM, 50_000)),
    });
  return { type: 'FeatureCollection', features };
}

/** The store shows the recorder as kept, and the map follows it (the walk overlay). */
function show(patch: Partial<WalkView> = {}): void {
  const s = store();
  const next = {
    ...s.walk,
    recorder: live,
    id: walkId,
    startedAt,
    storage,
    unsaved: pending.length,
    ...patch,
  };
  s.setWalk(next);
  const empty = live.status === 'idle' && recorded(live) === 0;
  s.setOverlay(WALK_OVERLAY, empty ? null : { kind: 'walk', data: overlayData(next.current) });
}

async function write(work: () => Promise<void>): Promise<void> {
  try {
    await work();
    if (pending.length === 0) storage = 'ok';
  } catch (e) {
    storage = isQuotaError(e) ? 'quota' : 'error';
  }
}

async function saveWalk(status: StoredWalkStatus, name?: string): Promise<void> {
  const id = walkId;
  if (!id || startedAt === null) return;
  const at = startedAt;
  await write(() => putWalk({ id, status, intervalMs: live.intervalMs, segment, startedAt: at, name }));
}

async function saveFixes(): Promise<void> {
  const id = walkId;
  if (!id || pending.length === 0) return;
  const batch = pending.slice();
  await write(async () => {
    await putFixes(id, batch);
    pending = pending.slice(batch.length);
  });
}

function step(event: RecorderEvent): void {
  live = recorderStep(live, event);
}

function onFix(fix: Fix): void {
  void queue(async () => {
    const before = recorded(live);
    step({ type: 'fix', fix });
    if (recorded(live) > before) {
      pending.push({ seq: seq++, segment, fix });
      await saveFixes();
    }
    show({ current: fix, failure: null });
    if (!framed && live.status === 'recording') {
      framed = true;
      const m = Math.max(300, 2 * (Number.isFinite(fix.accuracyM) ? fix.accuracyM : 0));
      const dLat = m / 111_000;
      const dLon = dLat / Math.max(0.2, Math.cos((fix.lat * Math.PI) / 180));
      if (judgeFix(fix).kind !== 'invalid')
        mapPort.frame([fix.lon - dLon, fix.lat - dLat, fix.lon + dLon, fix.lat + dLat], undefined, 16);
    }
  });
}

const GEO_CODE = { denied: 1, unavailable: 2, timeout: 3 } as const;

function onFailure(failure: GeoFailure): void {
  void queue(async () => {
    if (failure !== 'unsupported') step({ type: 'geo-error', code: GEO_CODE[failure] });
    // no permission, no Geolocation API, no fix or none in time: the walk waits, paused, with every point kept; the
    // user walks on when the device can give positions again (a new segment: no line is drawn across the stretch
    // without fixes)
    if (live.status === 'recording') {
      unwatch();
      step({ type: 'pause' });
      await saveWalk('paused');
    }
    show({ failure });
  });
}

function watch(): void {
  unwatch();
  framed = false;
  stopWatch = watchFixes(onFix, onFailure);
}

function unwatch(): void {
  stopWatch?.();
  stopWatch = null;
}

let listening = false;
function listenToVisibility(): void {
  if (listening || typeof document === 'undefined') return;
  listening = true;
  document.addEventListener('visibilitychange', () => {
    const hidden = document.visibilityState === 'hidden';
    const at = Date.now();
    void queue(() => {
      if (hidden) {
        if (live.status !== 'recording') return;
        keptWhenHidden = recorded(live);
        step({ type: 'hidden', at });
        show({ hidden: true });
      } else {
        if (live.hiddenAt === null) return show({ hidden: false });
        step({ type: 'visible', at });
        const n = live.notice;
        show({
          hidden: false,
          gap: n.kind === 'gap' ? { ms: n.ms, fixes: recorded(live) - keptWhenHidden } : store().walk.gap,
        });
      }
    });
  });
}

/** Starts a new walk at the interval chosen (older closed walks are removed from the device then). */
export function startWalk(): Promise<void> {
  listenToVisibility();
  return queue(async () => {
    const intervalMs = live.intervalMs;
    try {
      for (const w of await allWalks()) if (w.status === 'closed') await deleteWalk(w.id);
    } catch {
      // nothing to clean, or no storage: the walk is still recorded in memory
    }
    walkId = newId();
    startedAt = Date.now();
    segment = 0;
    seq = 0;
    pending = [];
    storage = 'ok';
    live = recorderStep(idleRecorder(), { type: 'start', intervalMs });
    await saveWalk('recording');
    show({
      current: null,
      failure: null,
      gap: null,
      refusal: null,
      closed: null,
      offer: null,
      hidden: false,
    });
    watch();
  });
}

export function pauseWalk(): Promise<void> {
  return queue(async () => {
    if (live.status !== 'recording') return;
    unwatch();
    step({ type: 'pause' });
    await saveWalk('paused');
    show({ gap: null });
  });
}

/** Walks on: after a pause, or a stop (a new segment either way). */
export function resumeWalk(): Promise<void> {
  listenToVisibility();
  return queue(async () => {
    if (live.status !== 'paused' && live.status !== 'stopped') return;
    step({ type: 'resume' });
    segment++;
    await saveWalk('recording');
    show({ failure: null, gap: null, refusal: null });
    watch();
  });
}

export function stopWalk(): Promise<void> {
  return queue(async () => {
    if (live.status !== 'recording' && live.status !== 'paused') return;
    unwatch();
    step({ type: 'stop' });
    await saveWalk('stopped');
    show({ gap: null });
  });
}

export function setWalkInterval(ms: number): Promise<void> {
  return queue(async () => {
    step({ type: 'interval', ms });
    if (live.status !== 'idle') await saveWalk(live.status);
    show();
  });
}

/** Forgets the walk (its fixes leave the device too). */
export function discardWalk(): Promise<void> {
  return queue(async () => {
    unwatch();
    const id = walkId;
    if (id) await write(() => deleteWalk(id));
    live = recorderStep(idleRecorder(), { type: 'interval', ms: live.intervalMs });
    walkId = null;
    startedAt = null;
    pending = [];
    storage = 'ok';
    show({ ...idleWalk(), recorder: live, offer: store().walk.offer });
  });
}

/**
 * Closes the walk into a polygon (stopping it first). Refused: why and where, by fix number, and the walk stays
 * to be walked on. Accepted: the polygon becomes the draft's boundary, named by the walk's start time, with the
 * raw track and the figures kept for the project.
 */
export function closeWalk(): Promise<void> {
  return queue(async () => {
    if (live.status === 'recording' || live.status === 'paused') {
      unwatch();
      step({ type: 'stop' });
    }
    if (live.status !== 'stopped') return;
    const track = live.track;
    const b = trackBoundary(track);
    if (!b.ok) {
      await saveWalk('stopped');
      const refusal = b.reason === 'invalid' ? { ...b, crossings: walkCrossings(track, b.fixIndex) } : b;
      show({ refusal, closed: null });
      return;
    }
    const record = walkRecordOf(track, b, live.intervalMs);
    const name = walkName();
    const d = store().screeningDraft ?? emptyDraft();
    mapPort.clearDrawing();
    setDraft({
      ...d,
      projectId: d.importedFrom && d.projectId ? null : d.projectId,
      name: d.name || name,
      source: 'wgs84',
      boundary: collection([{ type: 'Feature', geometry: b.polygon, properties: {} }]),
      originalBoundary: undefined,
      importedFrom: { fileName: name, format: 'walked', crs: 'WGS84 / CGCS2000' },
      walk: record,
    });
    frameBoundary([{ geometry: b.polygon }]);
    await saveWalk('closed', name);
    show({ refusal: null, closed: { name, polygon: b.polygon, record } });
  });
}

/** Looks for a walk an earlier visit left unfinished (a reload, a crash) and offers it. */
export function findUnfinished(): Promise<void> {
  listenToVisibility();
  return queue(async () => {
    if (live.status !== 'idle') return;
    let walks: Awaited<ReturnType<typeof allWalks>>;
    try {
      walks = await allWalks();
    } catch {
      return;
    }
    const open = walks.filter((w) => w.status !== 'closed').sort((a, b) => b.startedAt - a.startedAt)[0];
    if (!open) return show({ offer: null });
    const fixes = await walkFixes(open.id);
    show({
      offer: {
        id: open.id,
        startedAt: open.startedAt,
        fixes: fixes.length,
        lastT: fixes.length ? Math.max(...fixes.map((f) => f.t)) : null,
      },
    });
  });
}

/** Takes the offered walk back, paused, with every stored fix; then resumes or closes it. */
export function takeOffer(then: 'resume' | 'close'): Promise<void> {
  const offer = store().walk.offer;
  if (!offer) return Promise.resolve();
  void queue(async () => {
    const [walks, fixes] = await Promise.all([allWalks(), walkFixes(offer.id)]);
    const meta = walks.find((w) => w.id === offer.id);
    if (!meta) return show({ offer: null });
    walkId = meta.id;
    startedAt = meta.startedAt;
    segment = meta.segment;
    seq = fixes.reduce((m, f) => Math.max(m, f.seq + 1), 0);
    pending = [];
    storage = 'ok';
    live = { ...idleRecorder(), status: 'paused', intervalMs: meta.intervalMs, track: trackOf(fixes) };
    show({ ...idleWalk(), recorder: live, offer: null });
  });
  return then === 'resume' ? resumeWalk() : closeWalk();
}

/** The offered walk's raw track as GPX, read from the device; the walk stays offered. */
export async function exportOfferGpx(): Promise<void> {
  const offer = store().walk.offer;
  if (!offer) return;
  const fixes = await walkFixes(offer.id);
  download(
    `walk-${stampOf(offer.startedAt)}.gpx`,
    trackGpx(trackOf(fixes), walkName(offer.startedAt)),
    'application/gpx+xml',
  );
}

export function dropOffer(): Promise<void> {
  const offer = store().walk.offer;
  return queue(async () => {
    if (offer) await write(() => deleteWalk(offer.id));
    show({ offer: null });
  });
}

/** A walk's start in Beijing time for file names: 20260601-1000. */
const stampOf = (ms: number) => {
  const b = new Date(ms + 8 * 3_600_000).toISOString();
  return `${b.slice(0, 10).replace(/-/g, '')}-${b.slice(11, 16).replace(':', '')}`;
};
const stamp = () => stampOf(startedAt ?? Date.now());

/** The raw track as GPX: every fix with its time and accuracy, one segment per stretch walked. */
export function exportGpx(): void {
  const closed = store().walk.closed;
  download(`walk-${stamp()}.gpx`, trackGpx(live.track, closed?.name ?? walkName()), 'application/gpx+xml');
}

/** The raw track a saved project keeps (a walked boundary opened later). */
export function exportProjectGpx(): void {
  const d = store().screeningDraft;
  if (!d?.walk) return;
  const name = d.importedFrom?.fileName || d.name;
  download(`walk-${stampOf(d.walk.start)}.gpx`, trackGpx(d.walk.track, name), 'application/gpx+xml');
}

/** The closed boundary as GeoJSON (with how it was made) or as a 国土 界址点 TXT. */
export function exportBoundary(format: 'geojson' | 'txt'): void {
  const closed = store().walk.closed;
  if (!closed) return;
  const { record, polygon, name } = closed;
  if (format === 'geojson')
    download(
      `walk-${stamp()}.geojson`,
      JSON.stringify(
        boundaryGeoJson(polygon, {
          name,
          fixCount: record.fixCount,
          accuracy: record.accuracy,
          start: record.start,
          end: record.end,
        }),
      ),
      'application/geo+json',
    );
  else
    download(
      `walk-${stamp()}.txt`,
      boundaryJzdTxt(polygon, { name, date: record.end }),
      'text/plain;charset=utf-8',
    );
}
