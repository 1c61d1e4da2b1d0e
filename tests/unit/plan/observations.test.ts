import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkObservations,
  parseObservationsCsv,
  parseObservationsJson,
} from '../../../web/domain/plan/index.ts';
import { PLAN, ROOT } from './helpers.ts';

describe('observations CSV', () => {
  it('reads the documented columns, quoting, BOM and CRLF', () => {
    const csv =
      '\uFEFFindicatorId,zoneId,year,value,source,note,sample\r\n' +
      'forest-cover,,2024,"21.5","自治区林草局, 公报","含""人工林""",false\r\n' +
      'new-bus-new-energy-share,league-baotou,2025,93,"交通运输局","多行\n备注",是\r\n';
    const { observations, issues } = parseObservationsCsv(csv);
    expect(issues).toEqual([]);
    expect(observations).toEqual([
      {
        indicatorId: 'forest-cover',
        year: 2024,
        value: 21.5,
        source: '自治区林草局, 公报',
        note: '含"人工林"',
        sample: false,
      },
      {
        indicatorId: 'new-bus-new-energy-share',
        zoneId: 'league-baotou',
        year: 2025,
        value: 93,
        source: '交通运输局',
        note: '多行\n备注',
        sample: true,
      },
    ]);
  });

  it('accepts Chinese headers and any column order', () => {
    const { observations, issues } = parseObservationsCsv(
      '年份,数值,指标编号,来源\n2025,45.1,grassland-vegetation-cover,统计年鉴\n',
    );
    expect(issues).toEqual([]);
    expect(observations).toEqual([
      {
        indicatorId: 'grassland-vegetation-cover',
        year: 2025,
        value: 45.1,
        source: '统计年鉴',
        sample: false,
      },
    ]);
  });

  it('reports bad rows with their line numbers and keeps the good ones', () => {
    const csv = [
      'indicatorId,year,value,source',
      'forest-cover,2024,21.5,公报',
      'forest-cover,二〇二五,21.8,公报',
      'forest-cover,2025,约22,公报',
      'forest-cover,2025,22,',
      'forest-cover,2025',
    ].join('\n');
    const { observations, issues } = parseObservationsCsv(csv);
    expect(observations).toHaveLength(1);
    expect(issues.map((i) => i.line)).toEqual([3, 4, 5, 6]);
    expect(issues.map((i) => i.code)).toEqual([
      'year-invalid',
      'value-invalid',
      'source-empty',
      'cell-count',
    ]);
    expect(issues[0]?.en).toBe('year “二〇二五” is not a year');
    expect(issues[0]?.zh).toBe('年份 “二〇二五” 不是年份');
    expect(issues[1]?.zh).toBe('数值 “约22” 不是数字');
    expect(issues[3]?.en).toBe('2 cells, the header has 4');
  });

  it('refuses a file without the required columns', () => {
    const { observations, issues } = parseObservationsCsv('indicator,value\nforest-cover,21\n');
    expect(observations).toEqual([]);
    expect(issues.map((i) => i.en)).toEqual(['missing column year (年份)', 'missing column source (来源)']);
  });

  it('reads the JSON form', () => {
    const { observations, issues } = parseObservationsJson([
      { indicatorId: 'pm25-concentration', year: 2025, value: 26, source: '生态环境状况公报', sample: false },
      { indicatorId: 'pm25-concentration', year: 'x', value: 26, source: 's' },
    ]);
    expect(observations).toHaveLength(1);
    expect(issues).toEqual([
      { line: 2, code: 'year-invalid', en: 'year “x” is not a year', zh: '年份 “x” 不是年份' },
    ]);
  });

  it('checks observations against the plan', () => {
    const issues = checkObservations(
      [
        { indicatorId: 'no-such', year: 2025, value: 1, source: 's', sample: false },
        {
          indicatorId: 'new-bus-new-energy-share',
          zoneId: 'league-alxa',
          year: 2025,
          value: 1,
          source: 's',
          sample: false,
        },
        {
          indicatorId: 'new-bus-new-energy-share',
          zoneId: 'league-ordos',
          year: 2025,
          value: 1,
          source: 's',
          sample: false,
        },
      ],
      PLAN.indicators,
    );
    expect(issues.map((i) => i.line)).toEqual([1, 2]);
  });

  it('the shipped sample file is all marked 示例 and fits the plan', () => {
    const text = readFileSync(join(ROOT, 'data/observations.sample.csv'), 'utf8');
    const { observations, issues } = parseObservationsCsv(text);
    expect(issues).toEqual([]);
    expect(observations.length).toBeGreaterThan(5);
    for (const o of observations) {
      expect(o.sample).toBe(true);
      expect(o.note ?? '').toContain('示例');
      expect(o.source).toContain('示例');
    }
    expect(checkObservations(observations, PLAN.indicators)).toEqual([]);
  });
});
