import { readdirSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  type GazetteerEntry,
  groupBySection,
  type LinkKind,
  linkSpans,
  notNamed,
  REGION_ID,
  zoneTasks,
} from '../../../web/domain/plan/index.ts';
import { LEAGUES } from '../../../web/domain/zones/leagues.ts';
import { GAZETTEER, GAZETTEER_SEED, PLAN, readJson, task } from './helpers.ts';

const gaz = new Map<string, GazetteerEntry>(GAZETTEER.entries.map((e) => [e.id, e]));
const entry = (id: string) => {
  const e = gaz.get(id);
  if (!e) throw new Error(`no gazetteer entry ${id}`);
  return e;
};

/** Every zone on the map: feature zoneIds of every layer file, with the taskIds the features list, and the index. */
const mapZones = new Map<string, Set<string> | null>();
for (const file of readdirSync(new URL('../../../data/layers', import.meta.url)).filter((f) =>
  f.endsWith('.geojson'),
)) {
  for (const f of readJson<FeatureCollection>(`data/layers/${file}`).features) {
    const id = f.properties?.zoneId;
    if (typeof id !== 'string') continue;
    const listed = f.properties?.taskIds as string[] | undefined;
    const prev = mapZones.get(id) ?? null;
    mapZones.set(id, listed ? new Set([...(prev ?? []), ...listed]) : prev);
  }
}
for (const id of Object.keys(readJson<Record<string, unknown>>('data/zone-index.json')))
  if (!mapZones.has(id)) mapZones.set(id, null);

const ids = (list: readonly { task: { id: string } }[]) => list.map((x) => x.task.id);
const of = (zoneId: string) => zoneTasks(PLAN, gaz, zoneId);
const linkOf = (zoneId: string, taskId: string) =>
  of(zoneId)
    .naming.concat(of(zoneId).within)
    .find((x) => x.task.id === taskId);

/** Independent of zone-tasks.ts: does any task text name the zone itself or a group holding it? */
const namedSomewhere = (zoneId: string) =>
  PLAN.tasks.some((t) =>
    t.mentions.some((m) => m.zoneId === zoneId || gaz.get(m.zoneId)?.groupOf?.includes(zoneId)),
  );

describe('the region lists every task (fault 1)', () => {
  const r = of(REGION_ID);
  it('every task of the plan, in document order, grouped by chapter › section', () => {
    expect(ids(r.naming)).toEqual(PLAN.tasks.map((t) => t.id));
    expect(r.within).toEqual([]);
    expect(notNamed(r)).toBe(false);
    const groups = groupBySection(r.naming);
    expect(groups.map((g) => g.sectionId)).toEqual(PLAN.chapters.flatMap((c) => c.sections.map((s) => s.id)));
    for (const g of groups)
      for (const zt of g.tasks) expect(`${zt.task.chapterNo}.${zt.task.sectionNo}`).toBe(g.sectionId);
  });
});

