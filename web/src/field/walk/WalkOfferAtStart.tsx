import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { useAppStore } from '../../store/store.ts';
import { waitingOffer } from './walk-slice.ts';

const WalkOffer = lazy(() => import('./WalkOffer.tsx'));

/**
 * Looks in the device's storage for a walk not finished; the recording code loads only when there is one (a first
 * visit, or one after a closed walk, reads one small IndexedDB list).
 */
async function lookForUnfinished(): Promise<void> {
  try {
    const { allWalks } = await import('./walk-db.ts');
    if (!(await allWalks()).some((w) => w.status !== 'closed')) return;
  } catch {
    return; // no storage here: nothing was kept to offer
  }
  const { findUnfinished } = await import('./walk-actions.ts');
  await findUnfinished();
}

/**
 * The unfinished walk, offered as soon as the app starts on whatever page it opens (a reload, a phone that closed
 * the tab mid-walk), over the map. It gives way to the screening panel, which offers the same walk in its walk
 * section; put off (稍后), it waits there. Nothing is lost while it waits.
 */
export function WalkOfferAtStart() {
  const offer = useAppStore((s) => waitingOffer(s.walk));
  const panelOpen = useAppStore((s) => s.screeningOpen);
  const [later, setLater] = useState<string | null>(null);
  const h = useId();
  useEffect(() => {
    void lookForUnfinished();
  }, []);
  if (!offer || panelOpen || later === offer.id) return null;
  return (
    <section className="walk-offer-start" aria-labelledby={h}>
      <Suspense fallback={null}>
        <WalkOffer headingId={h} onLater={() => setLater(offer.id)} />
      </Suspense>
    </section>
  );
}
