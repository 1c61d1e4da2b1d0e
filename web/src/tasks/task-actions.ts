import type { BBox } from '../map/map-port.ts';
import { mapPort } from '../map/map-port.ts';
import { loadPlanBundle } from '../plan/plan-data.ts';
import type { AppStore } from '../store/store.ts';
import { loadZoneIndex, type ZoneIndexEntry } from '../zones/zone-index.ts';

/** The zones of a task that the map draws (its `zones`: each place named, groups through their members). */
export function taskMapZones(
  zones: readonly string[],
  index: Record<string, ZoneIndexEntry>,
): Array<{ id: string; at: ZoneIndexEntry }> {
  return zones.flatMap((id) => {
    const at = index[id];
    return at ? [{ id, at }] : [];
  });
}

/** The box round every given box. */
export function unionBBox(boxes: readonly BBox[]): BBox | null {
  if (boxes.length === 0) return null;
  return boxes.reduce<BBox>(
    (u, b) => [Math.min(u[0], b[0]), Math.min(u[1], b[1]), Math.max(u[2], b[2]), Math.max(u[3], b[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

/**
 * Chooses a task (null: none): selects it, outlines the zones it names (store.setHighlight), switches their layers
 * on and, unless `frame` is false (a link or the browser's history restores the camera itself), frames them
 * together on the map. Deselecting clears the outlines. An id the plan does not have stays selected (the browser
 * says so) and outlines nothing.
 */
export function openTask(store: AppStore, id: string | null, opts: { frame?: boolean } = {}): void {
  store.getState().selectTask(id);
  if (id === null) {
    store.getState().setHighlight([]);
    return;
  }
  void Promise.all([loadPlanBundle(), loadZoneIndex()]).then(([bundle, index]) => {
    const s = store.getState();
    if (s.selectedTaskId !== id) return;
    const task = bundle.plan.tasks.find((t) => t.id === id);
    const zones = task ? taskMapZones(task.zones, index) : [];
    s.setHighlight(zones.map((z) => z.id));
    if (zones.length === 0) return;
    s.showLayers([...new Set(zones.map((z) => z.at.layerId))]);
    const box = unionBBox(zones.map((z) => z.at.bbox));
    if (box && opts.frame !== false) mapPort.frame(box);
  });
}
