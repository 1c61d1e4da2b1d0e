/**
 * Where user tours come from when a link names one: `tour=user-<uuid>` is a tour saved in this browser
 * (IndexedDB), `tour=u:<payload>` a tour carried by a share link. Registered before the link is applied, so
 * presentation mode reads them with loadTour like the built-in tour (parseTour, refused as a whole).
 */
import { decodeShare, isShareRef } from '../../domain/tour/share.ts';
import { isUserTourId } from '../../domain/tour/user-ids.ts';
import { registerTourSource } from './tour-source.ts';

/** A saved tour, read from IndexedDB when presented (a tour without chapters is given as it is: parseTour says so). */
export function registerSavedTour(id: string): () => void {
  return registerTourSource(id, async () => {
    const [{ UserToursDb }, { tourFile }] = await Promise.all([
      import('../storage/user-tours-db.ts'),
      import('../../domain/tour/user-tour.ts'),
    ]);
    const saved = await (await UserToursDb.open()).get(id);
    if (!saved) throw new Error(`no saved tour ${id} in this browser`);
    return tourFile(saved.tour) ?? saved.tour;
  });
}

/** A tour carried by a link, decoded within the share limits (web/domain/tour/share.ts). */
export function registerSharedTour(ref: string): () => void {
  return registerTourSource(ref, async () => {
    // share.ts itself is small and already in the start-up bundle (url-state reads share refs)
    const { platformCodec } = await import('./share-codec.ts');
    const decoded = await decodeShare(ref, platformCodec);
    if (!decoded.ok) throw new Error(`share link unreadable (${decoded.reason})`);
    return decoded.value;
  });
}

/** Registers the user tour a link names, if any (called once, before the link is applied). */
export function registerLinkedUserTour(search: string): void {
  const id = new URLSearchParams(search).get('tour');
  if (id === null) return;
  if (isUserTourId(id)) registerSavedTour(id);
  else if (isShareRef(id)) registerSharedTour(id);
}
