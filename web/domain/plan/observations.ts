/**
 * Indicator observations: the statistics an office drops in. Format described in docs/plan-data.md.
 *
 * CSV, UTF-8 (a BOM is ignored), comma separated, RFC 4180 quoting, first row a header:
 *   indicatorId,zoneId,year,value,unit,source,note,sample,relation,period,basis
 * `indicatorId`, `year`, `value` and `source` are required; the Chinese headers 指标编号, 区域编号, 年份, 数值, 单位,
 * 来源, 备注, 示例, 关系, 时段, 口径 work too. `sample` is true for made-up values (true/1/yes/是/示例/sample); they
 * must be shown as 示例. `relation` (same / partial / related / context; empty = same) says whether a row may drive
 * a status (only same). A row whose first cell starts with # is a comment. A text cell that starts with ' and then
 * = + - @ (how the app's exports keep spreadsheets from reading a formula) is read without the '.
 */
import { issueWords, type ObservationIssueCode, type Params } from './observation-messages.ts';
import { RELATIONS } from './schema.ts';
import type { Observation, Relation } from './types.ts';

export type { Observation };

export interface ObservationIssue {
  /** 1-based line (CSV) or item index + 1 (JSON). */
  line: number;
  code: ObservationIssueCode;
  zh: string;
  en: string;
}

export interface ObservationsResult {
  observations: Observation[];
  issues: ObservationIssue[];
}

/** An observation with the line (CSV) or item number (JSON) it was read from. */
export interface ObservationRow {
  line: number;
  observation: Observation;
}

export interface ObservationRowsResult {
  rows: ObservationRow[];
  issues: ObservationIssue[];
  /** Data rows (CSV, comments and header left out) or items (JSON) in the file. */
  total: number;
}

type Field = Exclude<keyof Observation, 'imported'>;

/** The columns in the order the app writes them, with their Chinese headers. */
export const OBSERVATION_COLUMNS: readonly { field: Field; zh: string; required: boolean }[] = [
  { field: 'indicatorId', zh: '指标编号', required: true },
  { field: 'zoneId', zh: '区域编号', required: false },
  { field: 'year', zh: '年份', required: true },
  { field: 'value', zh: '数值', required: true },
  { field: 'unit', zh: '单位', required: false },
  { field: 'source', zh: '来源', required: true },
  { field: 'note', zh: '备注', required: false },
  { field: 'sample', zh: '示例', required: false },
  { field: 'relation', zh: '关系', required: false },
  { field: 'period', zh: '时段', required: false },
  { field: 'basis', zh: '口径', required: false },
];

const HEADERS: Record<string, Field> = {
  indicator: 'indicatorId',
  指标: 'indicatorId',
  zone: 'zoneId',
  区域: 'zoneId',
  ...Object.fromEntries(
    OBSERVATION_COLUMNS.flatMap((c) => [
      [c.field.toLowerCase(), c.field],
      [c.zh, c.field],
    ]),
  ),
};

const TRUE = new Set(['true', '1', 'yes', 'y', '是', '示例', 'sample']);
const FALSE = new Set(['', 'false', '0', 'no', 'n', '否']);
const RELATION_WORDS: Record<string, Relation> = {
  ...Object.fromEntries(RELATIONS.map((r) => [r, r])),
  同口径: 'same',
  部分: 'partial',
  相关: 'related',
  背景: 'context',
};

const issue = (line: number, code: ObservationIssueCode, p?: Params): ObservationIssue => ({
  line,
  code,
  ...issueWords(code, p),
});

/** RFC 4180 rows with the 1-based line each starts on. Quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsvRows(text: string): Array<{ line: number; cells: string[] }> {
  const src = text.replace(/^\uFEFF/, '');
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || (cells[0] ?? '').trim() !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src.charAt(i);
    if (quoted) {
      if (c === '"') {
        if (src.charAt(i + 1) === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (c === '\n') line += 1;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src.charAt(i + 1) === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else {
      cell += c;
    }
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

function parseNumber(raw: string): number | null {
  const s = raw.trim().replace(/[,,\s]/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  return Number(s);
}

/** A cell as text: trimmed, without the ' an export puts before a leading = + - @. */
function cellText(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v).trim();
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s;
}

