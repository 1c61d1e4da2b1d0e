import { describe, expect, it } from 'vitest';

import { captionFacts, chineseNumeral, numbersEn, numbersZh } from '../../../web/domain/tour/facts.ts';
import { chapter, PLAN, seedTour } from './helpers.ts';

const values = (text: string) => numbersZh(text).map((n) => n.value);

describe('numbers in Chinese text', () => {
  it('reads Arabic numbers with decimals, ranges, magnitudes and full-width digits', () => {
    expect(values('可治理沙化土地治理率达到54.33%以上')).toEqual([54.33]);
    expect(values('分类选取3—5个重点旗县')).toEqual([3, 5]);
    expect(values('到２０３５年')).toEqual([2035]);
    const [saline] = numbersZh('改造提升盐碱耕地2082万亩');
    expect(saline).toMatchObject({ text: '2082万', value: 2082, scaled: 20_820_000 });
    expect(numbersZh('守住1.7亿亩耕地红线')[0]?.scaled).toBeCloseTo(170_000_000);
  });

  it('does not read names and slogans as numbers', () => {
    for (const name of [
      '“三北”工程',
      '“一湖两海”',
      '“三山一弯，两带十区，一核双星多点”',
      '“四水四定”',
      '“两区三带”',
      '“一企一策”',
      '推动实施一批区域性系统治理项目',
      '六五环境日',
    ]) {
      expect(values(name), name).toEqual([]);
    }
  });

  it('reads a Chinese numeral before a measure word or a magnitude', () => {
    expect(values('十大孔兑')).toEqual([10]);
    expect(values('三大标志性战役')).toEqual([3]);
    expect(values('十二个盟市')).toEqual([12]);
    expect(numbersZh('千万千瓦级风电基地').map((n) => n.scaled)).toEqual([10_000_000]);
    expect(chineseNumeral('两百零五')).toBe(205);
    expect(chineseNumeral('二三')).toBeNull();
  });
});

describe('numbers in English text', () => {
  it('reads digits with thousands separators and magnitude words; words for numbers are not read', () => {
    expect(numbersEn('20.82 million mu, 170 Million mu, 3 billion m³, 20,820,000 mu, three battles')).toEqual(
      [
        expect.objectContaining({ value: 20.82, scaled: 20_820_000 }),
        expect.objectContaining({ value: 170, scaled: 170_000_000 }),
        expect.objectContaining({ value: 3, scaled: 3_000_000_000 }),
        expect.objectContaining({ value: 20_820_000, scaled: 20_820_000 }),
      ],
    );
  });
});

describe('captionFacts', () => {
  const farmland = () => chapter(seedTour(), 'farmland');

  it('finds every number of a faithful caption in the cited text', () => {
    expect(captionFacts(farmland(), PLAN)).toEqual([]);
  });

  it('catches a made-up number in the Chinese caption', () => {
    const c = farmland();
    c.caption.zh = c.caption.zh.replace('2082万亩', '2100万亩');
    expect(captionFacts(c, PLAN)).toEqual([
      expect.objectContaining({ lang: 'zh', field: 'caption', text: '2100万', value: 2100 }),
    ]);
  });

  it('catches a wrong conversion in the English caption', () => {
    const c = farmland();
    c.caption.en = c.caption.en.replace('20.82 million', '2.082 million');
    expect(captionFacts(c, PLAN)).toEqual([
      expect.objectContaining({ lang: 'en', field: 'caption', text: '2.082 million' }),
    ]);
  });

  it('catches a number in the title, and a true number whose task is not cited', () => {
    const c = farmland();
    c.title.zh = '耕地、黑土地与盐碱地（12处）';
    c.cites.tasks = c.cites.tasks.filter((t) => t !== '2.1.1');
    c.cites.indicators = c.cites.indicators.filter((i) => i !== 'farmland-red-line');
    const missing = captionFacts(c, PLAN);
    expect(missing.map((m) => [m.lang, m.field, m.value])).toEqual([
      ['zh', 'title', 12],
      ['zh', 'caption', 1.7],
      ['en', 'caption', 170],
    ]);
  });

  it('reads targets of cited indicators: the phrase and its year', () => {
    const c = chapter(seedTour(), 'three-north');
    c.cites.tasks = ['2.3.1'];
    c.caption.zh = '到2027年，可治理沙化土地治理率达到54.33%以上。';
    c.caption.en = 'By 2027, 54.33% or more.';
    c.title = { zh: '三北', en: 'Three-North' };
    expect(captionFacts(c, PLAN)).toEqual([]);
    c.cites.indicators = [];
    expect(captionFacts(c, PLAN).map((m) => m.value)).toEqual([2027, 54.33, 2027, 54.33]);
  });
});
