import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { layerBadge } from '../../../layers/badge.ts';
import { LAYERS } from '../../../layers/registry.ts';
import type { Lang } from '../../../layers/types.ts';
import { localDay } from '../../domain/plan/zone-brief.ts';
import { chapterView } from '../../domain/tour/present.ts';
import type { Tour, TourChapter } from '../../domain/tour/schema.ts';
import { COMMANDS, runCommand } from '../commands/registry.ts';
import { MapFigure } from '../components/MapFigure.tsx';
import { PrintView } from '../components/PrintView.tsx';
import { type MapSnapshot, mapPort } from '../map/map-port.ts';
import type { PlanBundle } from '../plan/plan-data.ts';
import { usePlanBundle } from '../plan/use-plan.ts';
import { type AppState, type AppStore, useAppStore } from '../store/store.ts';
import { currentChapter } from '../store/tour-slice.ts';
import { nameWithBadge, t } from '../strings/index.ts';
import { fill } from '../strings/indicator-labels.ts';
import { shownAttributions } from './png-export.ts';
import { TourPlan } from './TourPlan.tsx';
import { words } from './words.ts';
import '../styles/tour-export.css';

const LAYER_IDS = LAYERS.map((l) => l.id);
const BY_ID = new Map(LAYERS.map((l) => [l.id, l]));

/**
 * The chapters' pictures are taken at 1280×720 with the zoom lowered to show what 1920×1080 shows (the cameras
 * are made for a 1920×1080 projector), and cropped to the part right of the 500 px caption panel, where each
 * chapter's camera puts its zones.
 */
const SHOT = { width: 1280, height: 720 } as const;
const ZOOM_SHIFT = Math.log2(1920 / SHOT.width);
const CROP = { x: Math.round((500 / 1920) * SHOT.width), y: 0, width: 0, height: SHOT.height };
CROP.width = SHOT.width - CROP.x;

/** Smallest share of the page's type sizes before a page is reported as not fitting (data-fits="false"). */
const MIN_FIT = 0.6;

type Picture = MapSnapshot | 'failed';

/**
 * The handout's paper, A4 landscape (its pictures are wide projector views): a page rule adopted while the handout
 * is open. The shared print frame's own rule (print.css, A4 portrait) comes earlier in the cascade, so this one wins;
 * a named page on the body did not take in Chromium once the app was around it.
 */
function useLandscapePaper(): void {
  useEffect(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('@media print { @page { size: A4 landscape; margin: 10mm; } }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, []);
}

/** The projector's chapter keys (→ PageDown, ← PageUp, Home, End, 1–9), from the registry. */
const STEP_KEYS = new Set(
  COMMANDS.filter((c) => /^tour\.(next|prev|first|last|go\.\d)$/.test(c.id)).flatMap((c) =>
    'keys' in c ? c.keys : [],
  ),
);

/**
 * While the handout is open the chapter keys do not step the presentation underneath (which would change the map
 * while its pictures are taken); they keep their browser meaning (PageDown scrolls the pages). Escape still closes.
 */
function useHoldChapterKeys(): void {
  useEffect(() => {
    const hold = (e: KeyboardEvent) => {
      if (STEP_KEYS.has(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) e.stopPropagation();
    };
    window.addEventListener('keydown', hold, { capture: true });
    return () => window.removeEventListener('keydown', hold, { capture: true });
  }, []);
}

/** Picture runs one after another (React's strict mode starts one, stops it and starts another). */
let running: Promise<void> = Promise.resolve();

/** Shows a chapter's layers and outlines (as showChapter does, without moving the presentation). */
function putChapter(store: AppStore, chapter: TourChapter): void {
  const view = chapterView(chapter, LAYER_IDS);
  store.setState({ visible: view.visible });
  store.getState().setHighlight(view.highlight);
}

/**
 * Each chapter's picture: its layers and outlines put on the map, the map captured at its camera; afterwards the
 * chapter being presented is put back (the capture itself puts the camera back).
 */
function takePictures(
  store: AppStore,
  tour: Tour,
  live: () => boolean,
  got: (i: number, p: Picture) => void,
) {
  running = running.then(async () => {
    try {
      for (const [i, chapter] of tour.chapters.entries()) {
        if (!live()) return;
        putChapter(store, chapter);
        const camera = { ...chapter.camera, zoom: chapter.camera.zoom - ZOOM_SHIFT };
        const picture = await mapPort.snapshot(null, { size: SHOT, camera }).catch(() => 'failed' as const);
        if (live()) got(i, picture);
      }
    } finally {
      const now = currentChapter(store.getState());
      if (now) putChapter(store, now);
    }
  });
}

/** Shrinks a page's type in 2% steps while its content is taller than the page, as the caption panel does. */
function useFitPage(ref: React.RefObject<HTMLElement | null>, key: unknown): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: fit again whenever what the page shows changes (key)
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let k = 1;
    el.style.setProperty('--handout-fit', '1');
    // the page is an A4 landscape sheet on screen too (tour-export.css): its content must fit its height
    const overflows = () => el.scrollHeight > el.clientHeight + 1;
    while (k > MIN_FIT && overflows()) {
      k = Math.round((k - 0.02) * 100) / 100;
      el.style.setProperty('--handout-fit', String(k));
    }
    el.dataset.fit = String(k);
    el.dataset.fits = String(!overflows());
  }, [ref, key]);
}

