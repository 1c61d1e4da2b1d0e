import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../../../layers/types.ts';
import { chapterIndexOf, isChapterRef, isTourId, moveChapter } from '../../../domain/tour/navigation.ts';
import {
  chapterElapsed,
  elapsed,
  formatDuration,
  markChapter,
  type PresenterTimer,
  pauseTimer,
  presenterMove,
  resetTimer,
  resumeTimer,
  running,
  startTimer,
} from '../../../domain/tour/presenter-timer.ts';
import type { Tour } from '../../../domain/tour/schema.ts';
import { isTextEntry } from '../../../domain/ui/keys.ts';
import type { TourLoad } from '../../store/tour-slice.ts';
import { t } from '../../strings/index.ts';
import { fill } from '../../strings/indicator-labels.ts';
import { loadTour } from '../tour-source.ts';
import { words } from '../words.ts';
import { openPresenterSync, syncTour } from './tour-sync.ts';
import '../../styles/presenter.css';
import { TourIssueList } from '../TourIssueList.tsx';

/** What the presenter's link names: `?tour=<id>&chapter=<n|id>&presenter=1[&lang=en]`. */
function linkOf(search: string): { tourId: string | null; chapter: string | null; lang: Lang } {
  const q = new URLSearchParams(search);
  const tour = q.get('tour');
  const chapter = q.get('chapter');
  return {
    tourId: tour !== null && isTourId(tour) ? tour : null,
    chapter: chapter !== null && isChapterRef(chapter) ? chapter : null,
    lang: q.get('lang') === 'en' ? 'en' : 'zh',
  };
}

type Link = 'waiting' | 'synced' | 'ended' | 'none';

const now = () => performance.now();

/** The two clocks, redrawn every half second from the timer's plain values. */
function Timer({ index, lang }: { index: number; lang: Lang }) {
  const [timer, setTimer] = useState<PresenterTimer>(() => startTimer(now()));
  const [, tick] = useState(0);
  const shown = useRef(index);
  useEffect(() => {
    if (shown.current === index) return;
    shown.current = index;
    setTimer((x) => markChapter(x, now()));
  }, [index]);
  const on = running(timer);
  useEffect(() => {
    if (!on) return;
    const id = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(id);
  }, [on]);
  const at = now();
  return (
    <section className="presenter-timer" aria-label={t('presenterTimer', lang)}>
      <dl>
        <div>
          <dt>{t('presenterElapsed', lang)}</dt>
          <dd className="presenter-clock presenter-total">{formatDuration(elapsed(timer, at))}</dd>
        </div>
        <div>
          <dt>{t('presenterChapterTime', lang)}</dt>
          <dd className="presenter-clock presenter-chapter-clock">
            {formatDuration(chapterElapsed(timer, at))}
          </dd>
        </div>
      </dl>
      {on ? null : <p className="presenter-paused">{t('presenterPaused', lang)}</p>}
      <div className="presenter-timer-buttons">
        <button
          type="button"
          aria-pressed={!on}
          onClick={() => setTimer((x) => (running(x) ? pauseTimer(x, now()) : resumeTimer(x, now())))}
        >
          {t(on ? 'presenterPause' : 'presenterResume', lang)}
        </button>
        <button type="button" onClick={() => setTimer((x) => resetTimer(x, now()))}>
          {t('presenterReset', lang)}
        </button>
      </div>
    </section>
  );
}

function LinkState({ link, lang }: { link: Link; lang: Lang }) {
  const key =
    link === 'ended'
      ? 'presenterEnded'
      : link === 'synced'
        ? 'presenterSynced'
        : link === 'none'
          ? 'presenterNoChannel'
          : 'presenterWaiting';
  return (
    <p className={`presenter-link presenter-link-${link}`} role="status">
      {t(key, lang)}
    </p>
  );
}

