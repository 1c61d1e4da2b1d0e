import { useCallback, useEffect, useRef, useState } from 'react';
import { LAYERS } from '../../../layers/registry.ts';
import type { Lang } from '../../../layers/types.ts';
import { TOUR_LIMITS, type Tour, type TourChapter } from '../../domain/tour/schema.ts';
import { encodeShare } from '../../domain/tour/share.ts';
import {
  asCopy,
  chapterFromView,
  isUserTourId,
  moveChapterBy,
  newUserTour,
  nextChapterId,
  tourFile,
  type UserTour,
  userTourId,
} from '../../domain/tour/user-tour.ts';
import {
  parseTour,
  parseTourText,
  type TourContext,
  type TourIssue,
  tourContext,
} from '../../domain/tour/validate.ts';
import { mapPort } from '../map/map-port.ts';
import { loadPlanBundle, type PlanBundle } from '../plan/plan-data.ts';
import { download } from '../screening/download.ts';
import { type SavedTour, UserToursDb } from '../storage/user-tours-db.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { loadZoneIndex, type ZoneIndexEntry } from '../zones/zone-index.ts';
import { platformCodec } from './share-codec.ts';
import { presentTour } from './tour-actions.ts';
import { registerSavedTour } from './user-tour-sources.ts';
import { words } from './words.ts';
import '../styles/my-tours.css';

const REGION_CAMERA = { center: [111.62, 45.37] as [number, number], zoom: 4, bearing: 0, pitch: 0 };
const both = (zh: string, en: string) => ({ zh, en });

interface Data {
  db: UserToursDb;
  bundle: PlanBundle;
  zoneIndex: Record<string, ZoneIndexEntry>;
  ctx: TourContext;
}

type Notice =
  | {
      kind: 'issues';
      title: 'myToursImportRefused' | 'myToursInvalid';
      issues: TourIssue[];
      truncated: boolean;
    }
  | { kind: 'conflict'; tour: Tour; existing: SavedTour }
  | { kind: 'share'; url: string }
  | { kind: 'shareTooLarge'; chars: number }
  | { kind: 'imported'; title: string }
  | { kind: 'error'; message: string };

/** Issues listed with their place in the file, Chinese first with the English beside it. */
function IssueList({ issues, lang }: { issues: TourIssue[]; lang: Lang }) {
  return (
    <ul className="my-tours-issues">
      {issues.map((i, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: issues are a fixed list, shown once
        <li key={n}>
          {i.path ? <code>{i.path}</code> : null} {lang === 'en' ? i.en : i.zh}
          <span lang={lang === 'en' ? 'zh-CN' : 'en'} className="my-tours-issue-other">
            {' '}
            ({lang === 'en' ? i.zh : i.en})
          </span>
        </li>
      ))}
    </ul>
  );
}

