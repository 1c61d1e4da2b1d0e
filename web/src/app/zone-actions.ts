import { mapPort } from '../map/map-port.ts';
import type { AppStore } from '../store/store.ts';
import type { ZoneIndexEntry } from '../zones/zone-index.ts';

/** Opens a zone found by id (search, link, URL): switches its layer on, selects it and frames it. */
export function openZone(store: AppStore, id: string, at: ZoneIndexEntry): void {
  store.getState().openZone(id, at.layerId);
  mapPort.frame(at.bbox);
}
