/**
 * Writes data/observations.published.csv (the observation format of docs/plan-data.md) from the published figures
 * collected in ../shared/data/observations-published.csv. Every row of an indicator of the plan is kept with its
 * `relation`: `same` rows (the plan's own measure for a full year) drive a status; `partial`, `related` and
 * `context` rows are shown as context only (computeStatus ignores them). The source is the outlet as printed, the
 * note the address the text was read from; period, basis and unit are columns of their own. Rows for something that
 * is not an indicator of the plan are left out and listed. Every row written is checked against the plan and the
 * gazetteer; the script fails on a problem.
 *
 *   npx tsx scripts/plan/import-published.ts [path/to/observations-published.csv]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkObservations, parseCsvRows, parseObservationsCsv } from '../../web/domain/plan/observations.ts';
import type { GazetteerData, PlanData } from '../../web/domain/plan/types.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const input = process.argv[2] ?? join(ROOT, '..', 'shared', 'data', 'observations-published.csv');
const plan = JSON.parse(readFileSync(join(ROOT, 'data', 'plan.json'), 'utf8')) as PlanData;
const gazetteer = JSON.parse(readFileSync(join(ROOT, 'data', 'gazetteer.json'), 'utf8')) as GazetteerData;
const [header, ...rows] = parseCsvRows(readFileSync(input, 'utf8'));
if (!header) throw new Error(`${input}: empty`);
const col = (name: string) => {
  const i = header.cells.indexOf(name);
  if (i < 0) throw new Error(`${input}: no column ${name}`);
  return i;
};
const NAMES = [
  'indicatorId',
  'zoneId',
  'year',
  'period',
  'value',
  'unit',
  'relation',
  'basis',
  'source',
  'url',
] as const;
const c = Object.fromEntries(NAMES.map((n) => [n, col(n)]));
const indicators = new Set(plan.indicators.map((i) => i.id));
const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const out = ['indicatorId,zoneId,year,value,unit,source,note,sample,relation,period,basis'];
const left: string[] = [];
const counts: Record<string, number> = {};
for (const { cells, line } of rows) {
  const get = (n: (typeof NAMES)[number]) => (cells[c[n] ?? -1] ?? '').trim();
  if (!indicators.has(get('indicatorId'))) {
    left.push(`line ${line}: ${get('indicatorId')} (${get('relation')}) is not an indicator of the plan`);
    continue;
  }
  const relation = get('relation') || 'same';
  counts[relation] = (counts[relation] ?? 0) + 1;
  out.push(
    [
      get('indicatorId'),
      get('zoneId'),
      get('year'),
      get('value'),
      get('unit'),
      get('source'),
      get('url'),
      'false',
      relation,
      get('period'),
      get('basis'),
    ]
      .map(quote)
      .join(','),
  );
}
const text = `${out.join('\n')}\n`;
const parsed = parseObservationsCsv(text);
const zones = new Map(gazetteer.entries.map((e) => [e.id, e]));
const problems = [...parsed.issues, ...checkObservations(parsed.observations, plan.indicators, zones)];
if (problems.length > 0) {
  throw new Error(problems.map((p) => `row ${p.line}: ${p.en}`).join('\n'));
}
writeFileSync(join(ROOT, 'data', 'observations.published.csv'), text);
const by = Object.entries(counts)
  .map(([r, n]) => `${r} ${n}`)
  .join(', ');
console.log(`data/observations.published.csv: ${out.length - 1} rows of ${rows.length} (${by})`);
for (const l of left) console.log(`left out: ${l}`);
