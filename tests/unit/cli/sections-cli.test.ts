/**
 * The CLI says what the app says about each layer: the same section builder (web/domain/report/sections.ts), the
 * same sentences for "no type chosen" and "not loaded", and the 三区三线 layers checked from `--layer <id>=<file>`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTION_TEXT } from '../../../web/domain/report/sections.ts';
import { runCli } from './run-cli.ts';

const sq = (w: number, s: number, d: number) => [
  [
    [w, s],
    [w + d, s],
    [w + d, s + d],
    [w, s + d],
    [w, s],
  ],
];
const layer = (name: string, rings: number[][][]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: rings } }],
  });

let dir: string;
const at = (n: string) => join(dir, n);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-sections-'));
  // a project in 乌兰察布 farmland, half inside a town boundary
  writeFileSync(
    at('project.geojson'),
    JSON.stringify({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: sq(113.005, 41.005, 0.01) },
    }),
  );
  writeFileSync(at('farmland.geojson'), layer('红旗村永久基本农田图斑', sq(113, 41, 0.02)));
  writeFileSync(at('town.geojson'), layer('某镇城镇开发边界', sq(112.99, 40.99, 0.02)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI layer sections', () => {
  it('without --type: figures, and every section says no verdict was given, in the app’s words', async () => {
    const r = await runCli([at('project.geojson')]);
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    expect(text).toContain(`${SECTION_TEXT.noType.zh} / ${SECTION_TEXT.noType.en}`);
    expect(text).not.toMatch(/依据 /);
    // the 三区三线 layers ship no data: listed as not loaded, never as no overlap
    expect(text).toContain(`[farmland-permanent] 永久基本农田 — ${SECTION_TEXT.statusNotLoaded.zh}`);
    expect(text).toContain(`${SECTION_TEXT.notLoaded.zh} / ${SECTION_TEXT.notLoaded.en}`);
    const j = await runCli([at('project.geojson'), '--json']);
    const sections = j.json.sections as { layerId: string; status: string; note: { code: string } | null }[];
    expect(sections.filter((s) => s.status === 'not-loaded').map((s) => s.layerId)).toEqual([
      'farmland-permanent',
      'urban-boundary',
    ]);
    for (const s of sections.filter((x) => x.status === 'checked')) expect(s.note?.code).toBe('no-type');
  });

  it('with the official files and a type: solar on farmland is prohibited, the town boundary gives both paths', async () => {
    const argv = [
      at('project.geojson'),
      '--layer',
      `farmland-permanent=${at('farmland.geojson')}`,
      `--layer=urban-boundary=${at('town.geojson')}`,
      '--type',
      'renewable-energy',
    ];
    const r = await runCli(argv);
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    expect(text).toContain('[farmland-permanent] 永久基本农田（用户数据 user data） — 已检查 / checked');
    expect(text).toContain('永久基本农田: 禁止 / Prohibited');
    expect(text).toContain('自然资办发〔2023〕12号');
    expect(text).toContain(SECTION_TEXT.position.partly.zh);
    expect(text).toContain('城镇开发边界（边界内部分）: 开发边界内');
    expect(text).toContain('城镇开发边界（边界外部分）: 开发边界外');
    // features by name
    expect(text).toContain('红旗村永久基本农田图斑');
    const j = await runCli([...argv, '--json']);
    const sections = j.json.sections as { layerId: string; kind: string; verdicts: { verdict: string }[] }[];
    expect(sections.find((s) => s.layerId === 'farmland-permanent')?.verdicts.map((v) => v.verdict)).toEqual([
      'prohibited',
    ]);
    expect(sections.find((s) => s.kind === 'town')?.verdicts.map((v) => v.verdict)).toEqual([
      'town-inside',
      'town-outside-admission',
    ]);
    expect(sections.every((s) => s.layerId !== 'farmland-permanent' || s.kind === 'farmland')).toBe(true);
  });

  it('refuses an unknown layer id with the nearest one suggested', async () => {
    const r = await runCli([
      at('project.geojson'),
      '--layer',
      `farmland-permanant=${at('farmland.geojson')}`,
    ]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/did you mean farmland-permanent\?/);
  });
});
