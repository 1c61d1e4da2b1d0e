import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inOrder, matchZones, searchItem } from '../../../web/domain/ui/zone-search.ts';

interface Entry {
  id: string;
  zh: string;
  en: string;
  aliases: string[];
}
const ROOT = join(import.meta.dirname, '..', '..', '..');
const entries = (
  JSON.parse(readFileSync(join(ROOT, 'data', 'gazetteer.json'), 'utf8')) as { entries: Entry[] }
).entries;
const items = entries.map((e) => searchItem(e, e));
const ids = (q: string, limit?: number) => matchZones(items, q, limit).map((e) => e.id);
const names = (e: Entry) => [e.zh, e.en, ...e.aliases].map((n) => n.toLowerCase());

describe('finding a zone by name', () => {
  it('finds a zone by its Chinese name, its English name in any case, and an alias', () => {
    const ordos = entries.find((e) => e.id === 'league-ordos');
    expect(ordos).toBeDefined();
    expect(ids('鄂尔多斯市')).toContain('league-ordos');
    expect(ids(ordos?.en.toUpperCase() ?? '-')).toContain('league-ordos');
    const withAlias = entries.find((e) => e.aliases.some((a) => a !== e.zh && a !== e.en));
    const alias = withAlias?.aliases.find((a) => a !== withAlias.zh && a !== withAlias.en) ?? '';
    expect(alias).not.toBe('');
    expect(ids(alias, entries.length)).toContain(withAlias?.id);
  });

  it('puts names containing the query before names holding its characters in order', () => {
    // 鄂尔多斯风电 is not in any name as written, but its characters are, in order, in the wind base's name
    expect(ids('鄂尔多斯风电')[0]).toBe('wind-base-ordos');
    const q = '风电';
    const hits = matchZones(items, q, entries.length);
    const contains = hits.filter((e) => names(e).some((n) => n.includes(q)));
    expect(contains.length).toBeGreaterThan(0);
    expect(hits.slice(0, contains.length)).toEqual(contains);
    // every entry with 风电 in a name is found, and nothing else is in the contains group
    expect(contains.map((e) => e.id).sort()).toEqual(
      entries
        .filter((e) => names(e).some((n) => n.includes(q)))
        .map((e) => e.id)
        .sort(),
    );
  });

  it('finds only entries that hold the query, and at most the limit', () => {
    for (const q of ['旗', 'lake', '沙', 'a']) {
      const hits = matchZones(items, q, entries.length);
      for (const e of hits) expect(names(e).some((n) => inOrder(q.toLowerCase(), n))).toBe(true);
      expect(matchZones(items, q).length).toBeLessThanOrEqual(12);
    }
    expect(ids('   ')).toEqual([]);
    expect(ids('zzzzqqq')).toEqual([]);
  });

  it('skips spaces in the query and needs the characters in order', () => {
    expect(inOrder('鄂尔多斯 风电', '鄂尔多斯千万千瓦级风电基地')).toBe(true);
    expect(inOrder('风电鄂尔多斯', '鄂尔多斯千万千瓦级风电基地')).toBe(false);
    expect(inOrder('aa', 'a')).toBe(false);
  });
});
