import { mapPort } from '../map/map-port.ts';
import { loadPlanBundle } from '../plan/plan-data.ts';
import type { AppStore } from '../store/store.ts';

type BBox = [number, number, number, number];

const union = (boxes: BBox[]): BBox | null =>
  boxes.length === 0
    ? null
    : [
        Math.min(...boxes.map((b) => b[0])),
        Math.min(...boxes.map((b) => b[1])),
        Math.max(...boxes.map((b) => b[2])),
        Math.max(...boxes.map((b) => b[3])),
      ];

/** The zones the outlines show for an indicator, so a later choice only clears outlines that are its own. */
let outlined: string[] = [];

/**
 * Chooses an indicator (null: none) in the dashboard: selects it, outlines the zones of its scope
 * (store.setHighlight), switches their layers on and, unless `frame` is false (a link or the browser's history
 * restores the camera itself), frames them on the map. An unknown id selects nothing.
 */
export function openIndicator(store: AppStore, id: string | null, opts: { frame?: boolean } = {}): void {
  const s = store.getState();
  s.selectIndicator(id);
  const sameOutline = (ids: readonly string[]) =>
    ids.length === outlined.length && ids.every((z) => outlined.includes(z));
  if (id === null) {
    if (sameOutline(store.getState().highlightZoneIds)) s.setHighlight([]);
    outlined = [];
    return;
  }
  void loadPlanBundle().then((bundle) => {
    if (store.getState().selectedIndicatorId !== id) return;
    const indicator = bundle.plan.indicators.find((i) => i.id === id);
    if (!indicator) {
      store.getState().selectIndicator(null);
      return;
    }
    const index = bundle.zoneIndex ?? {};
    const zones = indicator.zones.filter((z) => index[z]);
    const at = zones.map((z) => index[z]).filter((e) => e !== undefined);
    const st = store.getState();
    st.showLayers([...new Set(at.map((e) => e.layerId))]);
    st.setHighlight(zones);
    outlined = [...zones];
    const box = union(at.map((e) => e.bbox));
    if (box && opts.frame !== false) mapPort.frame(box);
  });
}
