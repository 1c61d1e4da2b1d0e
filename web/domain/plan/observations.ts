/**
 * Indicator observations: the statistics an office drops in. Format described in docs/plan-data.md.
 *
 * CSV, UTF-8 (a BOM is ignored), comma separated, RFC 4180 quoting, first row a header:
 *   indicatorId,zoneId,year,value,source,note,sample
 * `indicatorId`, `year`, `value` and `source` are required; the Chinese headers 指标编号, 区域编号, 年份, 数值, 来源,
 * 备注, 示例 work too. `sample` is true for made-up values (true/1/yes/是/示例/sample); they must be shown as 示例.
 */
import type { Indicator, Observation } from './types.ts';

export type { Observation };

export interface ObservationIssue {
  /** 1-based line (CSV) or item index + 1 (JSON). */
  line: number;
  message: string;
}

export interface ObservationsResult {
  observations: Observation[];
  issues: ObservationIssue[];
}

type Field = keyof Observation;

const HEADERS: Record<string, Field> = {
  indicatorid: 'indicatorId',
  indicator: 'indicatorId',
  指标编号: 'indicatorId',
  指标: 'indicatorId',
  zoneid: 'zoneId',
  zone: 'zoneId',
  区域编号: 'zoneId',
  区域: 'zoneId',
  year: 'year',
  年份: 'year',
  value: 'value',
  数值: 'value',
  source: 'source',
  来源: 'source',
  note: 'note',
  备注: 'note',
  sample: 'sample',
  示例: 'sample',
};

const TRUE = new Set(['true', '1', 'yes', 'y', '是', '示例', 'sample']);
const FALSE = new Set(['', 'false', '0', 'no', 'n', '否']);

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

function toObservation(
  get: (f: Field) => unknown,
  line: number,
  issues: ObservationIssue[],
): Observation | null {
  const text = (f: Field) => {
    const v = get(f);
    return v === undefined || v === null ? '' : String(v).trim();
  };
  const problems: string[] = [];
  const indicatorId = text('indicatorId');
  if (!indicatorId) problems.push('indicatorId is empty');
  const yearRaw = get('year');
  const year = typeof yearRaw === 'number' ? yearRaw : parseNumber(text('year'));
  if (year === null || !Number.isInteger(year) || year < 1900 || year > 2100) {
    problems.push(`year "${text('year')}" is not a year`);
  }
  const valueRaw = get('value');
  const value = typeof valueRaw === 'number' ? valueRaw : parseNumber(text('value'));
  if (value === null || !Number.isFinite(value)) problems.push(`value "${text('value')}" is not a number`);
  const source = text('source');
  if (!source) problems.push('source is empty: say where the figure comes from');
  const sampleRaw = get('sample');
  let sample = false;
  if (typeof sampleRaw === 'boolean') sample = sampleRaw;
  else {
    const s = text('sample').toLowerCase();
    if (TRUE.has(s)) sample = true;
    else if (!FALSE.has(s)) problems.push(`sample "${text('sample')}" is not true/false (or 示例)`);
  }
  if (problems.length > 0 || year === null || value === null) {
    for (const message of problems) issues.push({ line, message });
    return null;
  }
  const zoneId = text('zoneId');
  const note = text('note');
  return {
    indicatorId,
    ...(zoneId ? { zoneId } : {}),
    year,
    value,
    source,
    ...(note ? { note } : {}),
    sample,
  };
}

export function parseObservationsCsv(text: string): ObservationsResult {
  const issues: ObservationIssue[] = [];
  const observations: Observation[] = [];
  const [header, ...rows] = parseCsvRows(text);
  if (!header) return { observations, issues: [{ line: 1, message: 'empty file: no header row' }] };
  const columns = header.cells.map((h) => HEADERS[h.trim().replace(/\s+/g, '').toLowerCase()]);
  header.cells.forEach((h, i) => {
    if (!columns[i]) issues.push({ line: header.line, message: `unknown column "${h.trim()}"` });
  });
  for (const required of ['indicatorId', 'year', 'value', 'source'] as const) {
    if (!columns.includes(required))
      issues.push({ line: header.line, message: `missing column ${required}` });
  }
  if (issues.some((i) => i.message.startsWith('missing'))) return { observations, issues };
  for (const row of rows) {
    if (row.cells.length !== header.cells.length) {
      issues.push({
        line: row.line,
        message: `${row.cells.length} cells, the header has ${header.cells.length}`,
      });
      continue;
    }
    const get = (f: Field) => {
      const i = columns.indexOf(f);
      return i < 0 ? undefined : row.cells[i];
    };
    const o = toObservation(get, row.line, issues);
    if (o) observations.push(o);
  }
  return { observations, issues };
}

/** The JSON form: an array of objects with the same fields (see the schema's #/definitions/observations). */
export function parseObservationsJson(value: unknown): ObservationsResult {
  const issues: ObservationIssue[] = [];
  const observations: Observation[] = [];
  if (!Array.isArray(value)) return { observations, issues: [{ line: 1, message: 'expected an array' }] };
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'object' || item === null) {
      issues.push({ line: i + 1, message: 'expected an object' });
      return;
    }
    const rec = item as Record<string, unknown>;
    const o = toObservation((f) => rec[f], i + 1, issues);
    if (o) observations.push(o);
  });
  return { observations, issues };
}

/** Issues of observations against the plan: unknown indicators, zones outside the indicator's scope. */
export function checkObservations(
  observations: readonly Observation[],
  indicators: readonly Pick<Indicator, 'id' | 'zones'>[],
): ObservationIssue[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const issues: ObservationIssue[] = [];
  observations.forEach((o, i) => {
    const ind = byId.get(o.indicatorId);
    if (!ind) issues.push({ line: i + 1, message: `unknown indicator ${o.indicatorId}` });
    else if (o.zoneId && !ind.zones.includes(o.zoneId)) {
      issues.push({ line: i + 1, message: `${o.zoneId} is outside the scope of ${o.indicatorId}` });
    }
  });
  return issues;
}
