import { describe, expect, it } from 'vitest';
import { extractTargets, type Indicator } from '../../../web/domain/plan/index.ts';
import { PLAN } from './helpers.ts';

const REGION = ['region-inner-mongolia'];

function ind(id: string): Indicator {
  const found = PLAN.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}
const brief = (i: Indicator) => ({
  name: i.name,
  unit: i.unit,
  zones: i.zones,
  taskId: i.taskId,
  targets: i.targets.map((t) => ({
    year: t.year,
    value: t.value,
    comparator: t.comparator,
    ...(t.max ? { max: t.max } : {}),
  })),
});

describe('quantitative targets of the outline', () => {
  // Every target read off the seed by hand: [id, name, unit, scope, task, [year, value, comparator]...]
  const expected: Array<[string, string, string, string[], string, Array<[number | null, number, string]>]> =
    [
      ['grassland-vegetation-cover', '草原综合植被盖度', '%', REGION, '1.2.2', [[2027, 45, 'stable>=']]],
      ['forest-cover', '森林覆盖率', '%', REGION, '1.2.2', [[2027, 21.98, '=']]],
      [
        'desertified-land-treatment-rate',
        '可治理沙化土地治理率',
        '%',
        REGION,
        '1.2.2',
        [[2027, 54.33, '>=']],
      ],
      [
        'pm25-concentration',
        '细颗粒物(PM2.5)平均浓度',
        '微克/立方米',
        REGION,
        '1.2.2',
        [[2027, 25, 'stable<=']],
      ],
      [
        'polluted-farmland-safe-use-rate',
        '受污染耕地安全利用率',
        '%',
        REGION,
        '1.2.2',
        [[2027, 98, 'stable>=']],
      ],
      ['beautiful-village-county-share', '美丽乡村整县建成比例', '%', REGION, '1.2.2', [[2027, 40, '=']]],
      ['farmland-red-line', '耕地保有量(耕地红线)', '亿亩', REGION, '2.1.1', [[null, 1.7, '>=']]],
      [
        'ten-kongdui-soil-conservation-rate',
        '十大孔兑水土保持率',
        '%',
        ['river-ten-kongdui'],
        '2.2.4',
        [
          [2030, 63, '>='],
          [2035, 64, '>='],
        ],
      ],
      [
        'germplasm-bank-shared-accessions',
        '自治区认定的种质资源库分发或交换的资源份数',
        '份',
        REGION,
        '2.4.3',
        [[null, 50, '>=']],
      ],
      ['new-energy-capacity', '新能源装机规模', '亿千瓦', REGION, '3.2.2', [[2030, 3, '>']]],
      ['renewable-power-consumption-share', '可再生电力消纳占比', '%', REGION, '3.2.2', [[2030, 40, '>=']]],
      ['rail-freight-share', '铁路货运周转量占货运总周转量比例', '%', REGION, '4.1.5', [[2035, 60, '>=']]],
      ['water-diversion-increase', '新增引调水量', '亿立方米', REGION, '4.2.1', [[2035, 30, '>=']]],
      ['farmland-quality-grade', '耕地质量等级', '等', REGION, '4.3.1', [[2035, 5.1, '<=']]],
      ['saline-farmland-improved', '改造提升盐碱耕地面积', '万亩', REGION, '4.3.3', [[2035, 2082, '>=']]],
      [
        'soil-supervised-units-rectification-rate',
        '土壤污染重点监管单位隐患排查整改合格率',
        '%',
        REGION,
        '4.3.6',
        [[2027, 90, '>=']],
      ],
      [
        'new-bus-new-energy-share',
        '新增或更新公交车辆中新能源汽车占比',
        '%',
        ['league-hohhot', 'league-baotou', 'league-ulanqab', 'league-ordos'],
        '7.2.2',
        [[null, 95, '>=']],
      ],
      [
        'new-car-new-energy-share',
        '新增汽车(不含货车)中新能源汽车占比',
        '%',
        REGION,
        '7.2.2',
        [[2027, 35, '=']],
      ],
    ];

  it.each(expected)('%s', (id, name, unit, zones, taskId, targets) => {
    expect(brief(ind(id))).toEqual({
      name,
      unit,
      zones,
      taskId,
      targets: targets.map(([year, value, comparator]) => ({ year, value, comparator })),
    });
  });

  it('reads the 3—5 key counties of 2027 as a range', () => {
    expect(brief(ind('beautiful-china-pioneer-counties'))).toEqual({
      name: '推荐纳入美丽中国先行区的重点旗县(市、区)数',
      unit: '个',
      zones: REGION,
      taskId: '6.2.3',
      targets: [{ year: 2027, value: 3, max: 5, comparator: 'between' }],
    });
  });

  it('finds all of them and nothing else', () => {
    expect(PLAN.indicators.map((i) => i.id).sort()).toEqual(
      [...expected.map((e) => e[0]), 'beautiful-china-pioneer-counties'].sort(),
    );
    expect(PLAN.counts).toMatchObject({ indicators: 19, targets: 20 });
  });

  it('keeps the phrase and its position for each target', () => {
    const k = ind('ten-kongdui-soil-conservation-rate');
    const text = PLAN.tasks.find((t) => t.id === '2.2.4')?.text ?? '';
    expect(k.targets.map((t) => text.slice(t.start, t.end))).toEqual(['达到63%及以上', '达到64%及以上']);
  });

  it('takes the direction from the comparator, and the grade scale where the wording misleads', () => {
    expect(ind('pm25-concentration').direction).toBe('decrease');
    expect(ind('farmland-quality-grade').direction).toBe('decrease');
    expect(ind('forest-cover').direction).toBe('increase');
  });

  it('does not take scope numbers for targets', () => {
    const sentences = [
      '有序完成钢铁、焦化、水泥等重点行业及65蒸吨/小时以上燃煤锅炉(含电力)超低排放改造。',
      '鼓励新增及更新的3吨以下叉车实现新能源化。',
      '积极推动纺织品(山羊绒产品)、电解铝2类产品碳足迹标识认证国家试点建设。',
      '在库布其沙漠—毛乌素沙地和阴山中西段沙化土地2个综合治理区,推动实施一批区域性系统治理项目。',
      '建立健全生态环境信访、12345热线投诉举报工作机制。',
    ];
    for (const s of sentences) expect(extractTargets(s), s).toEqual([]);
  });

  it('reads comparators from the wording', () => {
    const one = (s: string) => extractTargets(s).map((t) => [t.comparator, t.value, t.unit, t.year]);
    expect(one('到2030年,占比达到40%以上')).toEqual([['>=', 40, '%', 2030]]);
    expect(one('到2030年,占比达到40%')).toEqual([['=', 40, '%', 2030]]);
    expect(one('浓度稳定在25微克/立方米以下')).toEqual([['stable<=', 25, '微克/立方米', null]]);
    expect(one('规模超过3亿千瓦')).toEqual([['>', 3, '亿千瓦', null]]);
    expect(one('占比不低于95%')).toEqual([['>=', 95, '%', null]]);
    expect(extractTargets('占比达到35%', 2027)[0]?.year).toBe(2027);
  });
});
