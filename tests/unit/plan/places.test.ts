import { describe, expect, it } from 'vitest';
import { createMatcher, GazetteerError, type Mention } from '../../../web/domain/plan/index.ts';
import { LEAGUES } from '../../../web/domain/zones/leagues.ts';
import { GAZETTEER, GAZETTEER_SEED, PLAN, task } from './helpers.ts';

const matcher = createMatcher(GAZETTEER_SEED);
const pairs = (ms: readonly Mention[]) => ms.map((m) => [m.text, m.zoneId]);

describe('gazetteer', () => {
  const ids = GAZETTEER.entries.map((e) => e.id);

  it('has unique ids of the form <kind>-<slug> and the 12 league ids of leagues.ts', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of GAZETTEER.entries) expect(e.id.startsWith(`${e.kind}-`), e.id).toBe(true);
    expect(GAZETTEER.entries.filter((e) => e.kind === 'league').map((e) => e.id)).toEqual(
      LEAGUES.map((l) => l.id).sort(),
    );
    expect(ids).toContain('region-inner-mongolia');
  });

  it('groups list existing members and leagues are real league ids', () => {
    const leagueIds = new Set(LEAGUES.map((l) => l.id));
    for (const e of GAZETTEER.entries) {
      for (const m of e.groupOf ?? []) expect(ids, `${e.id} → ${m}`).toContain(m);
      for (const l of e.leagues) expect(leagueIds.has(l), `${e.id} in ${l}`).toBe(true);
      // Everything drawn inside the region lies in at least one league (张承坝上 is in Hebei).
      if (e.hasLocation && e.id !== 'treatment-area-zhangcheng-bashang') {
        expect(e.leagues.length, e.id).toBeGreaterThan(0);
      }
      expect(e.locationHint.length, e.id).toBeGreaterThan(10);
    }
    expect(GAZETTEER.entries.find((e) => e.id === 'group-one-lake-two-seas')?.groupOf).toEqual([
      'lake-hulun',
      'lake-ulansuhai',
      'lake-daihai',
    ]);
    expect(GAZETTEER.entries.find((e) => e.id === 'group-hohhot-baotou-ordos-ulanqab')?.groupOf).toEqual([
      'league-hohhot',
      'league-baotou',
      'league-ordos',
      'league-ulanqab',
    ]);
    expect(GAZETTEER.entries.find((e) => e.id === 'group-yellow-river-bend')?.groupOf).toEqual([
      'eco-area-yellow-river-bend',
      'desert-kubuqi',
      'sandland-mu-us',
      'desert-ulan-buh',
    ]);
  });

  it('every matchable entry is named somewhere in the outline (no dead entries)', () => {
    // Groups the text only names inside longer names still count through those.
    const unused = GAZETTEER.entries
      .filter((e) => e.match !== false && e.taskIds.length === 0)
      .map((e) => e.id);
    expect(unused).toEqual([]);
  });

  it('refuses an alias given to two entries', () => {
    const a = GAZETTEER_SEED.entries[0];
    if (!a) throw new Error('empty');
    const entries = [...GAZETTEER_SEED.entries, { ...a, id: 'lake-other', aliases: [a.aliases[0] ?? 'x'] }];
    expect(() => createMatcher({ ...GAZETTEER_SEED, entries })).toThrow(GazetteerError);
  });
});

