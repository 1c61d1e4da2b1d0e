import { lazy, Suspense } from 'react';
import type { Lang } from '../../../layers/types.ts';
import { runCommand } from '../commands/registry.ts';
import { useAppStore } from '../store/store.ts';
import type { TourPngState } from '../store/tour-slice.ts';
import { t } from '../strings/index.ts';
import { fill } from '../strings/indicator-labels.ts';
import '../styles/tour-export.css';

const TourHandout = lazy(() => import('./TourHandout.tsx'));

// the handout belongs to the presentation: it is closed when the presentation ends, however it ends
useAppStore.subscribe(
  (s) => s.tourId,
  (id) => {
    if (id === null && useAppStore.getState().tourHandout) useAppStore.getState().setTourHandout(false);
  },
);

function pngStatus(s: TourPngState, lang: Lang): string {
  if (s.status === 'working') return t('tourExporting', lang);
  if (s.status === 'done') return fill('tourExportDone', lang, { name: s.fileName });
  if (s.status === 'failed') return fill('tourExportFailed', lang, { message: s.message });
  return '';
}

/** Taking the presentation away: the PNG of the view and the printed handout (loaded when opened). */
export function TourTakeaway({ lang }: { lang: Lang }) {
  const png = useAppStore((s) => s.tourPng);
  const handout = useAppStore((s) => s.tourHandout);
  const ready = useAppStore((s) => s.tourLoad?.status === 'ready');
  return (
    <div className="tour-takeaway">
      <button
        type="button"
        className="tour-export-png"
        title={t('tourExportPngHint', lang)}
        disabled={png.status === 'working'}
        onClick={() => runCommand('tour.png')}
      >
        {t('tourExportPng', lang)}
      </button>
      <button
        type="button"
        className="tour-handout-open"
        title={t('tourHandoutHint', lang)}
        disabled={!ready}
        onClick={() => runCommand('tour.handout')}
      >
        {t('tourHandout', lang)}
      </button>
      <p className="tour-export-status" role="status" data-status={png.status}>
        {pngStatus(png, lang)}
      </p>
      {handout ? (
        <Suspense fallback={null}>
          <TourHandout />
        </Suspense>
      ) : null}
    </div>
  );
}