function Presenter({ tour, tourId, start, lang }: { tour: Tour; tourId: string; start: number; lang: Lang }) {
  const [index, setIndex] = useState(start);
  const [link, setLink] = useState<Link>('waiting');
  const current = useRef(start);
  const sync = useRef<{ step(index: number): void } | null>(null);
  const count = tour.chapters.length;

  const show = useCallback((i: number, here: boolean) => {
    if (i === current.current) return;
    current.current = i;
    setIndex(i);
    if (here) sync.current?.step(i);
  }, []);

  useEffect(() => {
    const s = openPresenterSync(syncTour(tourId, tour.chapters), {
      current: () => current.current,
      chapter: (i) => show(i, false),
      projector: () => setLink('synced'),
      ended: () => setLink('ended'),
    });
    sync.current = s;
    if (!s) setLink('none');
    return () => {
      sync.current = null;
      s?.close();
    };
  }, [tour, tourId, show]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target instanceof HTMLElement ? e.target : null;
      if (el && isTextEntry(el.tagName, el instanceof HTMLInputElement ? el.type : '', el.isContentEditable))
        return;
      const move = presenterMove(e.key);
      if (!move) return;
      e.preventDefault();
      show(moveChapter(current.current, count, move), true);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [count, show]);

  const chapter = tour.chapters[index];
  const next = tour.chapters[index + 1];
  if (!chapter) return null;
  const notes = words(chapter.notes, lang);
  return (
    <div className="presenter">
      <header className="presenter-head">
        <h1>
          {t('presenterOpen', lang)} · {words(tour.title, lang)}
        </h1>
        <LinkState link={link} lang={lang} />
      </header>
      <main className="presenter-body">
        <section className="presenter-current" aria-labelledby="presenter-current-title">
          <p className="presenter-label">
            {t('presenterCurrent', lang)} · {fill('tourChapterOf', lang, { n: index + 1, total: count })}
          </p>
          <h2 id="presenter-current-title" className="presenter-chapter-title" data-chapter-id={chapter.id}>
            {words(chapter.title, lang)}
          </h2>
          <p className="presenter-caption">{words(chapter.caption, lang)}</p>
          <h3>{t('presenterNotes', lang)}</h3>
          <div className="presenter-notes" data-chapter-id={chapter.id}>
            {notes ? notes : <p className="presenter-muted">{t('presenterNoNotes', lang)}</p>}
          </div>
        </section>
        <aside className="presenter-side">
          <Timer index={index} lang={lang} />
          <section className="presenter-next" aria-labelledby="presenter-next-label">
            <p id="presenter-next-label" className="presenter-label">
              {t('presenterNext', lang)}
            </p>
            {next ? (
              <>
                <h2 className="presenter-next-title" data-chapter-id={next.id}>
                  {words(next.title, lang)}
                </h2>
                <p className="presenter-next-caption">{words(next.caption, lang)}</p>
              </>
            ) : (
              <p className="presenter-muted">{t('presenterLast', lang)}</p>
            )}
          </section>
          <nav className="presenter-nav" aria-label={t('tourProgress', lang)}>
            <button type="button" disabled={index === 0} onClick={() => show(index - 1, true)}>
              ‹ {t('cmdTourPrev', lang)}
            </button>
            <span className="presenter-count">
              {index + 1} / {count}
            </span>
            <button type="button" disabled={index === count - 1} onClick={() => show(index + 1, true)}>
              {t('cmdTourNext', lang)} ›
            </button>
          </nav>
          <p className="presenter-keys">{t('presenterKeys', lang)}</p>
        </aside>
      </main>
    </div>
  );
}

function Problem({ load, tourId, lang }: { load: TourLoad | null; tourId: string | null; lang: Lang }) {
  if (tourId === null) return <p className="presenter-message">{t('presenterNoTour', lang)}</p>;
  if (!load || load.status === 'loading')
    return <p className="presenter-message">{t('tourLoading', lang)}</p>;
  if (load.status === 'unknown')
    return <p className="presenter-message presenter-error">{fill('tourUnknown', lang, { id: tourId })}</p>;
  if (load.status === 'error')
    return (
      <p className="presenter-message presenter-error">
        {fill('tourError', lang, { message: load.message })}
      </p>
    );
  if (load.status !== 'invalid') return null;
  return (
    <div className="presenter-message">
      <p className="presenter-error">{t('tourInvalid', lang)}</p>
      <TourIssueList issues={load.issues} lang={lang} />
    </div>
  );
}

/**
 * The presenter view (`?tour=<id>&presenter=1`), a second window for the presenter's laptop: the current chapter
 * with its caption and speaker notes, the next chapter, a timer, and the tour's keys and buttons. It shows no map;
 * the projector window follows its steps (and it follows the projector's) over tour-sync.ts.
 */
export default function PresenterView() {
  const [{ tourId, chapter, lang }] = useState(() => linkOf(location.search));
  const [load, setLoad] = useState<TourLoad | null>(null);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    if (tourId === null) return;
    let live = true;
    void loadTour(tourId).then((l) => {
      if (live) setLoad(l);
    });
    return () => {
      live = false;
    };
  }, [tourId, lang]);
  const tour = load?.status === 'ready' ? load.tour : null;
  useEffect(() => {
    document.title = `${t('presenterOpen', lang)}${tour ? ` · ${words(tour.title, lang)}` : ''}`;
  }, [tour, lang]);
  if (!tour || tourId === null) return <Problem load={load} tourId={tourId} lang={lang} />;
  return (
    <Presenter tour={tour} tourId={tourId} start={chapterIndexOf(tour.chapters, chapter).index} lang={lang} />
  );
}
