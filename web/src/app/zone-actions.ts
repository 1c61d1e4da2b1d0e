import { mapPort } from '../map/map-port.ts';
import type { AppStore } from '../store/store.ts';
import type { ZoneIndexEntry } from '../zones/zone-index.ts';

/**
 * Opens a zone found by id (search, link, URL): switches its layer on, selects it and frames it (unless `frame`
 * is false: a link or the browser's history that carries a camera puts the camera itself).
 */
export function openZone(
  store: AppStore,
  id: string,
  at: ZoneIndexEntry,
  opts: { frame?: boolean } = {},
): void {
  store.getState().openZone(id, at.layerId);
  if (opts.frame !== false) mapPort.frame(at.bbox);
}
