import { lazy, Suspense, useEffect, useRef } from 'react';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { reframeChapter } from './tour-actions.ts';

const TourPanel = lazy(() => import('./TourPanel.tsx'));

/**
 * Presentation mode's place in the app: while a tour is presented this stage is in the page, and styles/tour.css
 * lets the map fill the screen and hides the app's own controls. The caption panel loads on first use.
 */
export function TourSlot() {
  const on = useAppStore((s) => s.tourId !== null);
  const lang = useAppStore((s) => s.lang);
  useEffect(() => {
    if (!on) return;
    return () => {
      // back from the presentation: the focus returns to the button that starts one
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.tour-start')?.focus());
    };
  }, [on]);
  const stage = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = stage.current;
    if (!on || !el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => reframeChapter(useAppStore));
    observer.observe(el);
    return () => observer.disconnect();
  }, [on]);
  if (!on) return null;
  return (
    <div ref={stage} className="tour-stage">
      <Suspense fallback={<p className="tour-message">{t('tourLoading', lang)}</p>}>
        <TourPanel />
      </Suspense>
    </div>
  );
}