describe('linking tasks to places: hand-checked sample', () => {
  // Each expectation written from reading the paragraph: every place it names, in order, and nothing else.
  it('2.1.2 city clusters, border ports, farming areas, belts and ranges', () => {
    expect(pairs(task('2.1.2').mentions)).toEqual([
      ['呼包鄂榆城市群', 'group-hohhot-baotou-ordos-yulin'],
      ['呼包鄂乌', 'group-hohhot-baotou-ordos-ulanqab'],
      ['通辽市', 'league-tongliao'],
      ['赤峰市', 'league-chifeng'],
      ['自治区东部地区', 'group-eastern-region'],
      ['满洲里市', 'county-manzhouli'],
      ['二连浩特市', 'county-erenhot'],
      ['大兴安岭沿麓', 'plain-greater-khingan-foothills'],
      ['西辽河流域', 'river-west-liao'],
      ['阴山沿麓', 'plain-yinshan-foothills'],
      ['沿黄干流平原', 'plain-yellow-river-mainstream'],
      ['黄河重点生态区', 'eco-area-yellow-river-key'],
      ['北方防沙带', 'eco-area-northern-sand-belt'],
      ['东北森林带', 'eco-area-northeast-forest-belt'],
      ['大兴安岭', 'mountain-greater-khingan'],
      ['阴山山脉', 'mountain-yinshan'],
      ['贺兰山山脉', 'mountain-helan'],
    ]);
    // 呼包鄂乌 counts for its four cities.
    expect(task('2.1.2').zones).toEqual(expect.arrayContaining(['league-hohhot', 'league-ulanqab']));
  });

  it('2.3.1 the bend battle: quoted name, three deserts, two treatment areas', () => {
    expect(pairs(task('2.3.1').mentions)).toEqual([
      ['黄河“几字弯”', 'group-yellow-river-bend'],
      ['黄河“几字弯”攻坚战', 'battle-yellow-river-bend'],
      ['毛乌素沙地', 'sandland-mu-us'],
      ['库布其沙漠', 'desert-kubuqi'],
      ['乌兰布和沙漠', 'desert-ulan-buh'],
      ['库布其沙漠—毛乌素沙地', 'treatment-area-kubuqi-mu-us'],
      ['阴山中西段沙化土地', 'treatment-area-yinshan-central-west'],
    ]);
  });

  it('2.3.3 list with a shared head (巴丹吉林、腾格里沙漠), banners without their league, their wind gaps', () => {
    expect(pairs(task('2.3.3').mentions)).toEqual([
      ['河西走廊—塔克拉玛干沙漠边缘阻击战', 'battle-hexi-taklamakan'],
      ['巴丹吉林', 'desert-badain-jaran'],
      ['腾格里沙漠', 'desert-tengger'],
      ['阿拉善右旗', 'county-alxa-right-banner'],
      ['阿拉善右旗', 'treatment-area-alxa-right-wind-gap'],
      ['额济纳旗', 'county-ejina-banner'],
      ['额济纳旗', 'treatment-area-ejina-wind-gap'],
    ]);
    expect(task('2.3.3').zones).not.toContain('league-alxa');
  });

  it('2.4.1 大青山、贺兰山等国家公园 are the parks, not the mountains', () => {
    const zones = task('2.4.1').zones;
    expect(zones.slice(0, 3)).toEqual(['park-daqingshan', 'park-helanshan', 'redline-ecological-protection']);
    // then the red line's drawn parts, through the red line
    expect(zones.slice(3).every((z) => z.startsWith('redline-illustrative-'))).toBe(true);
    expect(zones).not.toContain('mountain-helan');
  });

  it('3.2.2 wind bases listed by city also count for the cities', () => {
    const z = task('3.2.2').zones;
    for (const s of ['baotou', 'tongliao', 'xilingol', 'ulanqab', 'ordos', 'bayannur', 'alxa']) {
      expect(z).toContain(`wind-base-${s}`);
    }
    expect(z.filter((id) => id.startsWith('league-'))).toEqual([
      'league-baotou',
      'league-tongliao',
      'league-xilingol',
      'league-ulanqab',
      'league-ordos',
      'league-bayannur',
      'league-alxa',
    ]);
    expect(z).toHaveLength(14);
  });

  it('4.2.1 rivers, diversion works and reservoirs given by short names', () => {
    expect(pairs(task('4.2.1').mentions)).toEqual([
      ['黄河', 'river-yellow'],
      ['西辽河', 'river-west-liao'],
      ['嫩江', 'river-nen'],
      ['额尔古纳河', 'river-argun'],
      ['黑河', 'river-hei'],
      ['引绰济辽', 'water-works-chaoer-to-xiliao'],
      ['内蒙古支线', 'water-works-inner-mongolia-branch'],
      ['海勃湾', 'reservoir-haibowan'],
      ['尼尔基', 'reservoir-nierji'],
      ['红山', 'reservoir-hongshan'],
      ['东台子', 'reservoir-dongtaizi'],
      ['文得根', 'reservoir-wendegen'],
      ['河套', 'irrigation-hetao'],
    ]);
  });

  it('4.2.4 一湖两海 and 察汗淖尔 with the lakes and rivers of their basins', () => {
    const t = task('4.2.4');
    expect(pairs(t.mentions).slice(0, 2)).toEqual([
      ['一湖两海', 'group-one-lake-two-seas'],
      ['察汗淖尔', 'lake-chagan-nur'],
    ]);
    expect(t.zones).toEqual([
      'group-one-lake-two-seas',
      'lake-hulun',
      'lake-ulansuhai',
      'lake-daihai',
      'lake-chagan-nur',
      'river-orshun',
      'lake-buir',
      'river-yellow',
      'river-gongba',
      'river-muhua',
      'river-tiancheng',
    ]);
  });

  it('5.1.2 brands name no place: 天赋河套, 赤峰小米, 科尔沁牛, 兴安大米 link nothing', () => {
    expect(task('5.1.2').text).toContain('赤峰小米');
    expect(pairs(task('5.1.2').mentions)).toEqual([]);
  });

  it('5.3.2 a league named inside a pilot zone counts for the league', () => {
    expect(pairs(task('5.3.2').mentions)).toEqual([
      ['呼和浩特市', 'league-hohhot'],
      ['包头市', 'league-baotou'],
      ['呼伦贝尔市', 'league-hulunbuir'],
      ['兴安盟', 'league-hinggan'],
      ['林草碳汇(包头)试验区', 'pilot-baotou-forest-carbon-sink'],
      ['包头', 'league-baotou'],
    ]);
  });

  it('6.1.1 names all twelve leagues; 大兴安岭 and 兴安岭 never count as 兴安盟', () => {
    const leagues = task('6.1.1').zones.filter((z) => z.startsWith('league-'));
    expect([...leagues].sort()).toEqual(LEAGUES.map((l) => l.id).sort());
    const hinggan = task('6.1.1')
      .mentions.filter((m) => m.zoneId === 'league-hinggan')
      .map((m) => m.text);
    // the second 兴安盟 is inside the slogan “兴安岭上兴安盟”, which names no place (nor 兴安岭)
    expect(hinggan).toEqual(['兴安盟']);
    expect(task('6.1.1').text).toContain('兴安岭上兴安盟');
    expect(task('6.1.1').zones).not.toContain('mountain-greater-khingan');
    for (const id of ['2.2.3', '2.2.1', '4.3.2']) expect(task(id).zones, id).not.toContain('league-hinggan');
  });

  it('paragraphs that name no place link to none (generic words are not places)', () => {
    for (const id of ['1.1.1', '2.1.3', '3.3.1', '4.1.3', '4.3.7', '8.1.1', '9.1.1']) {
      expect(task(id).zones, id).toEqual([]);
    }
  });
});