function Page({
  tour,
  index,
  picture,
  bundle,
  userLayers,
  made,
  lang,
}: {
  tour: Tour;
  index: number;
  picture: Picture | undefined;
  bundle: PlanBundle | null;
  userLayers: AppState['userLayers'];
  made: Date;
  lang: Lang;
}) {
  const chapter = tour.chapters[index] as TourChapter;
  const page = useRef<HTMLElement>(null);
  useFitPage(page, `${picture === undefined}:${bundle !== null}:${lang}`);
  const shown = [...LAYER_IDS]
    .reverse()
    .filter((id) => chapter.layers.includes(id))
    .flatMap((id) => BY_ID.get(id) ?? []);
  const badges = shown.map((l) => layerBadge(l, userLayers));
  const sources = shownAttributions(userLayers, shown, lang);
  return (
    <section ref={page} className="handout-page" data-chapter-id={chapter.id}>
      <header className="handout-head">
        <p className="handout-meta">
          {words(tour.title, lang)} ·{' '}
          {fill('tourChapterOf', lang, { n: index + 1, total: tour.chapters.length })}
          {' · '}
          {fill('briefMade', lang, { date: localDay(made) })}
        </p>
        <h2>{words(chapter.title, lang)}</h2>
      </header>
      <div className="handout-body">
        <figure className="handout-map">
          {picture && picture !== 'failed' ? (
            <MapFigure snap={picture} lang={lang} className="handout-map-picture" crop={CROP} />
          ) : (
            <p role="status" className="handout-map-wait">
              {t(picture === 'failed' ? 'handoutMapFailed' : 'mapWait', lang)}
            </p>
          )}
        </figure>
        <div className="handout-text">
          <p className="handout-caption">{words(chapter.caption, lang)}</p>
          {lang === 'en' && tour.english ? <p className="handout-note">{tour.english.note.en}</p> : null}
          {bundle ? <TourPlan chapter={chapter} bundle={bundle} lang={lang} /> : null}
        </div>
      </div>
      <footer className="handout-foot">
        <p>
          {fill('handoutLayers', lang, {
            list: shown
              .map((l, i) => nameWithBadge(l.name[lang], badges[i] ?? null, lang))
              .join(t('listSeparator', lang)),
          })}
        </p>
        <p>{fill('handoutSources', lang, { list: sources.join(' · ') })}</p>
        {badges.includes('schematic') ? (
          <p className="note-schematic">{t('schematicLayerNote', lang)}</p>
        ) : null}
        <p className="handout-note">
          {t('handoutMapNote', lang)} {t('notForPublication', lang)}
        </p>
      </footer>
    </section>
  );
}

/**
 * The presentation's handout: one A4 landscape page per chapter with its map (the chapter's view), title, caption,
 * the plan sections and targets it presents with their status (TourPlan, the caption panel's own list), its layers
 * with 示意 badges, their sources and the notes. Printed through the shared print frame; a page never splits.
 */
export default function TourHandout() {
  const load = useAppStore((s) => s.tourLoad);
  const lang = useAppStore((s) => s.lang);
  const userLayers = useAppStore((s) => s.userLayers);
  const bundle = usePlanBundle(true);
  const tour = load?.status === 'ready' ? load.tour : null;
  const [pictures, setPictures] = useState<Picture[]>([]);
  const [made] = useState(() => new Date());
  useLandscapePaper();
  useHoldChapterKeys();

  useEffect(() => {
    if (!tour) return;
    let live = true;
    setPictures([]);
    takePictures(
      useAppStore,
      tour,
      () => live,
      (i, p) =>
        setPictures((prev) => {
          const next = [...prev];
          next[i] = p;
          return next;
        }),
    );
    return () => {
      live = false;
    };
  }, [tour]);

  if (!tour) return null;
  const total = tour.chapters.length;
  const done = pictures.filter(Boolean).length;
  const ready = done === total && bundle !== null;
  return (
    <PrintView
      className="tour-handout"
      label={`${t('handoutHeading', lang)} · ${words(tour.title, lang)}`}
      ready={ready}
      lang={lang}
      onClose={() => runCommand('tour.handout.close')}
    >
      {ready ? null : (
        <p className="print-screen-only handout-progress" role="status">
          {fill('handoutMaps', lang, { n: done, total })}
        </p>
      )}
      <div className="handout-sheets" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        {tour.chapters.map((c, i) => (
          <Page
            key={c.id}
            tour={tour}
            index={i}
            picture={pictures[i]}
            bundle={bundle}
            userLayers={userLayers}
            made={made}
            lang={lang}
          />
        ))}
      </div>
    </PrintView>
  );
}
