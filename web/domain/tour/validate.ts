/**
 * Reading a tour (the built-in one or a user's file): the schema (schema.ts), then what a schema cannot state —
 * ids that exist, chapter ids used once, highlighted zones on a shown layer, a camera over the region. A tour with
 * any problem is refused as a whole (a presentation must not silently skip a chapter), and every problem is listed
 * with its place in the file, e.g. `chapters[3].layers[1]`, up to MAX_TOUR_ISSUES.
 */
import type { TSchema } from '@sinclair/typebox';
import { type ValueError, ValueErrorType } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';

import {
  NOT_BLANK_PATTERN,
  REF_PATTERN,
  SLUG_PATTERN,
  TaskRef,
  TOUR_FORMAT_VERSION,
  Tour,
  type Tour as TourType,
  ZoneRef,
} from './schema.ts';

export const MAX_TOUR_ISSUES = 200;
/** A tour file larger than this is not parsed (the format's limits allow about 1.3 million characters). */
export const MAX_TOUR_FILE_CHARS = 4_000_000;

/** The region's box (data/zone-index.json, region-inner-mongolia), west, south, east, north. */
export const REGION_BBOX = [97.17, 37.4, 126.07, 53.34] as const;
/** A chapter's camera looks at the region: its centre within the region's box widened by 5°, zoom 3–12. */
export const TOUR_CAMERA_BOUNDS = {
  center: [REGION_BBOX[0] - 5, REGION_BBOX[1] - 5, REGION_BBOX[2] + 5, REGION_BBOX[3] + 5],
  zoom: [3, 12],
} as const;

export interface TourIssue {
  /** Where in the file: `chapters[3].layers[1]`; '' for the file as a whole. */
  path: string;
  zh: string;
  en: string;
}

export interface TourContext {
  layerIds: Iterable<string>;
  /** Zones a tour may highlight: those drawn on the map (data/zone-index.json). */
  zoneIds: Iterable<string>;
  taskIds: Iterable<string>;
  indicatorIds: Iterable<string>;
  /** The layer that draws a zone (zone index `layerId`); when given, a highlighted zone's layer must be shown. */
  zoneLayer?: (zoneId: string) => string | undefined;
}

export interface TourResult {
  tour: TourType | null;
  issues: TourIssue[];
  /** More problems were found than MAX_TOUR_ISSUES; the first are listed. */
  truncated: boolean;
}

type Words = { zh: string; en: string };

/** A value from the file, quoted and cut short for a message (messages are rendered as text, never HTML). */
function quote(v: unknown): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return `“${s.length > 60 ? `${s.slice(0, 60)}…` : s}”`;
}

/** `/chapters/3/layers/1` (JSON Pointer, as TypeBox reports) → `chapters[3].layers[1]`. */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^(0|[1-9]\d*)$/.test(key)) out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

const PATTERN_WORDS: Record<string, Words> = {
  [SLUG_PATTERN]: {
    zh: '只能用小写字母、数字和连字符，并以字母开头（如 three-north）',
    en: 'use lower-case letters, digits and hyphens, starting with a letter (e.g. three-north)',
  },
  [REF_PATTERN]: {
    zh: '编号只能用小写字母、数字和连字符',
    en: 'an id uses lower-case letters, digits and hyphens only',
  },
  [ZoneRef.pattern as string]: {
    zh: '区域编号格式不对（如 league-baotou）',
    en: 'not a zone id (e.g. league-baotou)',
  },
  [TaskRef.pattern as string]: {
    zh: '任务编号应为“章.节.段”（如 2.3.1）',
    en: 'a task id is chapter.section.paragraph (e.g. 2.3.1)',
  },
  [NOT_BLANK_PATTERN]: { zh: '不能为空白', en: 'must not be blank' },
};