describe('matcher on the text forms', () => {
  it('lists with 、 and 等 and a head noun', () => {
    expect(pairs(matcher.match('加快以大青山、贺兰山等国家公园为主体'))).toEqual([
      ['大青山', 'park-daqingshan'],
      ['贺兰山', 'park-helanshan'],
    ]);
    expect(pairs(matcher.match('贺兰山山脉生态廊道'))).toEqual([['贺兰山山脉', 'mountain-helan']]);
  });

  it('quoted names', () => {
    expect(pairs(matcher.match('在“一湖两海”周边'))).toEqual([['一湖两海', 'group-one-lake-two-seas']]);
    expect(matcher.zonesOf(matcher.match('“几字弯”'))).toEqual([
      'group-yellow-river-bend',
      'eco-area-yellow-river-bend',
      'desert-kubuqi',
      'sandland-mu-us',
      'desert-ulan-buh',
    ]);
  });

  it('longest name wins and positions point into the original text', () => {
    const text = '推进“科尔沁沙地”和西辽河平原治理';
    const ms = matcher.match(text);
    expect(pairs(ms)).toEqual([
      ['科尔沁沙地', 'sandland-horqin'],
      ['西辽河平原', 'plain-west-liao'],
    ]);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('does not find places in generic words', () => {
    for (const s of [
      '城市黑臭水体',
      '海绵城市建设',
      '国家公园',
      '东部地区',
      '沙漠戈壁',
      '大湖泊',
      '内蒙古样板',
    ]) {
      expect(matcher.match(s), s).toEqual([]);
    }
  });
});

describe('counts', () => {
  it('links every task to its zones and lists the tasks per zone', () => {
    const links = PLAN.tasks.reduce((n, t) => n + t.zones.length, 0);
    expect(PLAN.counts.taskZoneLinks).toBe(links);
    const fromGazetteer = GAZETTEER.entries.reduce((n, e) => n + e.taskIds.length, 0);
    expect(fromGazetteer).toBe(links);
  });
});