function ChapterEditor({
  chapter,
  lang,
  onSave,
  onCancel,
}: {
  chapter: TourChapter;
  lang: Lang;
  onSave: (c: TourChapter) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(() => ({
    title: { ...chapter.title },
    caption: { ...chapter.caption },
    notes: { ...chapter.notes },
  }));
  const field = (
    part: 'title' | 'caption' | 'notes',
    l: 'zh' | 'en',
    label: Parameters<typeof t>[0],
    multi: boolean,
  ) => {
    const id = `my-tours-${chapter.id}-${part}-${l}`;
    const props = {
      id,
      value: draft[part][l],
      maxLength: TOUR_LIMITS[part][l],
      lang: l === 'zh' ? 'zh-CN' : 'en',
      onChange: (e: { target: { value: string } }) =>
        setDraft((d) => ({ ...d, [part]: { ...d[part], [l]: e.target.value } })),
    };
    return (
      <div className="my-tours-field">
        <label htmlFor={id}>{t(label, lang)}</label>
        {multi ? <textarea rows={part === 'notes' ? 3 : 2} {...props} /> : <input type="text" {...props} />}
      </div>
    );
  };
  const blank = !draft.title.zh.trim() || !draft.caption.zh.trim();
  return (
    <div className="my-tours-editor">
      {field('title', 'zh', 'myToursTitleZh', false)}
      {field('title', 'en', 'myToursTitleEn', false)}
      {field('caption', 'zh', 'myToursCaptionZh', true)}
      {field('caption', 'en', 'myToursCaptionEn', true)}
      {field('notes', 'zh', 'myToursNotesZh', true)}
      {field('notes', 'en', 'myToursNotesEn', true)}
      <div className="my-tours-row">
        <button type="button" disabled={blank} onClick={() => onSave({ ...chapter, ...draft })}>
          {t('myToursSave', lang)}
        </button>
        <button type="button" onClick={onCancel}>
          {t('myToursCancel', lang)}
        </button>
      </div>
    </div>
  );
}

/**
 * 我的演示 / My tours: tours the user makes from map views, kept in IndexedDB; chapters added from the current view,
 * moved (↑/↓, or Alt+↑/↓ on a chapter), edited and deleted (with undo); a tour exported as a file of the tour format
 * (checked by parseTour first), imported from one (refused as a whole with every issue), shared by link when small.
 */
export default function MyToursPanel({ onClose }: { onClose: () => void }) {
  const lang = useAppStore((s) => s.lang);
  const [data, setData] = useState<Data | null>(null);
  const [tours, setTours] = useState<SavedTour[]>([]);
  const toursRef = useRef(tours);
  toursRef.current = tours;
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [newTitle, setNewTitle] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [removed, setRemoved] = useState<{ tourId: string; chapter: TourChapter; index: number } | null>(
    null,
  );
  const [confirmDelete, setConfirmDelete] = useState(false);
  const focusAfter = useRef<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const [db, bundle, zoneIndex] = await Promise.all([
          UserToursDb.open(),
          loadPlanBundle(),
          loadZoneIndex(),
        ]);
        const saved = await db.list();
        if (!live) return;
        for (const s of saved) registerSavedTour(s.id);
        setData({ db, bundle, zoneIndex, ctx: tourContext(LAYERS, zoneIndex, bundle.plan) });
        setTours(saved);
        setCurrentId((c) => c ?? saved.at(-1)?.id ?? null);
      } catch (e) {
        if (live) setNotice({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const key = focusAfter.current;
    if (!key) return;
    focusAfter.current = null;
    listRef.current?.querySelector<HTMLElement>(`[data-focus-key="${key}"]`)?.focus();
  });

  const current = tours.find((s) => s.id === currentId)?.tour ?? null;

  const save = useCallback(
    async (tour: UserTour) => {
      if (!data) return;
      try {
        const before = toursRef.current.find((s) => s.id === tour.id);
        const record = await data.db.save(tour, before?.createdAt);
        registerSavedTour(tour.id);
        setTours((list) =>
          list.some((s) => s.id === tour.id)
            ? list.map((s) => (s.id === tour.id ? record : s))
            : [...list, record],
        );
      } catch (e) {
        setNotice({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    },
    [data],
  );

  const create = () => {
    const tour = newUserTour(userTourId(crypto.randomUUID()), newTitle, t('myToursUntitled', 'zh'));
    setNewTitle('');
    setCurrentId(tour.id);
    setNotice(null);
    void save(tour);
  };

  const addView = () => {
    if (!data || !current) return;
    const s = useAppStore.getState();
    const task = s.selectedTaskId ? data.bundle.plan.tasks.find((x) => x.id === s.selectedTaskId) : undefined;
    const indicator = s.selectedIndicatorId
      ? data.bundle.plan.indicators.find((x) => x.id === s.selectedIndicatorId)
      : undefined;
    const n = current.chapters.length + 1;
    const chapter = chapterFromView(
      {
        camera: mapPort.currentCamera() ?? s.camera,
        visible: s.visible,
        selectedZone: s.selectedZone && {
          id: s.selectedZone.id,
          // the zone panel's rule: the gazetteer's name, else the map feature's
          zh: data.bundle.gazetteer.get(s.selectedZone.id)?.zh || s.selectedZone.zh,
          en: data.bundle.gazetteer.get(s.selectedZone.id)?.en || s.selectedZone.en,
        },
        highlightZoneIds: s.highlightZoneIds,
        task: task ? { id: task.id, zh: task.title, en: task.titleEn ?? '' } : null,
        indicator: indicator ? { id: indicator.id, zh: indicator.name, en: indicator.en } : null,
      },
      nextChapterId(current.chapters),
      {
        layerIds: LAYERS.map((l) => l.id),
        zoneLayer: (z) => (Object.hasOwn(data.zoneIndex, z) ? data.zoneIndex[z]?.layerId : undefined),
        fallbackCamera: REGION_CAMERA,
        untitled: both(
          t('myToursChapterUntitled', 'zh').replace('{n}', String(n)),
          t('myToursChapterUntitled', 'en').replace('{n}', String(n)),
        ),
      },
    );
    setRemoved(null);
    void save({ ...current, chapters: [...current.chapters, chapter] });
  };

  const move = (index: number, by: -1 | 1) => {
    if (!current) return;
    const id = current.chapters[index]?.id;
    const next = moveChapterBy(current.chapters, index, by);
    const to = next.findIndex((c) => c.id === id);
    // keep the focus on the button pressed, or on the other one when the chapter reached an end
    const end = to === 0 ? 'down' : to === next.length - 1 ? 'up' : by < 0 ? 'up' : 'down';
    focusAfter.current = `${id}-${end}`;
    void save({ ...current, chapters: next });
  };

  const removeChapter = (index: number) => {
    if (!current) return;
    const chapter = current.chapters[index];
    if (!chapter) return;
    setRemoved({ tourId: current.id, chapter, index });
    void save({ ...current, chapters: current.chapters.filter((_, i) => i !== index) });
  };

  const undoRemove = () => {
    const tour = tours.find((s) => s.id === removed?.tourId)?.tour;
    if (!removed || !tour) return;
    const chapters = [...tour.chapters];
    const chapter = chapters.some((c) => c.id === removed.chapter.id)
      ? { ...removed.chapter, id: nextChapterId(chapters) }
      : removed.chapter;
    chapters.splice(Math.min(removed.index, chapters.length), 0, chapter);
    setRemoved(null);
    void save({ ...tour, chapters });
  };

  /** The tour as a file, or null with the issues shown (a tour without chapters, or one an id no longer fits). */
  const checked = (tour: UserTour): Tour | null => {
    if (!data) return null;
    const result = parseTour(tourFile(tour) ?? tour, data.ctx);
    if (result.tour) return result.tour;
    setNotice({
      kind: 'issues',
      title: 'myToursInvalid',
      issues: result.issues,
      truncated: result.truncated,
    });
    return null;
  };

  const exportTour = () => {
    if (!current) return;
    const file = checked(current);
    if (!file) return;
    setNotice(null);
    download(`${file.id}.json`, `${JSON.stringify(file, null, 2)}\n`, 'application/json');
  };

  const share = async () => {
    if (!current) return;
    const file = checked(current);
    if (!file) return;
    const encoded = await encodeShare(file, platformCodec);
    if (!encoded.ok) {
      setNotice({ kind: 'shareTooLarge', chars: encoded.payloadChars });
      return;
    }
    const url = new URL(location.href);
    url.search = new URLSearchParams({ tour: encoded.ref }).toString();
    url.hash = '';
    setNotice({ kind: 'share', url: url.toString() });
  };

  const importFile = async (file: File) => {
    if (!data) return;
    const result = parseTourText(await file.text(), data.ctx);
    if (!result.tour) {
      setNotice({
        kind: 'issues',
        title: 'myToursImportRefused',
        issues: result.issues,
        truncated: result.truncated,
      });
      return;
    }
    // the built-in tour's id (or any id not of a user tour) is never saved over: the copy gets a user id
    const tour = isUserTourId(result.tour.id)
      ? result.tour
      : { ...result.tour, id: userTourId(crypto.randomUUID()) };
    const existing = tours.find((s) => s.id === tour.id);
    if (existing) {
      setNotice({ kind: 'conflict', tour, existing });
      return;
    }
    await save(tour);
    setCurrentId(tour.id);
    setNotice({ kind: 'imported', title: words(tour.title, lang) });
  };

  const resolveConflict = async (how: 'both' | 'replace') => {
    if (notice?.kind !== 'conflict') return;
    const tour =
      how === 'replace'
        ? notice.tour
        : asCopy(
            notice.tour,
            userTourId(crypto.randomUUID()),
            both(t('myToursCopy', 'zh'), t('myToursCopy', 'en')),
          );
    await save(tour);
    setCurrentId(tour.id);
    setNotice({ kind: 'imported', title: words(tour.title, lang) });
  };

  const deleteTour = async () => {
    if (!data || !current) return;
    try {
      await data.db.remove(current.id);
      setTours((list) => list.filter((s) => s.id !== current.id));
      setCurrentId(tours.find((s) => s.id !== current.id)?.id ?? null);
      setConfirmDelete(false);
    } catch (e) {
      setNotice({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const setTitle = (l: 'zh' | 'en', value: string) => {
    if (!current) return;
    if (l === 'zh' && !value.trim()) return;
    void save({ ...current, title: { ...current.title, [l]: value } });
  };

  return (
    <section id="my-tours" className="my-tours" aria-labelledby="my-tours-title">
      <div className="my-tours-head">
        <h2 id="my-tours-title">{t('myTours', lang)}</h2>
        <button type="button" className="icon-button" aria-label={t('myToursClose', lang)} onClick={onClose}>
          ×
        </button>
      </div>
      <p className="my-tours-note">{t('myToursStored', lang)}</p>

      <form
        className="my-tours-row"
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <label className="visually-hidden" htmlFor="my-tours-new">
          {t('myToursNewTitle', lang)}
        </label>
        <input
          id="my-tours-new"
          type="text"
          value={newTitle}
          maxLength={TOUR_LIMITS.tourTitle.zh}
          placeholder={t('myToursNewTitle', lang)}
          onChange={(e) => setNewTitle(e.target.value)}
        />
        <button type="submit" disabled={!data}>
          {t('myToursCreate', lang)}
        </button>
      </form>
      <label className="my-tours-import">
        {t('myToursImport', lang)}
        <input
          type="file"
          accept=".json,application/json"
          disabled={!data}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>

      <div className="my-tours-notice" role="status" aria-live="polite">
        {notice?.kind === 'issues' ? (
          <div className="my-tours-refused" role="alert">
            <p>{t(notice.title, lang)}</p>
            <IssueList issues={notice.issues} lang={lang} />
            {notice.truncated ? <p>{t('myToursImportMore', lang)}</p> : null}
          </div>
        ) : notice?.kind === 'conflict' ? (
          <div className="my-tours-conflict">
            <p>
              {t('myToursSameId', lang)}
              {words(notice.existing.tour.title, lang)}
            </p>
            <div className="my-tours-row">
              <button type="button" onClick={() => void resolveConflict('both')}>
                {t('myToursKeepBoth', lang)}
              </button>
              <button type="button" onClick={() => void resolveConflict('replace')}>
                {t('myToursReplace', lang)}
              </button>
              <button type="button" onClick={() => setNotice(null)}>
                {t('myToursCancel', lang)}
              </button>
            </div>
          </div>
        ) : notice?.kind === 'share' ? (
          <label className="my-tours-field">
            <span>{t('myToursShareLink', lang)}</span>
            <input
              type="text"
              readOnly
              value={notice.url}
              className="my-tours-share"
              onFocus={(e) => e.target.select()}
            />
          </label>
        ) : notice?.kind === 'shareTooLarge' ? (
          <p>
            {t('myToursShareTooLarge', lang).replace('{n}', String(notice.chars)).replace('{max}', '4000')}
          </p>
        ) : notice?.kind === 'imported' ? (
          <p>
            {t('myToursImported', lang)}
            {notice.title}
          </p>
        ) : notice?.kind === 'error' ? (
          <p role="alert">
            {t('myToursStorageError', lang)}
            {notice.message}
          </p>
        ) : null}
      </div>

      {data && tours.length === 0 ? <p className="my-tours-note">{t('myToursNone', lang)}</p> : null}
      {tours.length > 0 ? (
        <ul className="my-tours-list">
          {tours.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                aria-pressed={s.id === currentId}
                onClick={() => {
                  setCurrentId(s.id);
                  setConfirmDelete(false);
                  setEditing(null);
                }}
              >
                {words(s.tour.title, lang)}{' '}
                <span className="my-tours-count">
                  {s.tour.chapters.length} {t('myToursChapters', lang)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      {current ? (
        <div className="my-tours-current" key={current.id}>
          <label className="my-tours-field">
            <span>{t('myToursTitleZh', lang)}</span>
            <input
              type="text"
              lang="zh-CN"
              defaultValue={current.title.zh}
              maxLength={TOUR_LIMITS.tourTitle.zh}
              onBlur={(e) => setTitle('zh', e.target.value)}
            />
          </label>
          <label className="my-tours-field">
            <span>{t('myToursTitleEn', lang)}</span>
            <input
              type="text"
              lang="en"
              defaultValue={current.title.en}
              maxLength={TOUR_LIMITS.tourTitle.en}
              onBlur={(e) => setTitle('en', e.target.value)}
            />
          </label>
          <div className="my-tours-row">
            <button
              type="button"
              className="my-tours-add"
              disabled={current.chapters.length >= TOUR_LIMITS.chapters}
              title={
                current.chapters.length >= TOUR_LIMITS.chapters ? t('myToursAddViewFull', lang) : undefined
              }
              onClick={addView}
            >
              {t('myToursAddView', lang)}
            </button>
          </div>
          <div className="my-tours-row">
            <button
              type="button"
              disabled={current.chapters.length === 0}
              onClick={() => void presentTour(useAppStore, current.id, null)}
            >
              {t('myToursPresent', lang)}
            </button>
            <button type="button" disabled={current.chapters.length === 0} onClick={exportTour}>
              {t('myToursExport', lang)}
            </button>
            <button type="button" disabled={current.chapters.length === 0} onClick={() => void share()}>
              {t('myToursShare', lang)}
            </button>
            <button type="button" onClick={() => setConfirmDelete(true)}>
              {t('myToursDelete', lang)}
            </button>
          </div>
          {confirmDelete ? (
            <div className="my-tours-row" role="alert">
              <span>{t('myToursDeleteConfirm', lang)}</span>
              <button type="button" onClick={() => void deleteTour()}>
                {t('myToursYes', lang)}
              </button>
              <button type="button" onClick={() => setConfirmDelete(false)}>
                {t('myToursCancel', lang)}
              </button>
            </div>
          ) : null}
          {removed && removed.tourId === current.id ? (
            <p className="my-tours-row" role="status">
              <span>
                {t('myToursRemoved', lang)}
                {words(removed.chapter.title, lang)}
              </span>
              <button type="button" onClick={undoRemove}>
                {t('myToursUndo', lang)}
              </button>
            </p>
          ) : null}
          {current.chapters.length === 0 ? (
            <p className="my-tours-note">{t('myToursNoChapters', lang)}</p>
          ) : (
            <ol className="my-tours-chapters" ref={listRef}>
              {current.chapters.map((c, i) => (
                <li
                  key={c.id}
                  data-chapter={c.id}
                  onKeyDown={(e) => {
                    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                    e.preventDefault();
                    move(i, e.key === 'ArrowUp' ? -1 : 1);
                  }}
                >
                  <div className="my-tours-chapter">
                    <span className="my-tours-chapter-title">{words(c.title, lang)}</span>
                    <span className="my-tours-count">
                      {t('myToursLayersZones', lang)
                        .replace('{l}', String(c.layers.length))
                        .replace('{z}', String(c.zones.length))}
                    </span>
                  </div>
                  <div className="my-tours-row">
                    <button
                      type="button"
                      data-focus-key={`${c.id}-up`}
                      aria-label={`${t('myToursUp', lang)} ${words(c.title, lang)}`}
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      data-focus-key={`${c.id}-down`}
                      aria-label={`${t('myToursDown', lang)} ${words(c.title, lang)}`}
                      disabled={i === current.chapters.length - 1}
                      onClick={() => move(i, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      aria-expanded={editing === c.id}
                      onClick={() => setEditing(editing === c.id ? null : c.id)}
                    >
                      {t('myToursEdit', lang)}
                    </button>
                    <button type="button" onClick={() => removeChapter(i)}>
                      {t('myToursRemove', lang)}
                    </button>
                  </div>
                  {editing === c.id ? (
                    <ChapterEditor
                      chapter={c}
                      lang={lang}
                      onCancel={() => setEditing(null)}
                      onSave={(next) => {
                        setEditing(null);
                        void save({
                          ...current,
                          chapters: current.chapters.map((x) => (x.id === c.id ? next : x)),
                        });
                      }}
                    />
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </div>
      ) : null}
    </section>
  );
}