const KIND_WORDS: Partial<Record<ValueErrorType, Words>> = {
  [ValueErrorType.Object]: { zh: '应为对象 {…}', en: 'should be an object {…}' },
  [ValueErrorType.Array]: { zh: '应为列表 […]', en: 'should be a list […]' },
  [ValueErrorType.String]: { zh: '应为文字', en: 'should be text' },
  [ValueErrorType.Number]: { zh: '应为数字', en: 'should be a number' },
  [ValueErrorType.Integer]: { zh: '应为整数', en: 'should be a whole number' },
  [ValueErrorType.Tuple]: {
    zh: '应为 [经度, 纬度] 两个数字',
    en: 'should be two numbers [longitude, latitude]',
  },
  [ValueErrorType.TupleLength]: {
    zh: '应为 [经度, 纬度] 两个数字',
    en: 'should be two numbers [longitude, latitude]',
  },
  [ValueErrorType.ArrayUniqueItems]: { zh: '列表中有重复项', en: 'the list repeats an item' },
};

function lastKey(pointer: string): string {
  const i = pointer.lastIndexOf('/');
  return pointer
    .slice(i + 1)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
}

/** One TypeBox error in words. */
function schemaWords(e: ValueError): Words {
  const s = e.schema as Record<string, unknown>;
  const v = e.value;
  switch (e.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return {
        zh: `缺少字段 ${quote(lastKey(e.path))}`,
        en: `the field ${quote(lastKey(e.path))} is missing`,
      };
    case ValueErrorType.ObjectAdditionalProperties:
      return {
        zh: `格式第 ${TOUR_FORMAT_VERSION} 版没有字段 ${quote(lastKey(e.path))}`,
        en: `format version ${TOUR_FORMAT_VERSION} has no field ${quote(lastKey(e.path))}`,
      };
    case ValueErrorType.StringMaxLength:
      return {
        zh: `文字过长：最多 ${s.maxLength} 个字符，现有 ${(v as string).length} 个`,
        en: `too long: at most ${s.maxLength} characters, this has ${(v as string).length}`,
      };
    case ValueErrorType.StringMinLength:
      return { zh: '不能为空', en: 'must not be empty' };
    case ValueErrorType.StringPattern:
      return (
        PATTERN_WORDS[s.pattern as string] ?? { zh: `格式不符：${quote(v)}`, en: `malformed: ${quote(v)}` }
      );
    case ValueErrorType.ArrayMaxItems:
      return tooMany((v as unknown[]).length, s.maxItems as number);
    case ValueErrorType.ArrayMinItems:
      return { zh: `至少需要 ${s.minItems} 项`, en: `needs at least ${s.minItems} item(s)` };
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.NumberMaximum:
      return {
        zh: `应在 ${s.minimum} 到 ${s.maximum} 之间，现为 ${v}`,
        en: `should be between ${s.minimum} and ${s.maximum}, is ${v}`,
      };
    case ValueErrorType.Literal:
      return typeof v === 'number' && lastKey(e.path) === 'version'
        ? {
            zh: `这是格式第 ${v} 版的文件，本程序读取第 ${TOUR_FORMAT_VERSION} 版`,
            en: `this file is format version ${v}; this app reads version ${TOUR_FORMAT_VERSION}`,
          }
        : { zh: `应为 ${quote(s.const)}`, en: `should be ${quote(s.const)}` };
    case ValueErrorType.Union: {
      const options = ((s.anyOf as { const?: unknown }[] | undefined) ?? []).map((o) => quote(o.const));
      return { zh: `应为 ${options.join('、')} 之一`, en: `should be one of ${options.join(', ')}` };
    }
    default:
      return KIND_WORDS[e.type] ?? { zh: `格式不符（${e.message}）`, en: e.message };
  }
}

class IssueList {
  readonly issues: TourIssue[] = [];
  truncated = false;
  private readonly seen = new Set<string>();
  /** paths already reported, so a malformed id is not also called unknown */
  readonly paths = new Set<string>();

  /** false once the list is full */
  add(path: string, words: Words): boolean {
    const key = `${path}\n${words.en}`;
    if (this.seen.has(key)) return true;
    if (this.issues.length >= MAX_TOUR_ISSUES) {
      this.truncated = true;
      return false;
    }
    this.seen.add(key);
    this.paths.add(path);
    this.issues.push({ path, ...words });
    return true;
  }
}

function tooMany(length: number, max: number): Words {
  return { zh: `最多 ${max} 项，现有 ${length} 项`, en: `at most ${max} items, this has ${length}` };
}

/**
 * The value with every list cut to its schema's maxItems (lists that are too long are reported here), so a file
 * with 10 000 chapters or a million layer ids costs no more to check than one at the limits.
 */
