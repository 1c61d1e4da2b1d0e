import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { geometriesBBox } from '../../domain/geo/bbox.ts';
import type { BoundaryCollection } from '../../domain/projects/model.ts';
import { mapPort } from '../map/map-port.ts';
import { useAppStore } from '../store/store.ts';
import { OVERLAY } from './screening-layers.ts';
import type { ScreeningDraft } from './screening-slice.ts';

/** The draft: the project on the bench, its boundary on the map, and what a new boundary does to a result. */

const store = () => useAppStore.getState();

/** Changes when the boundary or the declared type does: a result belongs to one key. */
export function boundaryKey(d: ScreeningDraft | null): string | null {
  if (!d) return null;
  const s = JSON.stringify(d.boundary);
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return `${d.type}|${s.length}|${h}`;
}

function showDraftOnMap(d: ScreeningDraft | null): void {
  const { setOverlay } = store();
  setOverlay(OVERLAY.project, d ? { kind: 'project', data: d.boundary } : null);
  setOverlay(
    OVERLAY.original,
    d?.originalBoundary ? { kind: 'project-original', data: d.originalBoundary } : null,
  );
}

/** Replaces the draft; a result that no longer belongs to it is cleared. */
export function setDraft(d: ScreeningDraft | null): void {
  const s = store();
  s.setScreeningDraft(d);
  showDraftOnMap(d);
  if (s.screeningRun.draftKey !== boundaryKey(d)) {
    s.setScreeningRun({
      status: 'idle',
      result: null,
      errors: [],
      layerIssues: [],
      message: null,
      progress: null,
      draftKey: null,
    });
    s.setOverlay(OVERLAY.overlap, null);
    s.setOverlay(OVERLAY.buffers, null);
    s.setReportOpen(false);
  }
}

export function updateDraft(patch: Partial<ScreeningDraft>): void {
  const d = store().screeningDraft;
  setDraft({ ...(d ?? emptyDraft()), ...patch });
}

/** A new draft: no project type until the user chooses one (a check then gives figures and no verdict). */
export function emptyDraft(): ScreeningDraft {
  return {
    projectId: null,
    name: '',
    type: '',
    source: 'wgs84',
    boundary: { type: 'FeatureCollection', features: [] },
  };
}

/** Starts over: no draft, nothing on the drawing. */
export function newProject(): void {
  mapPort.clearDrawing();
  setDraft(null);
}

export function collection(
  features: Feature<Polygon | MultiPolygon, Record<string, unknown>>[],
): BoundaryCollection {
  return { type: 'FeatureCollection', features };
}

/** The outlines finished on the drawing layer become the draft's boundary (called by the draw controller). */
export function applyDrawn(polygons: Polygon[]): void {
  const d = store().screeningDraft ?? emptyDraft();
  if (polygons.length === 0 && d.importedFrom?.format !== 'drawn') return;
  setDraft({
    ...d,
    source: 'wgs84',
    boundary: collection(polygons.map((geometry) => ({ type: 'Feature', geometry, properties: {} }))),
    originalBoundary: undefined,
    importedFrom: { fileName: '', format: 'drawn', crs: 'WGS84 / CGCS2000' },
    walk: undefined,
  });
}

/**
 * Shows a boundary that just came in (file, paste, saved project, a walk or a site check) at once, as QGIS zooms
 * to a layer: the user's next step is a check, and a flight's frames delayed it. In software WebGL each frame of a
 * flight over a dense layer took the GPU process ~300 ms, and a check clicked just after choosing the file waited
 * for them (the bench's first check after a reload, farmland-like layer, 6 checks each: 447–640 ms with the
 * flight, 244–448 ms without; the table's render phase 236–455 ms against 100–211 ms).
 */
export function frameBoundary(features: { geometry: Polygon | MultiPolygon }[]): void {
  const bbox = geometriesBBox(features.map((f) => f.geometry));
  if (bbox) mapPort.frame(bbox, undefined, undefined, false);
}
