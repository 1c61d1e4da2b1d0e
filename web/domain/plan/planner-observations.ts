/**
 * Observations the planner owns: a CSV or JSON file read on this computer, each row checked against the plan, the
 * good rows kept even when others fail, and merged with the app's default observations by one rule
 * (docs/plan-data.md, "The planner's observations"):
 *
 * 1. A planner row replaces every default row (published or sample) with the same key: indicator + zone + year
 *    (the indicator's whole scope written either way, empty or its one scope zone); for rows that are not the
 *    plan's own measure (relation partial / related / context) the key also holds relation, period and basis.
 * 2. Files are applied in the order they were imported: a later file's row replaces an earlier file's row with the
 *    same key; the earlier row stays stored and is back when the later file is removed.
 * 3. A default sample row (示例) stays only for an indicator and zone without a real row of the plan's own measure,
 *    published or the planner's (the rule of the defaults, default-observations.ts).
 */
import { csvText } from '../report/csv.ts';
import { checkObservation, isStatusRow } from './observation-check.ts';
import {
  type ImportNoteCode,
  issueWords,
  noteWords,
  type Params,
  type Words,
} from './observation-messages.ts';
import {
  OBSERVATION_COLUMNS,
  type ObservationIssue,
  type ObservationRowsResult,
  parseObservationRowsCsv,
  parseObservationRowsJson,
} from './observations.ts';
import type { ImportedFrom, Indicator, Observation } from './types.ts';

/** Larger files are refused before they are read. */
export const MAX_OBSERVATION_FILE_BYTES = 2 * 1024 * 1024;

/** One file the planner imported: what is stored on this computer. */
export interface PlannerImport {
  id: string;
  fileName: string;
  /** ISO 8601 */
  importedAt: string;
  rows: Observation[];
  /** Rows of the file that were refused. */
  refused: number;
}

/** A message about an import, in both languages; `line` names the row (CSV line, JSON item). */
export interface PlannerMessage {
  code: string;
  severity: 'error' | 'warning' | 'info';
  zh: string;
  en: string;
  line?: number;
}

type IndicatorInfo = Pick<Indicator, 'id' | 'zones' | 'name' | 'en' | 'unit'>;
type ZoneNames = ReadonlyMap<string, { zh: string; en: string }>;

export interface PlannerContext {
  indicators: readonly IndicatorInfo[];
  zones: ZoneNames;
  /** The app's default observations (published, then sample rows). */
  defaults: readonly Observation[];
  /** What the planner imported before, in import order. */
  imports: readonly PlannerImport[];
}

// ---- keys and the merge rule ----

const byId = (indicators: readonly IndicatorInfo[]) => new Map(indicators.map((i) => [i.id, i]));

/** The zone of a row as the rule compares it: '' for the indicator's whole scope. */
function zoneKey(o: Pick<Observation, 'zoneId'>, ind: Pick<Indicator, 'zones'> | undefined): string {
  const z = o.zoneId ?? '';
  return ind && ind.zones.length === 1 && z === ind.zones[0] ? '' : z;
}

/** indicator + zone: what a sample row is hidden by (rule 3). */
const pairKey = (o: Observation, ind: Pick<Indicator, 'zones'> | undefined) =>
  `${o.indicatorId}|${zoneKey(o, ind)}`;

/** The key of rules 1 and 2. */
export function observationKey(o: Observation, ind: Pick<Indicator, 'zones'> | undefined): string {
  const base = `${pairKey(o, ind)}|${o.year}`;
  return isStatusRow(o) ? base : `${base}|${o.relation}|${o.period ?? ''}|${o.basis ?? ''}`;
}

/** The planner's rows in effect: later files replace earlier files' rows with the same key (rule 2). */
export function effectivePlannerRows(
  imports: readonly PlannerImport[],
  indicators: readonly IndicatorInfo[],
): Observation[] {
  const ids = byId(indicators);
  const rows = new Map<string, Observation>();
  for (const imp of imports) {
    for (const o of imp.rows) {
      const k = observationKey(o, ids.get(o.indicatorId));
      rows.delete(k);
      rows.set(k, o);
    }
  }
  return [...rows.values()];
}