function toObservation(
  get: (f: Field) => unknown,
  line: number,
  issues: ObservationIssue[],
): Observation | null {
  const text = (f: Field) => cellText(get(f));
  const before = issues.length;
  const indicatorId = text('indicatorId');
  if (!indicatorId) issues.push(issue(line, 'indicator-empty'));
  const yearRaw = get('year');
  const year = typeof yearRaw === 'number' ? yearRaw : parseNumber(text('year'));
  if (year === null || !Number.isInteger(year) || year < 1900 || year > 2100) {
    issues.push(issue(line, 'year-invalid', { value: text('year') }));
  }
  const valueRaw = get('value');
  const value = typeof valueRaw === 'number' ? valueRaw : parseNumber(text('value'));
  if (value === null || !Number.isFinite(value))
    issues.push(issue(line, 'value-invalid', { value: text('value') }));
  const source = text('source');
  if (!source) issues.push(issue(line, 'source-empty'));
  const sampleRaw = get('sample');
  let sample = false;
  if (typeof sampleRaw === 'boolean') sample = sampleRaw;
  else {
    const s = text('sample').toLowerCase();
    if (TRUE.has(s)) sample = true;
    else if (!FALSE.has(s)) issues.push(issue(line, 'sample-invalid', { value: text('sample') }));
  }
  const relationText = text('relation');
  const relation = relationText ? RELATION_WORDS[relationText.toLowerCase()] : 'same';
  if (!relation) issues.push(issue(line, 'relation-invalid', { value: relationText }));
  if (issues.length > before || year === null || value === null || !relation) return null;
  const optional = (f: 'zoneId' | 'unit' | 'note' | 'period' | 'basis') => {
    const v = text(f);
    return v ? { [f]: v } : {};
  };
  return {
    indicatorId,
    ...optional('zoneId'),
    year,
    value,
    ...optional('unit'),
    source,
    ...optional('note'),
    sample,
    ...(relation !== 'same' ? { relation } : {}),
    ...optional('period'),
    ...optional('basis'),
  };
}

const isComment = (cells: readonly string[]) => (cells[0] ?? '').trimStart().startsWith('#');

/** CSV rows with their line numbers; comment lines (# …) are skipped. */
export function parseObservationRowsCsv(text: string): ObservationRowsResult {
  const issues: ObservationIssue[] = [];
  const rows: ObservationRow[] = [];
  const [header, ...body] = parseCsvRows(text).filter((r) => !isComment(r.cells));
  if (!header) return { rows, issues: [issue(1, 'file-empty')], total: 0 };
  const total = body.length;
  const columns = header.cells.map((h) => HEADERS[h.trim().replace(/\s+/g, '').toLowerCase()]);
  header.cells.forEach((h, i) => {
    const f = columns[i];
    if (!f) issues.push(issue(header.line, 'column-unknown', { column: h.trim() }));
    else if (columns.indexOf(f) !== i) {
      issues.push(issue(header.line, 'column-twice', { column: h.trim() }));
    }
  });
  for (const c of OBSERVATION_COLUMNS.filter((x) => x.required)) {
    if (!columns.includes(c.field)) {
      issues.push(issue(header.line, 'column-missing', { column: c.field, columnZh: c.zh }));
    }
  }
  if (issues.some((i) => i.code === 'column-missing' || i.code === 'column-twice')) {
    return { rows, issues, total };
  }
  for (const row of body) {
    if (row.cells.length !== header.cells.length) {
      issues.push(issue(row.line, 'cell-count', { n: row.cells.length, header: header.cells.length }));
      continue;
    }
    const get = (f: Field) => {
      const i = columns.indexOf(f);
      return i < 0 ? undefined : row.cells[i];
    };
    const o = toObservation(get, row.line, issues);
    if (o) rows.push({ line: row.line, observation: o });
  }
  return { rows, issues, total };
}

/** The JSON form, an array of objects with the same fields (#/definitions/observations); item n is "line" n. */
export function parseObservationRowsJson(value: unknown): ObservationRowsResult {
  const issues: ObservationIssue[] = [];
  const rows: ObservationRow[] = [];
  if (!Array.isArray(value)) return { rows, issues: [issue(1, 'json-not-array')], total: 0 };
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      issues.push(issue(i + 1, 'not-object'));
      return;
    }
    const rec = item as Record<string, unknown>;
    const o = toObservation((f) => rec[f], i + 1, issues);
    if (o) rows.push({ line: i + 1, observation: o });
  });
  return { rows, issues, total: value.length };
}

const plain = ({ rows, issues }: ObservationRowsResult): ObservationsResult => ({
  observations: rows.map((r) => r.observation),
  issues,
});

export const parseObservationsCsv = (text: string): ObservationsResult =>
  plain(parseObservationRowsCsv(text));
export const parseObservationsJson = (value: unknown): ObservationsResult =>
  plain(parseObservationRowsJson(value));

export {
  type CheckContext,
  checkObservation,
  checkObservations,
  OBSERVATION_YEARS,
} from './observation-check.ts';
