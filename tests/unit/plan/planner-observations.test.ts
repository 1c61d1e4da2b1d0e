import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultObservations } from '../../../web/domain/plan/default-observations.ts';
import {
  computeStatus,
  type GazetteerEntry,
  type Observation,
  parseObservationsCsv,
} from '../../../web/domain/plan/index.ts';
import {
  decodeObservationBytes,
  effectivePlannerRows,
  importedWords,
  mergeObservations,
  observationsCsv,
  observationsTemplate,
  type PlannerContext,
  type PlannerImport,
  readPlannerFile,
} from '../../../web/domain/plan/planner-observations.ts';
import { GAZETTEER, PLAN, ROOT } from './helpers.ts';

const GAZ = new Map<string, GazetteerEntry>(GAZETTEER.entries.map((e) => [e.id, e]));
const read = (f: string) => parseObservationsCsv(readFileSync(join(ROOT, 'data', f), 'utf8')).observations;
const DEFAULTS = defaultObservations(read('observations.published.csv'), read('observations.sample.csv'));
const OFFICE = readFileSync(join(import.meta.dirname, 'fixtures/observations-office.csv'), 'utf8');
const AS_OF = 2026;

const ctx = (imports: PlannerImport[] = []): PlannerContext => ({
  indicators: PLAN.indicators,
  zones: GAZ,
  defaults: DEFAULTS,
  imports,
});
const file = (fileName: string, text: string, importedAt = '2026-05-02T08:30:00.000Z') => ({
  id: fileName,
  fileName,
  text,
  importedAt,
});
const indicator = (id: string) => {
  const i = PLAN.indicators.find((x) => x.id === id);
  if (!i) throw new Error(id);
  return i;
};
const BUS = indicator('new-bus-new-energy-share');
const status = (id: string, obs: readonly Observation[], zoneId?: string) =>
  computeStatus(indicator(id), obs, AS_OF, zoneId ? { zoneId } : {});

