/**
 * What a chapter puts on screen, as data the presentation (and later the presenter view, the PNG export and the
 * handout) reads: the layers switched on, the zones outlined, the legend's layers, the plan sections it presents.
 */
import type { Task } from '../plan/types.ts';
import type { TourChapter } from './schema.ts';

export interface ChapterView {
  /** every registry layer: on exactly when the chapter lists it */
  visible: Record<string, boolean>;
  /** the zones outlined, as the store keeps highlights (sorted, no repeats) */
  highlight: string[];
}

/**
 * A chapter on the map: among the registry's layers (`layerIds`) exactly the chapter's are on, every other one off;
 * its zones are highlighted. Ids the registry does not have are left out (a checked tour has none).
 */
export function chapterView(
  chapter: Pick<TourChapter, 'layers' | 'zones'>,
  layerIds: readonly string[],
): ChapterView {
  const on = new Set(chapter.layers);
  return {
    visible: Object.fromEntries(layerIds.map((id) => [id, on.has(id)])),
    highlight: [...new Set(chapter.zones)].sort(),
  };
}

/** The legend's layers: the chapter's, in the order the layer panel lists them (topmost drawn first). */
export function chapterLegendIds(
  chapter: Pick<TourChapter, 'layers'>,
  layerIds: readonly string[],
): string[] {
  const on = new Set(chapter.layers);
  return [...layerIds].reverse().filter((id) => on.has(id));
}

export interface CitedTask {
  id: string;
  title: string;
  titleEn: string | undefined;
}

/** A section of the plan a chapter presents, with the tasks it cites there. */
export interface CitedSection {
  chapterNo: number;
  sectionNo: number;
  chapter: string;
  chapterEn: string | undefined;
  section: string;
  sectionEn: string | undefined;
  tasks: CitedTask[];
}

/**
 * The plan's chapter › section of every task a chapter cites, one entry per section in the order first cited, its
 * tasks in the order cited. Ids the plan does not have are left out (a checked tour has none).
 */
export function citedSections(
  chapter: Pick<TourChapter, 'cites'>,
  plan: { tasks: readonly Task[] },
): CitedSection[] {
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const out: CitedSection[] = [];
  for (const id of chapter.cites.tasks) {
    const t = byId.get(id);
    if (!t) continue;
    let section = out.find((s) => s.chapterNo === t.chapterNo && s.sectionNo === t.sectionNo);
    if (!section) {
      section = {
        chapterNo: t.chapterNo,
        sectionNo: t.sectionNo,
        chapter: t.chapter,
        chapterEn: t.chapterEn,
        section: t.section,
        sectionEn: t.sectionEn,
        tasks: [],
      };
      out.push(section);
    }
    section.tasks.push({ id: t.id, title: t.title, titleEn: t.titleEn });
  }
  return out;
}
