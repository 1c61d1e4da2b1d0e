import { lazy, Suspense, useSyncExternalStore } from 'react';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';

const MyToursPanel = lazy(() => import('./MyToursPanel.tsx'));

/** Whether the 我的演示 panel is open: UI state of the header button and the panel only, so kept beside them. */
let open = false;
const listeners = new Set<() => void>();
export function setMyToursOpen(next: boolean): void {
  if (open === next) return;
  open = next;
  for (const l of listeners) l();
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const useMyToursOpen = () => useSyncExternalStore(subscribe, () => open);

/** The header button beside 演示 that opens the user's own tours (the panel loads on first use). */
export function MyToursButton() {
  const lang = useAppStore((s) => s.lang);
  const isOpen = useMyToursOpen();
  return (
    <button
      type="button"
      className="my-tours-toggle"
      aria-expanded={isOpen}
      aria-controls="my-tours"
      title={t('myToursHint', lang)}
      onClick={() => setMyToursOpen(!isOpen)}
    >
      {t('myTours', lang)}
    </button>
  );
}

/** The panel's place in the main area (beside the other panels; hidden while presenting, as they are). */
export function MyToursSlot() {
  const isOpen = useMyToursOpen();
  if (!isOpen) return null;
  return (
    <Suspense fallback={null}>
      <MyToursPanel onClose={() => setMyToursOpen(false)} />
    </Suspense>
  );
}