describe('a planner’s observation file, row by row', () => {
  const r = readPlannerFile(file('office-2025.csv', OFFICE), ctx());
  const errors = r.messages.filter((m) => m.severity === 'error');

  it('names each refused row with its line and reason, in Chinese and English', () => {
    expect(errors.map((m) => [m.line, m.code])).toEqual([
      [6, 'indicator-unknown'],
      [7, 'zone-out-of-scope'],
      [8, 'zone-unknown'],
      [9, 'unit-mismatch'],
      [10, 'year-out-of-range'],
      [11, 'value-invalid'],
      [12, 'duplicate'],
      [13, 'source-empty'],
      [14, 'cell-count'],
      [15, 'year-invalid'],
    ]);
    const zh = (line: number) => errors.find((m) => m.line === line)?.zh;
    const en = (line: number) => errors.find((m) => m.line === line)?.en;
    expect(zh(6)).toBe('第 6 行：指标编号 “forest-covr” 不是规划中的指标');
    expect(zh(7)).toBe(
      `第 7 行：乌海市（league-wuhai）不在指标“${BUS.name}”的范围（呼和浩特市、包头市、乌兰察布市、鄂尔多斯市）内`,
    );
    expect(en(7)).toBe(
      `Line 7: Wuhai (league-wuhai) is outside the scope of “${BUS.en}” (Hohhot, Baotou, Ulanqab, Ordos)`,
    );
    expect(zh(8)).toBe('第 8 行：区域编号 “league-nowhere” 不在地名表中');
    expect(zh(9)).toBe('第 9 行：单位 “万千瓦” 与指标“新能源装机规模”的单位“亿千瓦”不符');
    expect(en(10)).toBe('Line 10: year 1999 is outside 2000–2035');
    expect(zh(11)).toBe('第 11 行：数值 “约22” 不是数字');
    expect(zh(12)).toBe('第 12 行：与第 3 行重复（同一指标、区域、年份），未导入；保留第 3 行');
    expect(en(14)).toBe('Line 14: 3 cells, the header has 8');
  });

  it('keeps the good rows (the multi-line one too) with the file they came from, and counts both', () => {
    expect(r.imported?.rows.map((o) => [o.indicatorId, o.zoneId ?? '', o.year, o.value])).toEqual([
      ['new-bus-new-energy-share', 'league-baotou', 2025, 96],
      ['renewable-power-consumption-share', '', 2025, 41],
      ['pm25-concentration', 'region-inner-mongolia', 2025, 21],
      ['new-bus-new-energy-share', 'league-ordos', 2025, 97],
    ]);
    expect(r.imported?.refused).toBe(10);
    for (const o of r.imported?.rows ?? []) {
      expect(o.imported).toEqual({ fileName: 'office-2025.csv', importedAt: '2026-05-02T08:30:00.000Z' });
    }
    expect(r.messages[0]).toMatchObject({
      code: 'file-kept',
      zh: '“office-2025.csv”：导入 4 行，拒绝 10 行。',
      en: '“office-2025.csv”: 4 rows imported, 10 refused.',
    });
  });

  it('says which published or sample row each kept row replaces', () => {
    const notes = r.messages.filter((m) => m.code === 'replaces-default');
    expect(notes.map((m) => m.line)).toEqual([3, 5, 16]);
    // a replaced sample row has its note; "no longer counts" is only for sample rows of other years
    expect(r.messages.filter((m) => m.code === 'hides-sample')).toEqual([]);
    expect(notes[0]?.zh).toBe(
      `第 3 行：替换了示例数据：${BUS.name}，包头市，2025 年 93%（来源：示例数据(非统计)）`,
    );
    expect(notes[1]?.zh).toBe(
      `第 5 行：替换了已发布数据：${indicator('pm25-concentration').name}，内蒙古自治区，2025 年 22 微克/立方米（来源：2025年内蒙古12盟市空气质量全面达标 实现历史性突破(内蒙古新闻网 2026-01-28)）`,
    );
  });

  it('a file with no good row keeps nothing and says the rows kept before are unchanged', () => {
    const bad = readPlannerFile(
      file(
        'bad.csv',
        'indicatorId,zoneId,year,value,source\nnew-bus-new-energy-share,league-baotou,2025,abc,s\n',
      ),
      ctx(),
    );
    expect(bad.imported).toBeNull();
    expect(bad.messages.map((m) => m.zh)).toEqual([
      '“bad.csv”：没有可导入的行（拒绝 1 行），已有数据未变。',
      '第 2 行：数值 “abc” 不是数字',
    ]);
  });

  it('reads the JSON form, naming items', () => {
    const json = JSON.stringify([
      { indicatorId: 'forest-cover', year: 2025, value: 22.2, source: '测试', sample: false },
      { indicatorId: 'forest-cover', year: 2040, value: 23, source: '测试' },
      'x',
    ]);
    const j = readPlannerFile(file('rows.json', json), ctx());
    expect(j.imported?.rows).toHaveLength(1);
    expect(j.messages.filter((m) => m.severity === 'error').map((m) => m.zh)).toEqual([
      '第 2 项：年份 2040 不在 2000–2035 之间',
      '第 3 项：不是对象（{…}）',
    ]);
    const broken = readPlannerFile(file('rows.json', '[{"indicatorId": '), ctx());
    expect(broken.imported).toBeNull();
    expect(broken.messages[1]?.code).toBe('json-invalid');
  });

  it('reads a file Excel saved in GB18030 (GBK)', () => {
    // "forest-cover,,2025,22,林草局" with 林草局 in GBK
    const head = new TextEncoder().encode('indicatorId,zoneId,year,value,source\nforest-cover,,2025,22,');
    const bytes = new Uint8Array([...head, 0xc1, 0xd6, 0xb2, 0xdd, 0xbe, 0xd6, 0x0a]);
    const { text, encoding } = decodeObservationBytes(bytes);
    expect(encoding).toBe('gb18030');
    expect(parseObservationsCsv(text).observations[0]?.source).toBe('林草局');
    expect(decodeObservationBytes(new TextEncoder().encode('年份')).encoding).toBe('utf-8');
  });
});

