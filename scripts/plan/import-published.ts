/**
 * Writes data/observations.published.csv (the observation format of docs/plan-data.md) from the published figures
 * collected in ../shared/data/observations-published.csv. Only rows whose `relation` is `same` (the plan's own
 * measure for a full year) are kept: `partial`, `related` and `context` rows must not drive a status. The source
 * is the outlet as printed; the note keeps the period, the basis and the address the text was read from.
 *
 *   npx tsx scripts/plan/import-published.ts [path/to/observations-published.csv]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvRows } from '../../web/domain/plan/observations.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const input = process.argv[2] ?? join(ROOT, '..', 'shared', 'data', 'observations-published.csv');
const [header, ...rows] = parseCsvRows(readFileSync(input, 'utf8'));
if (!header) throw new Error(`${input}: empty`);
const col = (name: string) => {
  const i = header.cells.indexOf(name);
  if (i < 0) throw new Error(`${input}: no column ${name}`);
  return i;
};
const c = Object.fromEntries(
  ['indicatorId', 'zoneId', 'year', 'period', 'value', 'relation', 'basis', 'source', 'url'].map((n) => [
    n,
    col(n),
  ]),
);
const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const out = ['indicatorId,zoneId,year,value,source,note,sample'];
for (const { cells } of rows) {
  const get = (n: string) => (cells[c[n] ?? -1] ?? '').trim();
  if (get('relation') !== 'same') continue;
  const note = [get('period'), get('basis'), get('url')].filter(Boolean).join('; ');
  out.push(
    [get('indicatorId'), get('zoneId'), get('year'), get('value'), get('source'), note, 'false']
      .map(quote)
      .join(','),
  );
}
writeFileSync(join(ROOT, 'data', 'observations.published.csv'), `${out.join('\n')}\n`);
console.log(`data/observations.published.csv: ${out.length - 1} rows (relation = same) of ${rows.length}`);