describe('every zone on the map goes through the gazetteer (fault 2)', () => {
  it('the map has zones, and each one is a gazetteer entry', () => {
    expect(mapZones.size).toBeGreaterThan(100);
    const missing = [...mapZones.keys()].filter((id) => !gaz.has(id));
    expect(missing).toEqual([]);
  });

  it('for every map zone, the panel lists exactly the tasks its features list and the gazetteer links', () => {
    for (const [id, listed] of mapZones) {
      if (id === REGION_ID) continue;
      const naming = ids(of(id).naming);
      expect(naming, id).toEqual(entry(id).taskIds);
      if (listed)
        expect(naming, id).toEqual(
          [...listed].sort(
            (a, b) => PLAN.tasks.findIndex((t) => t.id === a) - PLAN.tasks.findIndex((t) => t.id === b),
          ),
        );
      if (listed && listed.size > 0) expect(naming.length, id).toBeGreaterThan(0);
    }
  });

  it('says 规划纲要未直接点名此区域 exactly when no task names the zone or a group holding it', () => {
    let said = 0;
    for (const id of mapZones.keys()) {
      const claim = notNamed(of(id));
      expect(claim, id).toBe(id !== REGION_ID && !namedSomewhere(id));
      if (claim) said += 1;
    }
    // the three base-layer waters the outline never names (达里诺尔, 海拉尔河, 西拉木伦河) and the 95 of the 103
    // counties it never names (it names 阿拉善右旗, 额济纳旗, 扎赉特旗, 阿尔山市, 临河区, 满洲里市, 二连浩特市, 磴口)
    expect(said).toBe(3 + 95);
  });

  it('the zones that showed no tasks before: pilots, rare-earth base, wind gaps, layout zones, red-line parts', () => {
    expect(ids(of('pilot-carbon-peak-baotou').naming)).toEqual(['3.1.1']);
    expect(ids(of('pilot-low-carbon-wuhai').naming)).toEqual(['6.1.2']);
    expect(ids(of('pilot-climate-adaptive-hohhot').naming)).toEqual(['6.1.2']);
    expect(ids(of('industry-baotou-rare-earth').naming)).toEqual(['3.2.3', '3.3.2']);
    expect(ids(of('treatment-area-alxa-right-wind-gap').naming)).toEqual(['2.3.3']);
    expect(ids(of('treatment-area-ejina-wind-gap').naming)).toEqual(['2.3.3']);
    expect(ids(of('layout-three-mountains-one-bend').naming)).toEqual(['2.1.1']);
    expect(ids(of('layout-star-tongliao').naming)).toEqual(['2.1.1']);
    const parts = [...mapZones.keys()].filter((z) => z.startsWith('redline-illustrative-'));
    expect(parts.length).toBe(22);
    for (const p of parts) expect(ids(of(p).naming), p).toEqual(['2.1.1', '2.4.1', '5.3.3', '6.2.1']);
  });
});

describe('a league shows the tasks naming places within it (fault 7)', () => {
  it('阿拉善盟: 2.3.3 names its deserts, banners and wind gaps, each a place within it', () => {
    const alxa = of('league-alxa');
    expect(ids(alxa.naming)).toEqual(entry('league-alxa').taskIds);
    const t233 = alxa.within.find((x) => x.task.id === '2.3.3');
    expect(t233?.kind).toBe('inside');
    expect(t233?.links.map((l) => l.through)).toEqual(
      expect.arrayContaining([
        'desert-badain-jaran',
        'desert-tengger',
        'county-alxa-right-banner',
        'treatment-area-ejina-wind-gap',
      ]),
    );
    expect(alxa.within.length).toBeGreaterThan(alxa.naming.length);
    const places = alxa.places.filter((p) => p.where === 'inside').map((p) => p.zoneId);
    expect(places).toEqual(
      expect.arrayContaining(['desert-tengger', 'county-ejina-banner', 'treatment-area-alxa-right-wind-gap']),
    );
  });

  it('for every league and task: inside/crosses follow the gazetteer leagues rule, and no such task is missed', () => {
    for (const league of LEAGUES) {
      const r = of(league.id);
      const naming = new Set(ids(r.naming));
      for (const zt of r.within) {
        expect(naming.has(zt.task.id)).toBe(false);
        for (const l of zt.links) {
          const place = entry(l.place ?? l.through);
          if (l.kind === 'inside') expect(place.leagues).toEqual([league.id]);
          if (l.kind === 'crosses') {
            expect(place.leagues).toContain(league.id);
            expect(place.leagues.length).toBeGreaterThan(1);
          }
        }
      }
      // completeness, computed from task.zones (mentions and their group members)
      const expected = PLAN.tasks
        .filter((t) => !naming.has(t.id))
        .filter((t) =>
          t.zones.some((z) => {
            const e = entry(z);
            return z !== league.id && e.kind !== 'group' && !e.groupOf && e.leagues.includes(league.id);
          }),
        )
        .map((t) => t.id);
      expect(ids(r.within), league.id).toEqual(expected);
    }
  });

  it('places within are only for leagues: a desert has none', () => {
    expect(of('desert-kubuqi').within).toEqual([]);
  });
});

