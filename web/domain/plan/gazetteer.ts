/**
 * Checks on the gazetteer seed (seeds/gazetteer.json) that a JSON Schema cannot state: references between entries,
 * league names shared with zones/leagues.ts, and coordinates that make sense. The build refuses a seed with any.
 */
import { LEAGUES } from '../zones/leagues.ts';
import type { GazetteerSource, GazetteerSourceEntry } from './types.ts';

/** The region itself: scope of region-wide targets, never matched in the text. */
export const REGION_ID = 'region-inner-mongolia';

/** Problems of a schema-valid seed, each naming the entry; [] when it is fine. */
export function checkGazetteerSource(source: GazetteerSource): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const e of source.entries) {
    if (ids.has(e.id)) problems.push(`${e.id}: id used twice`);
    ids.add(e.id);
  }
  const leagues = new Map(LEAGUES.map((l) => [l.id, l]));
  for (const e of source.entries) {
    const at = `${e.id}:`;
    if (!e.id.startsWith(`${e.kind}-`)) problems.push(`${at} id does not start with its kind "${e.kind}-"`);
    for (const m of e.groupOf ?? [])
      if (!ids.has(m)) problems.push(`${at} group member ${m} is not an entry`);
    for (const l of e.leagues) if (!leagues.has(l)) problems.push(`${at} ${l} is not a league id`);
    if (e.kind === 'league') {
      const def = leagues.get(e.id);
      const want = def && { zh: def.zh, en: def.en, aliases: [def.zh, def.short] };
      if (!want) problems.push(`${at} not one of the leagues in web/domain/zones/leagues.ts`);
      else if (e.zh !== want.zh || e.en !== want.en || e.aliases.join('|') !== want.aliases.join('|'))
        problems.push(
          `${at} names differ from leagues.ts (zh ${want.zh}, en ${want.en}, aliases ${want.aliases})`,
        );
    }
    problems.push(...coordinateProblems(e).map((p) => `${at} ${p}`));
  }
  for (const l of LEAGUES) if (!ids.has(l.id)) problems.push(`${l.id}: league missing from the gazetteer`);
  if (!ids.has(REGION_ID)) problems.push(`${REGION_ID}: the region entry is missing`);
  return problems;
}

function coordinateProblems(e: GazetteerSourceEntry): string[] {
  const out: string[] = [];
  if (e.location && e.extent) out.push('give location or extent, not both');
  if (!e.hasLocation && (e.location || e.extent)) out.push('hasLocation is false but coordinates are given');
  const x = e.extent;
  if (x && x.west > x.east) out.push(`extent west ${x.west} is east of east ${x.east}`);
  if (x && x.south > x.north) out.push(`extent south ${x.south} is north of north ${x.north}`);
  return out;
}

/** The entries sorted by id, the order of data/gazetteer.json. */
export function entriesById(source: GazetteerSource): GazetteerSourceEntry[] {
  return [...source.entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
