/**
 * What the printed one-page zone brief holds (the app's ZoneBrief renders it in words): the zone's tasks as the zone
 * panel lists them (zoneTasks, grouped by chapter › section, each with its link lines), its indicators as
 * zoneIndicators gives them, each observation source once with a number the rows cite, and the rules that keep the
 * page to one A4 sheet. Pure.
 *
 * The one-page rule, in steps of density (BRIEF_DENSITY; the app takes the first step whose page fits, measured):
 * - up to `cardTasks` tasks (every league: 阿拉善盟 has 23, 包头市 29): each task with its link lines, a line
 *   naming at most `placesPerLine` of the places the text names and counting the rest, and counting the places a
 *   group brings in (生态保护红线 → its parts) by the group's words; denser steps name fewer places or only count
 *   them, and the last lists titles only;
 * - more (the region's 96): titles only, grouped the same way, and the brief says so;
 * - places within the zone: the first `placesListed`, the rest counted; place names folded to `placeEm`;
 * - indicators without any observation (暂无数据) are listed by name, target and scope in a line, not as rows;
 * - text wider than its column is folded with "…" at a width in em (a CJK character 1 em, other characters
 *   about half): English task titles, section titles and observation sources. Chinese titles fit unfolded.
 */
import { REGION_ID } from './gazetteer.ts';
import type { Observation } from './observations.ts';
import type { IndicatorStatus } from './status.ts';
import type { GazetteerEntry, PlanData } from './types.ts';
import { type ZoneIndicatorRow, zoneIndicators } from './zone-indicators.ts';
import {
  groupBySection,
  type LinkLine,
  linkLines,
  notNamed,
  type ZoneTask,
  zoneTasks,
} from './zone-tasks.ts';

type Lang = 'zh' | 'en';
type Gaz = ReadonlyMap<string, GazetteerEntry>;
export type BBox = [number, number, number, number];

export const BRIEF_LIMITS = {
  /** More tasks than this: titles only. */
  cardTasks: 32,
  /** Fold widths in em: task cards (chapter › section on one line), titles (a chapter heading per column line). */
  folds: {
    cards: { titleEm: 30, chapterEm: 15, sectionEm: 20 },
    titles: { titleEm: 22, chapterEm: 22, sectionEm: 30 },
    short: { titleEm: 15, chapterEm: 15, sectionEm: 14 },
  },
  placeEm: 16,
  sourceEm: 44,
  /** A zone smaller than this (a county's point) is shown in a box this many degrees wide and high. */
  minMapSpanDeg: 1,
} as const;

/**
 * Steps from the fullest brief to the densest: how the tasks are shown, how many places a task's link line names
 * (0: it only counts them) and how many places within the zone are listed by name.
 */
export const BRIEF_DENSITY = [
  { mode: 'cards', placesPerLine: 2, placesListed: 18, folds: 'cards' },
  { mode: 'cards', placesPerLine: 1, placesListed: 10, folds: 'cards' },
  { mode: 'cards', placesPerLine: 0, placesListed: 6, folds: 'cards' },
  { mode: 'titles', placesPerLine: 0, placesListed: 6, folds: 'titles' },
  { mode: 'titles', placesPerLine: 0, placesListed: 6, folds: 'short' },
] as const;

/** Width of one character in em: CJK and full-width forms 1, everything else about half. */
function charEm(cp: number): number {
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x20000;
  return wide ? 1 : 0.55;
}

/** The printed width of a text in em, roughly (see charEm). */
export function textEm(text: string): number {
  let w = 0;
  for (const ch of text) w += charEm(ch.codePointAt(0) ?? 0);
  return w;
}

/**
 * The text, or as much of it as fits in `maxEm` with "…" appended. A Latin text is cut at a space when one is in
 * the last third of what fits; trailing spaces and punctuation before the "…" are dropped.
 */