function bounded(schema: TSchema, value: unknown, pointer: string, list: IssueList): unknown {
  const s = schema as { type?: string; items?: TSchema | TSchema[]; maxItems?: number; properties?: object };
  if (s.type === 'array' && Array.isArray(value) && s.items && !Array.isArray(s.items)) {
    const items = s.items;
    let kept = value;
    if (s.maxItems !== undefined && value.length > s.maxItems) {
      list.add(pointerToPath(pointer), tooMany(value.length, s.maxItems));
      kept = value.slice(0, s.maxItems);
    }
    return kept.map((v, i) => bounded(items, v, `${pointer}/${i}`, list));
  }
  if (s.type === 'object' && s.properties && isRecord(value)) {
    const out: Record<string, unknown> = { ...value };
    for (const [key, sub] of Object.entries(s.properties as Record<string, TSchema>)) {
      if (Object.hasOwn(value, key)) out[key] = bounded(sub, value[key], `${pointer}/${key}`, list);
    }
    return out;
  }
  return value;
}

function schemaIssues(value: unknown, list: IssueList): void {
  // one issue per place: a missing field is also "not text", an empty one also "blank"; the first says it
  const said = new Set<string>();
  for (const e of Value.Errors(Tour, value)) {
    if (said.has(e.path)) continue;
    said.add(e.path);
    if (!list.add(pointerToPath(e.path), schemaWords(e))) return;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): [number, string][] =>
  Array.isArray(v) ? v.flatMap((x, i): [number, string][] => (typeof x === 'string' ? [[i, x]] : [])) : [];

function checkIds(
  list: IssueList,
  base: string,
  items: unknown,
  known: ReadonlySet<string>,
  what: Words,
): boolean {
  for (const [j, id] of strings(items)) {
    const path = `${base}[${j}]`;
    if (known.has(id) || list.paths.has(path)) continue;
    if (!list.add(path, { zh: `未知${what.zh} ${quote(id)}`, en: `unknown ${what.en} ${quote(id)}` }))
      return false;
  }
  return true;
}

function checkCamera(list: IssueList, base: string, camera: unknown): boolean {
  if (!isRecord(camera)) return true;
  const { center, zoom } = camera;
  const [west, south, east, north] = TOUR_CAMERA_BOUNDS.center;
  if (Array.isArray(center) && typeof center[0] === 'number' && typeof center[1] === 'number') {
    const [lng, lat] = center as [number, number];
    const path = `${base}.center`;
    if (!list.paths.has(path) && (lng < west || lng > east || lat < south || lat > north)) {
      const ok = list.add(path, {
        zh: `镜头中心 (${lng}, ${lat}) 不在本区域附近（经度 ${west}–${east}，纬度 ${south}–${north}）`,
        en: `the camera centre (${lng}, ${lat}) is not near the region (longitude ${west} to ${east}, latitude ${south} to ${north})`,
      });
      if (!ok) return false;
    }
  }
  const [minZoom, maxZoom] = TOUR_CAMERA_BOUNDS.zoom;
  const path = `${base}.zoom`;
  if (typeof zoom === 'number' && !list.paths.has(path) && (zoom < minZoom || zoom > maxZoom)) {
    return list.add(path, {
      zh: `缩放级别 ${zoom} 不适合本区域（应在 ${minZoom} 到 ${maxZoom} 之间）`,
      en: `zoom ${zoom} does not suit the region (should be ${minZoom} to ${maxZoom})`,
    });
  }
  return true;
}

function meaningIssues(value: unknown, ctx: TourContext, list: IssueList): void {
  if (!isRecord(value) || !Array.isArray(value.chapters)) return;
  const layers = new Set(ctx.layerIds);
  const zones = new Set(ctx.zoneIds);
  const tasks = new Set(ctx.taskIds);
  const indicators = new Set(ctx.indicatorIds);
  const firstById = new Map<string, number>();
  for (const [i, chapter] of value.chapters.entries()) {
    if (!isRecord(chapter)) continue;
    const base = `chapters[${i}]`;
    const { id } = chapter;
    if (typeof id === 'string') {
      const first = firstById.get(id);
      if (first === undefined) firstById.set(id, i);
      else if (
        !list.add(`${base}.id`, {
          zh: `章节编号 ${quote(id)} 与第 ${first + 1} 章重复`,
          en: `chapter id ${quote(id)} is already used by chapter ${first + 1}`,
        })
      )
        return;
    }
    const ok =
      checkIds(list, `${base}.layers`, chapter.layers, layers, { zh: '图层', en: 'layer' }) &&
      checkIds(list, `${base}.zones`, chapter.zones, zones, { zh: '区域', en: 'zone' }) &&
      (!isRecord(chapter.cites) ||
        (checkIds(list, `${base}.cites.tasks`, chapter.cites.tasks, tasks, { zh: '任务', en: 'task' }) &&
          checkIds(list, `${base}.cites.indicators`, chapter.cites.indicators, indicators, {
            zh: '指标',
            en: 'indicator',
          }))) &&
      checkCamera(list, `${base}.camera`, chapter.camera) &&
      checkZoneLayers(list, base, chapter, zones, ctx.zoneLayer);
    if (!ok) return;
  }
}

function checkZoneLayers(
  list: IssueList,
  base: string,
  chapter: Record<string, unknown>,
  zones: ReadonlySet<string>,
  zoneLayer: TourContext['zoneLayer'],
): boolean {
  if (!zoneLayer || !Array.isArray(chapter.layers)) return true;
  const shown = new Set(strings(chapter.layers).map(([, id]) => id));
  for (const [j, zone] of strings(chapter.zones)) {
    const layer = zones.has(zone) ? zoneLayer(zone) : undefined;
    if (layer === undefined || shown.has(layer)) continue;
    const ok = list.add(`${base}.zones[${j}]`, {
      zh: `区域 ${quote(zone)} 画在图层 ${quote(layer)} 上，但本章没有打开该图层`,
      en: `zone ${quote(zone)} is drawn by layer ${quote(layer)}, which this chapter does not show`,
    });
    if (!ok) return false;
  }
  return true;
}

/** The ids a tour may use, from the layer registry, the zone index (data/zone-index.json) and the plan. */
export function tourContext(
  layers: readonly { id: string }[],
  zoneIndex: Readonly<Record<string, { layerId: string }>>,
  plan: { tasks: readonly { id: string }[]; indicators: readonly { id: string }[] },
): TourContext {
  return {
    layerIds: layers.map((l) => l.id),
    zoneIds: Object.keys(zoneIndex),
    taskIds: plan.tasks.map((t) => t.id),
    indicatorIds: plan.indicators.map((i) => i.id),
    zoneLayer: (zoneId) => (Object.hasOwn(zoneIndex, zoneId) ? zoneIndex[zoneId]?.layerId : undefined),
  };
}

/** Checks a parsed tour file; the tour is returned (a copy) only when there is no issue at all. */
export function parseTour(value: unknown, ctx: TourContext): TourResult {
  const list = new IssueList();
  const checked = bounded(Tour, value, '', list);
  schemaIssues(checked, list);
  if (!list.truncated) meaningIssues(checked, ctx, list);
  const tour = list.issues.length === 0 ? (structuredClone(value) as TourType) : null;
  return { tour, issues: list.issues, truncated: list.truncated };
}

/** Reads a tour file's text (UTF-8 JSON, a BOM is ignored) and checks it. */
export function parseTourText(text: string, ctx: TourContext): TourResult {
  if (text.length > MAX_TOUR_FILE_CHARS) {
    const mb = (n: number) => (n / 1_000_000).toFixed(1);
    return {
      tour: null,
      truncated: false,
      issues: [
        {
          path: '',
          zh: `文件过大（${mb(text.length)} 百万字符），导览文件最多 ${mb(MAX_TOUR_FILE_CHARS)} 百万字符`,
          en: `the file is too large (${mb(text.length)} million characters); a tour file has at most ${mb(MAX_TOUR_FILE_CHARS)} million`,
        },
      ],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      tour: null,
      truncated: false,
      issues: [{ path: '', zh: `不是有效的 JSON 文件（${why}）`, en: `not a valid JSON file (${why})` }],
    };
  }
  return parseTour(value, ctx);
}