/** The defaults with the planner's rows (rules 1–3); the planner's rows come last. */
export function mergeObservations(
  defaults: readonly Observation[],
  imports: readonly PlannerImport[],
  indicators: readonly IndicatorInfo[],
): Observation[] {
  if (imports.length === 0) return [...defaults];
  const ids = byId(indicators);
  const planner = effectivePlannerRows(imports, indicators);
  const replaced = new Set(planner.map((o) => observationKey(o, ids.get(o.indicatorId))));
  const kept = defaults.filter((o) => !replaced.has(observationKey(o, ids.get(o.indicatorId))));
  const real = new Set(
    [...kept, ...planner]
      .filter((o) => !o.sample && isStatusRow(o))
      .map((o) => pairKey(o, ids.get(o.indicatorId))),
  );
  return [...kept.filter((o) => !o.sample || !real.has(pairKey(o, ids.get(o.indicatorId)))), ...planner];
}

// ---- reading a file ----

/** UTF-8 (BOM or not); a file that is not UTF-8 is read as GB18030, the encoding Excel saves Chinese CSV in. */
export function decodeObservationBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

const isJson = (fileName: string, text: string) => /\.json$/i.test(fileName) || /^[\s\uFEFF]*[[{]/.test(text);

function parseFile(fileName: string, text: string): ObservationRowsResult {
  if (!isJson(fileName, text)) return parseObservationRowsCsv(text);
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const issue: ObservationIssue = {
      line: 1,
      code: 'json-invalid',
      ...issueWords('json-invalid', { detail }),
    };
    return { rows: [], issues: [issue], total: 0 };
  }
  return parseObservationRowsJson(value);
}

/** Issues about the whole file, not one row. */
const FILE_LEVEL = new Set(['file-empty', 'json-invalid', 'json-not-array']);

/** 第 5 行：… / Line 5: … (JSON: 第 5 项 / Item 5). */
function at(line: number, json: boolean, w: Words): Words {
  return json
    ? { zh: `第 ${line} 项：${w.zh}`, en: `Item ${line}: ${w.en}` }
    : { zh: `第 ${line} 行：${w.zh}`, en: `Line ${line}: ${w.en}` };
}

/** A message about a whole file (too large, unreadable, not saved, read as GB18030). */
export const plannerNote = (
  code: ImportNoteCode,
  severity: PlannerMessage['severity'],
  p: Params,
): PlannerMessage => ({
  code,
  severity,
  ...noteWords(code, p),
});

const valueText = (o: Observation, unit: string) => `${o.value}${unit === '%' ? '%' : ` ${o.unit ?? unit}`}`;

/** What the rows of a new file do to the observations in effect: the notes beside the kept rows. */
function effects(
  kept: readonly { line: number; observation: Observation }[],
  ctx: PlannerContext,
  json: boolean,
): PlannerMessage[] {
  const ids = byId(ctx.indicators);
  const zoneName = (o: Observation, lang: 'zh' | 'en') => {
    const z = o.zoneId ?? '';
    const ind = ids.get(o.indicatorId);
    const scope = z || (ind && ind.zones.length === 1 ? ind.zones[0] : '');
    if (!scope) return lang === 'zh' ? '整个范围' : 'whole scope';
    return ctx.zones.get(scope)?.[lang] ?? scope;
  };
  const out: PlannerMessage[] = [];
  const earlier = effectivePlannerRows(ctx.imports, ctx.indicators);
  const fileOf = (o: Observation) => o.imported?.fileName ?? '';
  const before = mergeObservations(ctx.defaults, ctx.imports, ctx.indicators);
  const probe: PlannerImport = {
    id: '',
    fileName: '',
    importedAt: '',
    rows: kept.map((k) => k.observation),
    refused: 0,
  };
  const after = new Set(mergeObservations(ctx.defaults, [...ctx.imports, probe], ctx.indicators));
  const keys = new Set(kept.map((k) => observationKey(k.observation, ids.get(k.observation.indicatorId))));
  // hidden, not replaced: a replaced row has its own note
  const hiddenSamples = before.filter(
    (o) => o.sample && !o.imported && !after.has(o) && !keys.has(observationKey(o, ids.get(o.indicatorId))),
  );
  const told = new Set<string>();
  for (const { line, observation: o } of kept) {
    const ind = ids.get(o.indicatorId);
    if (!ind) continue;
    const k = observationKey(o, ind);
    const names = {
      indicatorZh: ind.name,
      indicatorEn: ind.en,
      zoneZh: zoneName(o, 'zh'),
      zoneEn: zoneName(o, 'en'),
    };
    for (const d of ctx.defaults.filter((x) => observationKey(x, ind) === k)) {
      const w = noteWords('replaces-default', {
        ...names,
        kindZh: d.sample ? '示例数据' : '已发布数据',
        kindEn: d.sample ? 'sample value' : 'published figure',
        year: d.year,
        old: valueText(d, ind.unit),
        source: d.source,
      });
      out.push({ code: 'replaces-default', severity: 'info', line, ...at(line, json, w) });
    }
    for (const p of earlier.filter((x) => observationKey(x, ind) === k)) {
      const w = noteWords('replaces-import', { file: fileOf(p) });
      out.push({ code: 'replaces-import', severity: 'info', line, ...at(line, json, w) });
    }
    const pair = pairKey(o, ind);
    if (!told.has(pair) && hiddenSamples.some((s) => pairKey(s, ids.get(s.indicatorId)) === pair)) {
      told.add(pair);
      const w = noteWords('hides-sample', names);
      out.push({ code: 'hides-sample', severity: 'info', line, ...at(line, json, w) });
    }
  }
  return out;
}

export interface PlannerFileResult {
  /** null when no row could be kept (nothing changes). */
  imported: PlannerImport | null;
  messages: PlannerMessage[];
}

/**
 * Reads one file: every row checked (parse, plan fit, repeats within the file), the good rows kept with their
 * origin. Messages: a summary first, then each row's problems and notes by line.
 */
export function readPlannerFile(
  file: { id: string; fileName: string; text: string; importedAt: string },
  ctx: PlannerContext,
): PlannerFileResult {
  const json = isJson(file.fileName, file.text);
  const parsed = parseFile(file.fileName, file.text);
  const checkCtx = { indicators: byId(ctx.indicators), zones: ctx.zones };
  const problems: ObservationIssue[] = [...parsed.issues];
  const firstLine = new Map<string, number>();
  const kept: { line: number; observation: Observation }[] = [];
  const imported: ImportedFrom = { fileName: file.fileName, importedAt: file.importedAt };
  for (const row of parsed.rows) {
    const issues = checkObservation(row.observation, checkCtx).map((x) => ({ ...x, line: row.line }));
    if (issues.length > 0) {
      problems.push(...issues);
      continue;
    }
    const k = observationKey(row.observation, checkCtx.indicators.get(row.observation.indicatorId));
    const first = firstLine.get(k);
    if (first !== undefined) {
      problems.push({ line: row.line, code: 'duplicate', ...issueWords('duplicate', { first }) });
      continue;
    }
    firstLine.set(k, row.line);
    kept.push({ line: row.line, observation: { ...row.observation, imported } });
  }
  const refusedLines = new Set(problems.filter((p) => p.code !== 'column-unknown').map((p) => p.line));
  const refused = Math.max(parsed.total - kept.length, 0);
  const rowMessages: PlannerMessage[] = problems.map((p) => ({
    code: p.code,
    severity: p.code === 'column-unknown' ? 'warning' : 'error',
    line: p.line,
    ...(FILE_LEVEL.has(p.code) ? { zh: p.zh, en: p.en } : at(p.line, json, p)),
  }));
  const notes = kept.length > 0 ? effects(kept, ctx, json) : [];
  const summary =
    kept.length > 0
      ? plannerNote('file-kept', refusedLines.size > 0 || refused > 0 ? 'warning' : 'info', {
          file: file.fileName,
          kept: kept.length,
          refused,
        })
      : plannerNote('file-none-kept', 'error', { file: file.fileName, refused });
  const messages = [summary, ...[...rowMessages, ...notes].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))];
  return {
    imported:
      kept.length > 0
        ? {
            id: file.id,
            fileName: file.fileName,
            importedAt: file.importedAt,
            rows: kept.map((k) => k.observation),
            refused,
          }
        : null,
    messages,
  };
}

