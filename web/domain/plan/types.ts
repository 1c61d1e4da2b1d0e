/**
 * Types of the plan data (`data/plan.json`, `data/gazetteer.json`).
 * Pure types: no runtime imports, usable in browser, worker, CLI and tests.
 */

/** Comparators of a quantitative target. `stable>=` reads 稳定在/保持在…以上, `between` a range such as 3—5个. */
export type Comparator = '>=' | '<=' | '>' | '<' | '=' | 'stable>=' | 'stable<=' | 'between';

/** Which way is better: the direction the value has to move to meet the target. */
export type Direction = 'increase' | 'decrease';

export interface Target {
  /** Year the target is due; null for standing targets that name no year (e.g. 守住1.7亿亩耕地红线). */
  year: number | null;
  value: number;
  /** Upper bound, only for comparator `between`. */
  max?: number;
  comparator: Comparator;
  /** The phrase of the outline the target was read from, e.g. "达到63%及以上". */
  phrase: string;
  /** Position of `phrase` in the task text (UTF-16 offsets). */
  start: number;
  end: number;
}

export interface Indicator {
  id: string;
  /** Clean Chinese name, e.g. 草原综合植被盖度. */
  name: string;
  en: string;
  /** Unit as written in the outline (%, 微克/立方米, 亿亩 …). */
  unit: string;
  direction: Direction;
  targets: Target[];
  /** Scope: zone ids named with the target, or ['region-inner-mongolia']. */
  zones: string[];
  taskId: string;
  /** The subject as the outline words it, e.g. "全区细颗粒物平均浓度". */
  rawName: string;
  note?: string;
}

export interface Mention {
  zoneId: string;
  /** The matched text exactly as in the task text (quotes included). */
  text: string;
  /** UTF-16 offsets in the task text, end exclusive. */
  start: number;
  end: number;
  /**
   * How the mention was found: `name` a name or alias; `list` a short name completed by the head of a list
   * (大青山、贺兰山等国家公园); `nested` a league named inside a longer name (赤峰高新技术产业开发区).
   */
  via: 'name' | 'list' | 'nested';
}

export type TaskKind = 'task' | 'requirement' | 'goal' | 'vision';

export interface Task {
  /** `<chapter>.<section>.<paragraph>`, e.g. 2.3.1. In chapter 九 the section is its own single task (9.1.1). */
  id: string;
  kind: TaskKind;
  chapterNo: number;
  sectionNo: number;
  paragraphNo: number;
  /** Chapter and section titles. */
  chapter: string;
  section: string;
  /** The lead sentence without its 。 (or, for chapter 一, the paragraph's label). */
  title: string;
  /** Full paragraph text (for chapter 九 without the (一) marker). */
  text: string;
  /** Horizon year of a goal paragraph (近期目标 → 2027). */
  horizonYear?: number;
  /** Years the text names, ascending. */
  years: number[];
  /** Zone ids the task names: direct mentions, then members of named groups; ordered by first mention. */
  zones: string[];
  mentions: Mention[];
  indicatorIds: string[];
  /** 1-based line in the seed. */
  line: number;
}

export interface SectionRef {
  id: string;
  no: number;
  numeral: string;
  title: string;
  line: number;
  /** True when the section heading line carries the task itself (chapter 九). */
  inline: boolean;
  taskIds: string[];
}

export interface Chapter {
  id: string;
  no: number;
  numeral: string;
  title: string;
  line: number;
  /** The chapter's opening paragraph, before its first section. */
  intro: { text: string; line: number } | null;
  sections: SectionRef[];
}

export type FrontRole =
  | 'notice-title'
  | 'doc-number'
  | 'addressee'
  | 'notice-body'
  | 'date'
  | 'editor-note'
  | 'title';

export interface SourceLine {
  line: number;
  text: string;
}

export interface PlanData {
  schemaVersion: 1;
  source: {
    file: string;
    /** SHA-256 of the seed file (hex). */
    sha256: string;
    lines: number;
  };
  title: string;
  /** Notice lines before the outline itself. */
  front: Array<SourceLine & { role: FrontRole }>;
  chapters: Chapter[];
  tasks: Task[];
  indicators: Indicator[];
  /** Lines after the outline added by the republishing site (转载来源, 声明). */
  colophon: SourceLine[];
  counts: {
    chapters: number;
    sections: number;
    tasks: number;
    indicators: number;
    targets: number;
    zonesLinked: number;
    taskZoneLinks: number;
    mentions: number;
  };
}

export type ZoneKind =
  | 'region'
  | 'league'
  | 'county'
  | 'desert'
  | 'sandland'
  | 'lake'
  | 'river'
  | 'reservoir'
  | 'water-works'
  | 'mountain'
  | 'plain'
  | 'irrigation'
  | 'black-soil'
  | 'park'
  | 'eco-area'
  | 'battle'
  | 'treatment-area'
  | 'wind-base'
  | 'industry'
  | 'pilot'
  | 'group'
  | 'redline'
  | 'external';

export interface GazetteerSourceEntry {
  id: string;
  kind: ZoneKind;
  zh: string;
  en: string;
  /** Forms the text uses (full and short names). Matched literally, quotes ignored. */
  aliases: string[];
  /** Forms only matched as members of a list with a head noun (海勃湾、尼尔基…等大中型水库). */
  listForms?: string[];
  /** For group entries: member zone ids. */
  groupOf?: string[];
  /** League ids the entity lies in (public knowledge); [] outside Inner Mongolia. */
  leagues: string[];
  /** False for abstract things with no place to draw (groups, programmes, far-away regions). */
  hasLocation: boolean;
  /** One line of public knowledge on where it is, for the geometry author. */
  locationHint: string;
  /** False: listed but never matched in the text (e.g. the region itself, whose name is in every title). */
  match?: boolean;
  note?: string;
}

export interface GazetteerEntry extends GazetteerSourceEntry {
  /** Tasks that link to this zone (directly or through a group), in document order. */
  taskIds: string[];
  /** Number of direct mentions in task texts. */
  mentionCount: number;
}

export interface GazetteerData {
  schemaVersion: 1;
  entries: GazetteerEntry[];
}