describe('each link says how it was made and marks its words (fault 8)', () => {
  const kinds = (zoneId: string, taskId: string) =>
    linkOf(zoneId, taskId)?.links.map((l) => [l.kind, l.through, l.mentions.map((m) => m.text)]);

  it('named, through a group, inside', () => {
    expect(kinds('desert-kubuqi', '2.2.1')).toEqual([['group', 'group-yellow-river-bend', ['黄河“几字弯”']]]);
    expect(kinds('desert-kubuqi', '2.3.1')?.[0]?.[0]).toBe('named');
    // through 自治区东部地区, and also naming places in it (满洲里市 within, 大兴安岭 partly)
    expect(kinds('league-hulunbuir', '2.1.2')?.slice(0, 2)).toEqual([
      ['group', 'group-eastern-region', ['自治区东部地区']],
      ['inside', 'county-manzhouli', ['满洲里市']],
    ]);
    expect(kinds('lake-hulun', '4.2.4')?.map((k) => k[0])).toContain('group');
    expect(kinds('league-alxa', '2.3.3')?.every((k) => k[0] === 'inside')).toBe(true);
    // a list member is marked with its list head: 阿拉善右旗 … 重点风沙口和沙尘路径区
    const gap = linkOf('treatment-area-alxa-right-wind-gap', '2.3.3');
    const marked = gap ? linkSpans(gap).map((s) => gap.task.text.slice(s.start, s.end)) : [];
    expect(marked).toEqual(['阿拉善右旗', '重点风沙口和沙尘路径区']);
    expect(linkOf('league-chifeng', '3.1.1')?.kind).toBe('named');
  });

  it('brands and slogans link nothing: 赤峰小米 is not 赤峰, 兴安岭上兴安盟 is not 大兴安岭', () => {
    expect(task('5.1.2').text).toContain('赤峰小米');
    expect(linkOf('league-chifeng', '5.1.2')).toBeUndefined();
    expect(task('6.1.1').text).toContain('兴安岭上兴安盟');
    expect(linkOf('mountain-greater-khingan', '6.1.1')).toBeUndefined();
    expect(linkOf('league-hinggan', '6.1.1')?.links[0]?.mentions.map((m) => m.text)).toEqual(['兴安盟']);
  });

  it('for every zone and task: each link is one of the kinds, its marked words are the text and name what it goes through', () => {
    const notPlaces = (GAZETTEER_SEED.notPlaces ?? []).map((n) => n.text);
    const counts: Record<LinkKind, number> = { region: 0, named: 0, group: 0, inside: 0, crosses: 0 };
    for (const e of GAZETTEER.entries) {
      const r = of(e.id);
      for (const zt of [...r.naming, ...r.within]) {
        expect(zt.links.length).toBeGreaterThan(0);
        expect(zt.kind).toBe(zt.links[0]?.kind);
        for (const l of zt.links) {
          counts[l.kind] += 1;
          if (l.kind === 'region') continue;
          expect(l.mentions.length).toBeGreaterThan(0);
          for (const m of l.mentions) {
            expect(zt.task.text.slice(m.start, m.end)).toBe(m.text);
            expect(m.zoneId).toBe(l.through);
            if (m.head) expect(zt.task.text.slice(m.head.start, m.head.end)).toBe(m.head.text);
            const blocked = notPlaces.some((n) => {
              const at = zt.task.text.indexOf(n);
              return at >= 0 && at < m.end && m.start < at + n.length;
            });
            expect(blocked, `${zt.task.id} ${m.text}`).toBe(false);
          }
          if (l.kind === 'named') expect(l.through).toBe(e.id);
          if (l.kind === 'group') expect(entry(l.through).groupOf).toContain(e.id);
        }
        const spans = linkSpans(zt);
        for (let i = 1; i < spans.length; i++)
          expect(spans[i]?.start).toBeGreaterThanOrEqual(spans[i - 1]?.end ?? 0);
      }
    }
    expect(counts.named).toBeGreaterThan(0);
    expect(counts.group).toBeGreaterThan(0);
    expect(counts.inside).toBeGreaterThan(0);
    expect(counts.crosses).toBeGreaterThan(0);
  });

  it('every brand or slogan listed occurs in the outline (no dead entries)', () => {
    for (const n of GAZETTEER_SEED.notPlaces ?? [])
      expect(
        PLAN.tasks.some((t) => t.text.includes(n.text)),
        n.text,
      ).toBe(true);
  });
});