// ---- writing ----

const cells = (o: Observation, unit: string) => [
  o.indicatorId,
  o.zoneId ?? '',
  o.year,
  o.value,
  o.unit ?? unit,
  o.source,
  o.note ?? '',
  o.sample ? 'true' : 'false',
  o.relation ?? 'same',
  o.period ?? '',
  o.basis ?? '',
];

/** The planner's rows as a CSV in the import format (UTF-8 BOM, CRLF), read back by the import as they are. */
export function observationsCsv(rows: readonly Observation[], indicators: readonly IndicatorInfo[]): string {
  const ids = byId(indicators);
  return csvText([
    OBSERVATION_COLUMNS.map((c) => c.field),
    ...rows.map((o) => cells(o, ids.get(o.indicatorId)?.unit ?? '')),
  ]);
}

/**
 * A template to fill in: comment lines (# …, skipped on import) naming each column and every indicator with its
 * unit and scope, the header (Chinese or English names, both are read) and one commented example row.
 */
export function observationsTemplate(
  indicators: readonly IndicatorInfo[],
  zones: ZoneNames,
  lang: 'zh' | 'en',
): string {
  const zh = lang === 'zh';
  const scope = (ids: readonly string[]) =>
    ids.map((id) => zones.get(id)?.[lang] ?? id).join(zh ? '、' : ' / ');
  const lines = zh
    ? [
        '# 北疆生态屏障一张图：指标观测值导入模板（UTF-8）。以 # 开头的行是说明，导入时跳过。',
        '# 指标编号：必填，见下表；区域编号：可空（= 指标的整个范围），或范围内的区域编号，如 league-baotou。',
        '# 年份：必填，2000–2035；数值：必填，按指标单位（% 写 45.6，不写 0.456）；单位：可空，填写则须与指标单位一致。',
        '# 来源：必填（公报、年鉴、部门）；备注：可空；示例：虚构数值填“是”，真实数据填“否”或空。',
        '# 关系：可空（= same，同口径，参与状态判断）；partial 部分时段或单个盟市、related 相关指标、context 背景数据，只作参考。',
        '# 时段：不是全年时写明（如 2025-01..06）；口径：统计口径等说明。同一指标、区域、年份的本机数据替换已发布或示例数据。',
        '# 指标编号 | 名称 | 单位 | 范围：',
      ]
    : [
        '# Eco Barrier Map: indicator observations template (UTF-8). Lines starting with # are notes, skipped on import.',
        '# indicatorId: required, see the list below; zoneId: empty (= the whole scope) or a zone in the scope, e.g. league-baotou.',
        '# year: required, 2000–2035; value: required, in the indicator unit (% as 45.6, not 0.456); unit: optional, must equal the indicator unit.',
        '# source: required (bulletin, yearbook, department); note: optional; sample: true for made-up values, else false or empty.',
        '# relation: empty (= same, the plan measure, counts for the status); partial (part of a year or one league), related, context: shown as context only.',
        '# period: when not a full year (e.g. 2025-01..06); basis: statistical basis. A row of yours replaces the published or sample row for the same indicator, zone and year.',
        '# indicatorId | name | unit | scope:',
      ];
  for (const i of indicators) {
    lines.push(`# ${i.id} | ${zh ? i.name : i.en} | ${i.unit} | ${scope(i.zones)}`);
  }
  const example = indicators.find((i) => i.id === 'forest-cover') ?? indicators[0];
  const header = OBSERVATION_COLUMNS.map((c) => (zh ? c.zh : c.field)).join(',');
  const row = example
    ? `# ${example.id},,2025,22.0,${example.unit},${zh ? '填写来源' : 'the source'},${zh ? '示例行：删去行首的“# ”并填入真实数值' : 'example: remove the leading “# ” and fill in a real value'},${zh ? '否' : 'false'},,,`
    : '';
  return `\uFEFF${[...lines, header, row].filter(Boolean).join('\r\n')}\r\n`;
}

/** 2026-05-02 10:31 in the runtime's time zone. */
export function localStamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * Where a planner row comes from, wherever its source is shown: 本机导入：buses.csv，2026-05-02 10:31, or for a row of
 * the shared workspace 共享工作区：<account> 录入，<time>.
 */
export function importedWords(imported: ImportedFrom): Words {
  const when = localStamp(imported.importedAt);
  if (imported.sharedBy !== undefined) {
    return {
      zh: `共享工作区：${imported.sharedBy} 录入，${when}`,
      en: `shared workspace: entered by ${imported.sharedBy}, ${when}`,
    };
  }
  return {
    zh: `本机导入：${imported.fileName}，${when}`,
    en: `imported on this computer: ${imported.fileName}, ${when}`,
  };
}
