/**
 * The coverage map: the zones of one map layer coloured by how many tasks are theirs, by the zone panel's one
 * rule (zoneTasks: tasks naming the zone directly or through a group, and for a league tasks naming places within
 * or partly within it, each task once). Class breaks, legend (zones per class), hover text and note. Pure: the
 * task browser's button and the link (`paint=coverage:<layerId>`) both call it.
 */
import type { GazetteerSourceEntry, PlanData } from './types.ts';
import { zoneTasks } from './zone-tasks.ts';

type Gaz = ReadonlyMap<
  string,
  Pick<GazetteerSourceEntry, 'id' | 'kind' | 'leagues' | 'groupOf' | 'zh' | 'en'>
>;
type Words = { zh: string; en: string };
type Lang = keyof Words;

export interface ZoneCoverage {
  zoneId: string;
  /** tasks naming the zone, directly or through a group (zoneTasks `naming`) */
  naming: number;
  /** tasks naming only places within or partly within it (zoneTasks `within`; leagues only) */
  within: number;
  total: number;
}

/** Each zone's task counts, by zoneTasks. */
export function zoneCoverage(plan: Pick<PlanData, 'tasks'>, gazetteer: Gaz, zoneIds: readonly string[]) {
  return zoneIds.map((zoneId): ZoneCoverage => {
    const r = zoneTasks(plan, gazetteer, zoneId);
    return {
      zoneId,
      naming: r.naming.length,
      within: r.within.length,
      total: r.naming.length + r.within.length,
    };
  });
}

/** A class of counts, lo–hi inclusive (the lowest and highest count that falls in it). */
export interface CountClass {
  lo: number;
  hi: number;
}

/**
 * Classes for a set of counts: 0 on its own (no task); the positive counts one class per value when there are at
 * most `max` distinct values, else quantile classes (each class starts at the count found at i/max of the sorted
 * counts, so classes hold about as many zones each; equal counts stay in one class). Bounds are counts that occur.
 */
export function countClasses(counts: readonly number[], max = 5): CountClass[] {
  const out: CountClass[] = counts.includes(0) ? [{ lo: 0, hi: 0 }] : [];
  const pos = counts.filter((c) => c > 0).sort((a, b) => a - b);
  const distinct = [...new Set(pos)];
  let starts: number[];
  if (distinct.length <= max) starts = distinct;
  else {
    starts = [pos[0] as number];
    for (let i = 1; i < max; i++) {
      const v = pos[Math.floor((i * pos.length) / max)] as number;
      if (v > (starts[starts.length - 1] as number)) starts.push(v);
    }
  }
  starts.forEach((lo, i) => {
    const next = starts[i + 1] ?? Number.POSITIVE_INFINITY;
    const inClass = distinct.filter((v) => v >= lo && v < next);
    out.push({ lo, hi: inClass[inClass.length - 1] as number });
  });
  return out;
}

export const classOf = (classes: readonly CountClass[], n: number): number =>
  classes.findIndex((c) => n >= c.lo && n <= c.hi);

/** Light to dark (ColorBrewer YlOrBr), so the blue outline of a chosen task's zones stays visible on every class. */
export const COVERAGE_RAMP = ['#fee391', '#fec44f', '#fe9929', '#d95f0e', '#993404'] as const;
export const COVERAGE_NONE = '#d9d9d9';

/** The words the paint says; `{…}` are filled in. From the app's string catalogue. */
export interface CoverageWords {
  /** `{layer}`: the layer's name */
  title: Words;
  /** `{n}` */
  one: Words;
  /** `{lo}`, `{hi}` */
  range: Words;
  /** `{name}`, `{n}` */
  hover: Words;
  /** `{name}`, `{n}`, `{naming}`, `{within}`: a league, whose count has two parts */
  hoverLeague: Words;
  note: Words;
}

export interface CoveragePaint {
  key: string;
  title: Words;
  layerIds: string[];
  fills: Record<string, string>;
  legend: Array<{ colour: string; zh: string; en: string; count: number }>;
  hover: Record<string, Words>;
  note: Words;
}

/** Fills `{key}` placeholders; `{s}` is the English plural ending for `{n}`. */
const fill = (s: string, values: Record<string, string | number>) => {
  const all: Record<string, string | number> = { s: values.n === 1 ? '' : 's', ...values };
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in all ? String(all[k]) : m));
};

const both = (w: Words, values: (lang: Lang) => Record<string, string | number>): Words => ({
  zh: fill(w.zh, values('zh')),
  en: fill(w.en, values('en')),
});

/** The coverage paint of one layer's zones (`zoneIds`: the zones it draws, e.g. the 12 leagues). */
export function coveragePaint(
  plan: Pick<PlanData, 'tasks'>,
  gazetteer: Gaz,
  layer: { id: string; name: Words },
  zoneIds: readonly string[],
  words: CoverageWords,
): CoveragePaint {
  const rows = zoneCoverage(plan, gazetteer, zoneIds);
  const classes = countClasses(rows.map((r) => r.total));
  const positive = classes.filter((c) => c.lo > 0).length;
  const colourOf = (i: number) => {
    const c = classes[i] as CountClass;
    if (c.lo === 0) return COVERAGE_NONE;
    const j = i - (classes.length - positive);
    const at = positive === 1 ? 2 : Math.round((j * (COVERAGE_RAMP.length - 1)) / (positive - 1));
    return COVERAGE_RAMP[at] as string;
  };
  const fills: Record<string, string> = {};
  const hover: Record<string, Words> = {};
  const perClass = classes.map(() => 0);
  for (const r of rows) {
    const i = classOf(classes, r.total);
    perClass[i] = (perClass[i] ?? 0) + 1;
    fills[r.zoneId] = colourOf(i);
    const e = gazetteer.get(r.zoneId);
    hover[r.zoneId] = both(e?.kind === 'league' ? words.hoverLeague : words.hover, (lang) => ({
      name: e?.[lang] ?? r.zoneId,
      n: r.total,
      naming: r.naming,
      within: r.within,
    }));
  }
  return {
    key: `coverage:${layer.id}`,
    title: both(words.title, (lang) => ({ layer: layer.name[lang] })),
    layerIds: [layer.id],
    fills,
    legend: classes.map((c, i) => ({
      colour: colourOf(i),
      ...(c.lo === c.hi
        ? both(words.one, () => ({ n: c.lo }))
        : both(words.range, () => ({ lo: c.lo, hi: c.hi }))),
      count: perClass[i] ?? 0,
    })),
    hover,
    note: words.note,
  };
}
