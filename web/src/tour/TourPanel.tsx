import { useEffect, useLayoutEffect, useRef } from 'react';
import type { Lang } from '../../../layers/types.ts';
import type { Tour } from '../../domain/tour/schema.ts';
import { runCommand } from '../commands/registry.ts';
import type { PlanBundle } from '../plan/plan-data.ts';
import { usePlanBundle } from '../plan/use-plan.ts';
import { useAppStore } from '../store/store.ts';
import type { TourLoad } from '../store/tour-slice.ts';
import { t } from '../strings/index.ts';
import { fill } from '../strings/indicator-labels.ts';
import { PresenterButton } from './presenter/PresenterButton.tsx';
import { TourIssueList } from './TourIssueList.tsx';
import { TourLegend } from './TourLegend.tsx';
import { TourPlan } from './TourPlan.tsx';
import { TourProgress } from './TourProgress.tsx';
import { TourTakeaway } from './TourTakeaway.tsx';
import { words } from './words.ts';

/** Smallest share of the projector type size the caption panel shrinks to before it lets its text scroll. */
const MIN_FIT = 0.6;

/**
 * Fits the panel to the screen: its type is scaled down (--tour-fit) in small steps while its content is taller
 * than the screen, so no text is cut off; only past MIN_FIT (or the stylesheet's --tour-min-fit: 1 on a phone, where
 * smaller type would not be read) does the panel scroll. Again when the window resizes.
 */
function useFit(ref: React.RefObject<HTMLElement | null>, key: unknown): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: fit again whenever what the panel shows changes (key)
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const overflows = () => el.scrollHeight > el.clientHeight + 1;
    const refit = () => {
      const least = Number.parseFloat(getComputedStyle(el).getPropertyValue('--tour-min-fit')) || MIN_FIT;
      let k = 1;
      el.style.setProperty('--tour-fit', '1');
      el.classList.remove('tour-scrolls');
      while (k > least && overflows()) {
        k = Math.round((k - 0.02) * 100) / 100;
        el.style.setProperty('--tour-fit', String(k));
      }
      el.dataset.fit = String(k);
      if (overflows()) el.classList.add('tour-scrolls');
    };
    refit();
    const observer = new ResizeObserver(refit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, key]);
}

function Problem({ load, tourId, lang }: { load: TourLoad | null; tourId: string; lang: Lang }) {
  if (!load || load.status === 'loading') return <p className="tour-message">{t('tourLoading', lang)}</p>;
  if (load.status === 'unknown')
    return <p className="tour-message tour-error">{fill('tourUnknown', lang, { id: tourId })}</p>;
  if (load.status === 'error')
    return <p className="tour-message tour-error">{fill('tourError', lang, { message: load.message })}</p>;
  if (load.status !== 'invalid') return null;
  return (
    <div className="tour-issues">
      <p className="tour-error">{t('tourInvalid', lang)}</p>
      <TourIssueList issues={load.issues} lang={lang} />
      {load.truncated ? <p>{fill('tourTruncated', lang, { n: load.issues.length })}</p> : null}
    </div>
  );
}

function Controls({ lang }: { lang: Lang }) {
  const contrast = useAppStore((s) => s.tourHighContrast);
  return (
    <div className="tour-controls">
      <PresenterButton lang={lang} />
      <button type="button" aria-pressed={contrast} onClick={() => runCommand('tour.contrast')}>
        {t('tourContrast', lang)}
      </button>
      <button
        type="button"
        className="tour-leave"
        title={t('tourLeaveHint', lang)}
        onClick={() => runCommand('tour.leave')}
      >
        {t('tourExit', lang)}
      </button>
    </div>
  );
}

function Chapter({
  tour,
  index,
  bundle,
  lang,
}: {
  tour: Tour;
  index: number;
  bundle: PlanBundle | null;
  lang: Lang;
}) {
  const chapter = tour.chapters[index];
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new chapter (index) takes the focus to its title
  useEffect(() => {
    // the new chapter is read out; the focus stays where the presenter put it inside the panel
    const active = document.activeElement;
    if (!active || active === document.body || !active.closest('.tour-panel')) heading.current?.focus();
  }, [index]);
  if (!chapter) return null;
  return (
    <>
      <div className="tour-caption" data-chapter-id={chapter.id}>
        <h2 ref={heading} tabIndex={-1}>
          {words(chapter.title, lang)}
        </h2>
        <p className="tour-caption-text">{words(chapter.caption, lang)}</p>
        {lang === 'en' && tour.english ? <p className="tour-english-note">{tour.english.note.en}</p> : null}
      </div>
      {bundle ? <TourPlan chapter={chapter} bundle={bundle} lang={lang} /> : null}
      <TourLegend chapter={chapter} lang={lang} />
    </>
  );
}

/** The caption panel of presentation mode: chapter, plan section, targets, legend, progress, and its two controls. */
export default function TourPanel() {
  const tourId = useAppStore((s) => s.tourId);
  const load = useAppStore((s) => s.tourLoad);
  const index = useAppStore((s) => s.tourChapter);
  const lang = useAppStore((s) => s.lang);
  // statuses read the plan bundle's observations, the planner's own rows included (as the dashboard does)
  const bundle = usePlanBundle(true);
  const panel = useRef<HTMLElement>(null);
  useFit(panel, `${load?.status}:${index}:${lang}:${bundle !== null}`);
  const tour = load?.status === 'ready' ? load.tour : null;
  return (
    <section
      ref={panel}
      className="tour-panel"
      aria-label={fill('tourRegion', lang, { title: tour ? words(tour.title, lang) : '' })}
    >
      <header className="tour-head">
        <p className="tour-title">{tour ? words(tour.title, lang) : null}</p>
        <Controls lang={lang} />
      </header>
      {tour ? (
        <Chapter tour={tour} index={index} bundle={bundle} lang={lang} />
      ) : (
        <Problem load={load} tourId={tourId ?? ''} lang={lang} />
      )}
      {tour ? <TourProgress tour={tour} index={index} lang={lang} /> : null}
      <TourTakeaway lang={lang} />
    </section>
  );
}