export function fold(text: string, maxEm: number): string {
  if (textEm(text) <= maxEm) return text;
  const chars = [...text];
  let w = 1; // the "…"
  let n = 0;
  while (n < chars.length) {
    const cw = charEm(chars[n]?.codePointAt(0) ?? 0);
    if (w + cw > maxEm) break;
    w += cw;
    n++;
  }
  let cut = chars.slice(0, n).join('');
  const space = cut.lastIndexOf(' ');
  if (space > (cut.length * 2) / 3) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,.;:，。；：、(（“"'-]+$/u, '')}…`;
}

/** The day of a date in the local time zone, 2026-03-04 (the caller passes the clock's date). */
export function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The box the brief's map shows: the zone's box, widened about its centre to at least `minSpan` degrees. */
export function briefMapBox(bbox: BBox, minSpan: number = BRIEF_LIMITS.minMapSpanDeg): BBox {
  const [w, s, e, n] = bbox;
  const grow = (lo: number, hi: number) => {
    const half = Math.max(hi - lo, minSpan) / 2;
    const mid = (lo + hi) / 2;
    return [mid - half, mid + half] as const;
  };
  const [x0, x1] = grow(w, e);
  const [y0, y1] = grow(s, n);
  return [x0, Math.max(-85, y0), x1, Math.min(85, y1)];
}

export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/**
 * The part of a north-up map picture (its size in pixels and the lon/lat box it shows) that frames `box` with `pad`
 * pixels around it, widened about its centre to an aspect (width / height) between `aspect[0]` and `aspect[1]`
 * and kept inside the picture.
 */
export function cropToBox(
  picture: { width: number; height: number; bounds: BBox },
  box: BBox,
  pad = 24,
  aspect: readonly [number, number] = [0.8, 1.9],
): PixelBox {
  const { width: W, height: H } = picture;
  const [w, s, e, n] = picture.bounds;
  const x = (lon: number) => ((lon - w) / (e - w)) * W;
  const y = (lat: number) => ((mercatorY(n) - mercatorY(lat)) / (mercatorY(n) - mercatorY(s))) * H;
  let x0 = x(box[0]) - pad;
  let x1 = x(box[2]) + pad;
  let y0 = y(box[3]) - pad;
  let y1 = y(box[1]) + pad;
  const grow = (lo: number, hi: number, size: number) => {
    const mid = (lo + hi) / 2;
    return [mid - size / 2, mid + size / 2] as const;
  };
  if (x1 - x0 < aspect[0] * (y1 - y0)) [x0, x1] = grow(x0, x1, aspect[0] * (y1 - y0));
  if (x1 - x0 > aspect[1] * (y1 - y0)) [y0, y1] = grow(y0, y1, (x1 - x0) / aspect[1]);
  const within = (lo: number, hi: number, max: number) => {
    const size = Math.min(hi - lo, max);
    const start = Math.min(Math.max(lo, 0), max - size);
    return [start, size] as const;
  };
  const [cx, cw] = within(x0, x1, W);
  const [cy, ch] = within(y0, y1, H);
  return { x: cx, y: cy, width: cw, height: ch };
}

export interface BriefLinkLine {
  kind: LinkLine['kind'];
  /** `group`: the words naming the group(s). */
  words: string[];
  /** `inside` / `crosses`: the places the text names itself, at most `placesPerLine`, with their names. */
  places: Array<{ zoneId: string; name: string }>;
  /** Places the text names itself that are left out (counted). */
  morePlaces: number;
  /** Places brought in by a group the text names (生态保护红线 → its drawn parts): counted by the group's words. */
  groups: Array<{ via: string[]; count: number }>;
}

/**
 * A link line for the brief: places the text names itself, at most `max` and the rest counted, and places a group
 * brings in counted by the group's words (the zone panel lists each).
 */
export function briefLine(
  line: LinkLine,
  nameOf: (zoneId: string) => string,
  max: number = BRIEF_DENSITY[0].placesPerLine,
): BriefLinkLine {
  const direct = line.places.filter((p) => p.via.length === 0).map((p) => p.zoneId);
  const groups = new Map<string, { via: string[]; count: number }>();
  for (const p of line.places) {
    if (p.via.length === 0) continue;
    const key = p.via.join('、');
    const g = groups.get(key) ?? { via: p.via, count: 0 };
    g.count++;
    groups.set(key, g);
  }
  return {
    kind: line.kind,
    words: line.words,
    places: direct.slice(0, max).map((zoneId) => ({ zoneId, name: nameOf(zoneId) })),
    morePlaces: Math.max(0, direct.length - max),
    groups: [...groups.values()],
  };
}

export interface BriefTask {
  id: string;
  title: string;
  /** Empty when the brief lists titles only. */
  lines: BriefLinkLine[];
}

export interface BriefSection {
  sectionId: string;
  /** 一 / 1 … as the outline numbers it, and the title in the language. */
  numeral: string;
  title: string;
  tasks: BriefTask[];
}

export interface BriefChapter {
  chapterNo: number;
  numeral: string;
  title: string;
  sections: BriefSection[];
}

export interface BriefPlace {
  zoneId: string;
  /** The place's name in the language, folded to `placeEm`. */
  name: string;
  tasks: number;
}

export interface BriefStatus {
  /** The scope zone a `covers` row's extra status is for; null for the row's own status. */
  zoneId: string | null;
  status: IndicatorStatus;
  /** The number of the latest observation's source in `sources`, or null without observations. */
  source: number | null;
}

export interface BriefIndicator {
  row: ZoneIndicatorRow;
  /** The row's own status first, then one per scope zone with observations of its own (`covers` rows). */
  statuses: BriefStatus[];
}

export interface BriefIndicators {
  /** Rows with a status read from observations. */
  observed: BriefIndicator[];
  /** Rows without any observation (暂无数据): listed by name, target and scope only. */
  noData: BriefIndicator[];
  count: number;
}

export interface BriefSource {
  no: number;
  /** The source as the observation gives it, folded to `sourceEm`. */
  text: string;
  /** Whether the text was folded (the full text is `full`). */
  folded: boolean;
  full: string;
}

export interface ZoneBrief {
  zoneId: string;
  region: boolean;
  /** The step of BRIEF_DENSITY this brief was made at. */
  density: number;
  /** `cards`: each task with its link lines; `titles`: titles only. */
  mode: 'cards' | 'titles';
  taskCount: number;
  naming: { count: number; chapters: BriefChapter[] };
  within: { count: number; chapters: BriefChapter[] };
  /** No task names the zone (规划纲要未直接点名此区域, as the panel says it). */
  notNamed: boolean;
  places: { inside: BriefPlace[]; crosses: BriefPlace[]; more: number };
  /** Indicators of the zone: those with observations in a table, those without listed by name and target. */
  local: BriefIndicators;
  /** Region-wide indicators on a zone other than the region, apart, as the panel shows them. */
  regionWide: BriefIndicators;
  sources: BriefSource[];
  /** Some status shown is computed from a sample (示例) observation. */
  anySample: boolean;
  /** English titles are the project's unofficial translation. */
  titlesEn: boolean;
  /** Some text was folded to fit (the brief says what "…" means). */
  folded: boolean;
  /**
   * The sources and notes go beside the map, where a zone without places within it (every zone but a league) has
   * room, rather than at the foot of the page.
   */
  notesBesideMap: boolean;
}

function chaptersOf(
  plan: Pick<PlanData, 'chapters'>,
  tasks: readonly ZoneTask[],
  mode: 'cards' | 'titles',
  lang: Lang,
  fold: (text: string, maxEm: number) => string,
  nameOf: (zoneId: string) => string,
  placesPerLine: number,
  folds: (typeof BRIEF_LIMITS.folds)[keyof typeof BRIEF_LIMITS.folds],
): BriefChapter[] {
  const en = lang === 'en';
  const out: BriefChapter[] = [];
  for (const g of groupBySection(tasks)) {
    const chapter = plan.chapters.find((c) => c.no === g.chapterNo);
    const section = chapter?.sections.find((s) => s.id === g.sectionId);
    let last = out[out.length - 1];
    if (!last || last.chapterNo !== g.chapterNo) {
      last = {
        chapterNo: g.chapterNo,
        numeral: en ? String(g.chapterNo) : (chapter?.numeral ?? String(g.chapterNo)),
        title: fold(en ? (chapter?.titleEn ?? g.chapter) : g.chapter, folds.chapterEm),
        sections: [],
      };
      out.push(last);
    }
    last.sections.push({
      sectionId: g.sectionId,
      numeral: en ? g.sectionId : (section?.numeral ?? g.sectionId),
      title: fold(en ? (section?.titleEn ?? g.section) : g.section, folds.sectionEm),
      tasks: g.tasks.map((zt) => ({
        id: zt.task.id,
        title: fold(en ? (zt.task.titleEn ?? zt.task.title) : zt.task.title, folds.titleEm),
        lines:
          mode === 'titles' || zt.kind === 'region'
            ? []
            : linkLines(zt).map((l) => briefLine(l, nameOf, placesPerLine)),
      })),
    });
  }
  return out;
}

export interface ZoneBriefOptions {
  lang?: Lang;
  /** A step of BRIEF_DENSITY (default 0, the fullest). */
  density?: number;
}

/** The brief of one zone as of `asOfYear` (the year statuses are computed for). */
export function zoneBrief(
  plan: Pick<PlanData, 'tasks' | 'indicators' | 'chapters' | 'titlesEn'>,
  gazetteer: Gaz,
  observations: readonly Observation[],
  zoneId: string,
  asOfYear: number,
  opts: ZoneBriefOptions = {},
): ZoneBrief {
  const lang = opts.lang ?? 'zh';
  let folded = false;
  const folding = (text: string, maxEm: number) => {
    const out = fold(text, maxEm);
    if (out !== text) folded = true;
    return out;
  };
  const nameOf = (id: string) => folding(gazetteer.get(id)?.[lang] ?? id, BRIEF_LIMITS.placeEm);
  const tasks = zoneTasks(plan, gazetteer, zoneId);
  const taskCount = tasks.naming.length + tasks.within.length;
  const density = Math.min(Math.max(0, Math.trunc(opts.density ?? 0)), BRIEF_DENSITY.length - 1);
  const step = BRIEF_DENSITY[density] ?? BRIEF_DENSITY[0];
  const mode = taskCount > BRIEF_LIMITS.cardTasks ? 'titles' : step.mode;
  const folds = BRIEF_LIMITS.folds[mode === 'titles' && step.folds === 'cards' ? 'titles' : step.folds];
  const { local, regionWide } = zoneIndicators(plan, gazetteer, observations, zoneId, asOfYear);

  const sources: BriefSource[] = [];
  const sourceNo = (s: IndicatorStatus): number | null => {
    const full = s.latest?.source;
    if (full === undefined) return null;
    const known = sources.find((x) => x.full === full);
    if (known) return known.no;
    const text = folding(full, BRIEF_LIMITS.sourceEm);
    sources.push({ no: sources.length + 1, text, folded: text !== full, full });
    return sources.length;
  };
  const indicator = (row: ZoneIndicatorRow): BriefIndicator => ({
    row,
    statuses: [
      { zoneId: null, status: row.status, source: sourceNo(row.status) },
      ...row.perZone.map((z) => ({ zoneId: z.zoneId, status: z.status, source: sourceNo(z.status) })),
    ],
  });
  const split = (rows: ZoneIndicatorRow[]): BriefIndicators => {
    const all = rows.map(indicator);
    const observed = all.filter((r) => r.statuses.some((s) => s.status.status !== 'no-data'));
    return { observed, noData: all.filter((r) => !observed.includes(r)), count: all.length };
  };
  const briefLocal = split(local);
  const briefRegionWide = split(regionWide);
  const anySample = [...briefLocal.observed, ...briefRegionWide.observed].some((r) =>
    r.statuses.some((s) => s.status.sample),
  );

  const inside = tasks.places.filter((p) => p.where === 'inside');
  const crosses = tasks.places.filter((p) => p.where === 'crosses');
  const listedInside = inside.slice(0, step.placesListed);
  const listedCrosses = crosses.slice(0, Math.max(0, step.placesListed - listedInside.length));
  const place = (p: { zoneId: string; tasks: number }): BriefPlace => ({
    zoneId: p.zoneId,
    name: nameOf(p.zoneId),
    tasks: p.tasks,
  });

  return {
    zoneId,
    region: zoneId === REGION_ID,
    density,
    mode,
    taskCount,
    naming: {
      count: tasks.naming.length,
      chapters: chaptersOf(plan, tasks.naming, mode, lang, folding, nameOf, step.placesPerLine, folds),
    },
    within: {
      count: tasks.within.length,
      chapters: chaptersOf(plan, tasks.within, mode, lang, folding, nameOf, step.placesPerLine, folds),
    },
    notNamed: notNamed(tasks),
    places: {
      inside: listedInside.map(place),
      crosses: listedCrosses.map(place),
      more: tasks.places.length - listedInside.length - listedCrosses.length,
    },
    local: briefLocal,
    regionWide: briefRegionWide,
    sources,
    anySample,
    titlesEn: lang === 'en' && plan.titlesEn !== undefined,
    folded,
    notesBesideMap: tasks.places.length === 0,
  };
}

/** The outline as a document: its title, number and date as its notice gives them, and whom it was republished from. */
export function planCitation(plan: Pick<PlanData, 'title' | 'front' | 'colophon'>): {
  title: string;
  docNumber: string | null;
  date: string | null;
  from: string | null;
} {
  const role = (r: string) => plan.front.find((l) => l.role === r)?.text ?? null;
  const from = plan.colophon.find((l) => l.text.startsWith('转载来源'))?.text ?? null;
  return {
    title: plan.title,
    docNumber: role('doc-number'),
    date: role('date'),
    from: from ? from.replace(/^转载来源[:：]\s*/, '') : null,
  };
}