describe('the merge rule: defaults with the planner’s rows', () => {
  const first = readPlannerFile(file('office-2025.csv', OFFICE), ctx()).imported as PlannerImport;

  it('a planner row replaces the default row with the same indicator, zone and year; statuses follow', () => {
    expect(status('new-bus-new-energy-share', DEFAULTS, 'league-baotou')).toMatchObject({
      status: 'off-track',
      sample: true,
    });
    const merged = mergeObservations(DEFAULTS, [first], PLAN.indicators);
    const baotou = status('new-bus-new-energy-share', merged, 'league-baotou');
    expect(baotou).toMatchObject({ status: 'achieved', sample: false });
    expect(baotou.latest?.imported?.fileName).toBe('office-2025.csv');
    // a region-wide row: one published 2024 value alone was "at risk, one observation only"
    expect(status('renewable-power-consumption-share', DEFAULTS)).toMatchObject({
      reason: 'single-observation',
    });
    expect(status('renewable-power-consumption-share', merged)).toMatchObject({ status: 'achieved' });
    // the region written as its id or left empty is the same scope: the published 2025 PM2.5 row is gone
    const pm = merged.filter((o) => o.indicatorId === 'pm25-concentration' && o.year === 2025);
    expect(pm.filter((o) => (o.relation ?? 'same') === 'same').map((o) => o.value)).toEqual([21]);
    expect(merged.length).toBe(DEFAULTS.length + 4 - 3);
  });

  it('a later file replaces an earlier file’s row; removing it brings the earlier row back', () => {
    const later = readPlannerFile(
      file(
        'correction.csv',
        'indicatorId,zoneId,year,value,source\nnew-bus-new-energy-share,league-baotou,2025,94,测试更正\n',
        '2026-05-03T08:00:00.000Z',
      ),
      ctx([first]),
    );
    expect(later.messages.find((m) => m.code === 'replaces-import')?.zh).toBe(
      '第 2 行：替换了此前导入的 “office-2025.csv” 中的同一行（移除本文件后恢复）',
    );
    const both = [first, later.imported as PlannerImport];
    expect(
      status('new-bus-new-energy-share', mergeObservations(DEFAULTS, both, PLAN.indicators), 'league-baotou'),
    ).toMatchObject({ status: 'off-track', sample: false });
    expect(effectivePlannerRows(both, PLAN.indicators)).toHaveLength(4);
    expect(
      status(
        'new-bus-new-energy-share',
        mergeObservations(DEFAULTS, [first], PLAN.indicators),
        'league-baotou',
      ).latest?.value,
    ).toBe(96);
  });

  it('a real row of another year hides the sample rows of that indicator and zone, and says so', () => {
    const r = readPlannerFile(
      file(
        'ordos-2024.csv',
        'indicatorId,zoneId,year,value,source\nnew-bus-new-energy-share,league-ordos,2024,90,测试\n',
      ),
      ctx(),
    );
    expect(r.messages.map((m) => m.code)).toEqual(['file-kept', 'hides-sample']);
    const merged = mergeObservations(DEFAULTS, [r.imported as PlannerImport], PLAN.indicators);
    const s = status('new-bus-new-energy-share', merged, 'league-ordos');
    expect(s).toMatchObject({ status: 'off-track', sample: false });
    expect(s.latest?.value).toBe(90);
  });

  it('context rows (partial, related) never replace the plan’s own measure', () => {
    const r = readPlannerFile(
      file(
        'q1.csv',
        'indicatorId,zoneId,year,value,source,relation,period\nforest-cover,,2024,30,测试,partial,2024-01..03\n',
      ),
      ctx(),
    );
    expect(r.messages.map((m) => m.code)).toEqual(['file-kept']);
    const merged = mergeObservations(DEFAULTS, [r.imported as PlannerImport], PLAN.indicators);
    expect(status('forest-cover', merged).latest?.value).toBe(21.98);
  });
});

describe('export and template', () => {
  it('the export reads back as the same rows', () => {
    const rows = readPlannerFile(file('office-2025.csv', OFFICE), ctx()).imported?.rows ?? [];
    const csv = observationsCsv(rows, PLAN.indicators);
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFindicatorId,zoneId,year,value,unit,source,note,sample,relation,period,basis',
    );
    const back = readPlannerFile(file('export.csv', csv), ctx()).imported?.rows ?? [];
    const strip = (o: Observation) => ({ ...o, imported: undefined, unit: undefined });
    expect(back.map(strip)).toEqual(rows.map(strip));
    expect(back.map((o) => o.unit)).toEqual(['%', '%', '微克/立方米', '%']);
  });

  it('the template lists every indicator, imports nothing as it is, and its example row imports once uncommented', () => {
    for (const lang of ['zh', 'en'] as const) {
      const text = observationsTemplate(PLAN.indicators, GAZ, lang);
      for (const i of PLAN.indicators) expect(text).toContain(`# ${i.id} |`);
      const r = readPlannerFile(file('template.csv', text), ctx());
      expect(r.imported).toBeNull();
      expect(r.messages.filter((m) => m.code !== 'file-none-kept')).toEqual([]);
      const filled = text.replace(/^# (forest-cover,,2025)/m, '$1');
      const one = readPlannerFile(file('template.csv', filled), ctx());
      expect(one.imported?.rows.map((o) => [o.indicatorId, o.year, o.value, o.unit])).toEqual([
        ['forest-cover', 2025, 22, '%'],
      ]);
    }
    expect(observationsTemplate(PLAN.indicators, GAZ, 'zh')).toContain(
      '\r\n指标编号,区域编号,年份,数值,单位,来源',
    );
  });

  it('a planner row says where it comes from', () => {
    expect(importedWords({ fileName: 'a.csv', importedAt: '2026-05-02T08:30:00.000Z' }).zh).toMatch(
      /^本机导入：a\.csv，2026-05-0\d \d\d:30$/,
    );
  });
});
