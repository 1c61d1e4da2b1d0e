import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { layerById } from '../../../layers/registry.ts';
import { notCheckedLayer, screeningPlan } from '../../../layers/screening.ts';
import { resultsCsv } from '../../../web/domain/report/csv.ts';
import { resultsGeoJson } from '../../../web/domain/report/geojson.ts';
import { reportRecord } from '../../../web/domain/report/record.ts';
import { SECTION_TEXT, screeningSections } from '../../../web/domain/report/sections.ts';
import { screenProject } from '../../../web/domain/screening/engine.ts';
import { indexLayer, layerFromGeoJson } from '../../../web/domain/screening/layer.ts';
import { squarePolygon as square } from '../shapes.ts';
import { parseCsv } from './rfc4180.ts';

const fc = (name: string, g: Polygon) => ({
  type: 'FeatureCollection' as const,
  features: [{ type: 'Feature' as const, properties: { name }, geometry: g }],
});

const redline = indexLayer(
  layerFromGeoJson(fc('某红线', square(112, 41, 0.05)), {
    id: 'redline-illustrative',
    nameZh: '生态保护红线',
    nameEn: 'Ecological protection red line',
    defaultZoneType: 'redline',
  }),
);
const farmland = indexLayer(
  layerFromGeoJson(fc('东风村图斑', square(111, 40, 0.02)), {
    id: 'farmland-permanent',
    nameZh: '永久基本农田',
    nameEn: 'Permanent basic farmland',
    defaultZoneType: 'farmland-permanent',
  }),
);
const town = indexLayer(
  layerFromGeoJson(fc('某镇边界', square(110.99, 39.99, 0.03)), {
    id: 'urban-boundary',
    nameZh: '城镇开发边界',
    nameEn: 'Town development boundary',
    defaultZoneType: 'urban-boundary',
  }),
);

function check(project: Polygon, layers = [redline, farmland, town], projectType?: string) {
  const out = screenProject(project, layers, projectType ? { projectType } : {});
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
}

describe('layer sections: one per screening layer, each under its own rules', () => {
  it('solar on farmland inside the town boundary: farmland prohibits, the town boundary names the path', () => {
    // inside the farmland square and inside the town square
    const r = check(square(111.005, 40.005, 0.01), undefined, 'renewable-energy');
    const s = screeningSections(r);
    expect(s.map((x) => [x.layerId, x.kind, x.status])).toEqual([
      ['redline-illustrative', 'redline', 'checked'],
      ['farmland-permanent', 'farmland', 'checked'],
      ['urban-boundary', 'town', 'checked'],
    ]);
    const [red, farm, tw] = s;
    expect(red?.verdicts).toEqual([]);
    expect(red?.note?.code).toBe('no-overlap');
    expect(farm?.verdicts.map((v) => v.verdict)).toEqual(['prohibited']);
    expect(farm?.verdicts[0]?.rule.source).toContain('12号');
    expect(farm?.verdicts[0]?.areaM2).toBeCloseTo(r.projectAreaM2, 3);
    expect(tw?.position).toBe('inside');
    expect(tw?.verdicts.map((v) => [v.part, v.verdict])).toEqual([['inside', 'town-inside']]);
    for (const x of s) expect(x.sources.length).toBeGreaterThan(0);
    // the engine's own verdict list carries no town verdict (it is a path, decided per layer)
    expect(r.verdicts.map((v) => v.zoneType)).toEqual(['farmland-permanent']);
  });

  it('a project across the town boundary gets both paths; one outside it gets the outside one', () => {
    const across = screeningSections(check(square(111.01, 40.0, 0.04), undefined, 'residential-industrial'));
    const tw = across.find((x) => x.kind === 'town');
    expect(tw?.position).toBe('partly');
    expect(tw?.verdicts.map((v) => [v.part, v.verdict])).toEqual([
      ['inside', 'town-inside'],
      ['outside', 'prohibited'],
    ]);
    const out = screeningSections(check(square(111.2, 40.2, 0.01), undefined, 'linear-infrastructure'));
    const o = out.find((x) => x.kind === 'town');
    expect(o?.position).toBe('outside');
    expect(o?.verdicts.map((v) => v.verdict)).toEqual(['town-outside-admission']);
    // no farmland overlap: no farmland verdict, said so
    expect(out.find((x) => x.kind === 'farmland')?.note?.code).toBe('no-overlap');
  });

  it('lists a layer that is not loaded as not checked, never as no overlap', () => {
    const { read, notLoaded } = screeningPlan(new Set(['urban-boundary']));
    expect(read.map((d) => d.id)).toContain('urban-boundary');
    expect(notLoaded.map((d) => d.id)).toEqual(['farmland-permanent']);
    const r = check(square(111.005, 40.005, 0.01), [redline, town], 'mining');
    const s = screeningSections(r, { notChecked: notLoaded.map(notCheckedLayer) });
    const farm = s.find((x) => x.layerId === 'farmland-permanent');
    expect(farm).toMatchObject({ status: 'not-loaded', kind: 'farmland', verdicts: [], overlapAreaM2: null });
    expect(farm?.note).toEqual({ code: 'not-loaded', ...SECTION_TEXT.notLoaded });
    expect(farm?.note?.zh).toContain('未加载');
    expect(farm?.note?.en).toContain('not checked');
    // kept in its kind's place: after the red line, before the town boundary
    expect(s.map((x) => x.kind)).toEqual(['redline', 'farmland', 'town']);

    // the CSV, the record and the GeoJSON export say the same
    const def = layerById('farmland-permanent');
    expect(def?.userDataOnly).toBe(true);
    const project = {
      name: 'p',
      type: 'mining',
      source: 'wgs84' as const,
      boundary: {
        type: 'FeatureCollection' as const,
        features: [{ type: 'Feature' as const, properties: {}, geometry: square(111.005, 40.005, 0.01) }],
      },
    };
    const notChecked = notLoaded.map(notCheckedLayer);
    const [header, ...rows] = parseCsv(resultsCsv(project, r, [], { notChecked }).replace(/^\uFEFF/, ''));
    const at = (n: string) => header?.indexOf(n) ?? -1;
    const farmRow = rows.find((x) => x[0] === 'section' && x[at('layer_id')] === 'farmland-permanent');
    expect(farmRow?.[at('status')]).toBe('未加载（未检查）');
    expect(farmRow?.[at('verdict')]).toBe(SECTION_TEXT.notLoaded.zh);
    expect(farmRow?.[at('overlap_m2')]).toBe('');
    const rec = reportRecord(project, r, [], [], null, notChecked) as {
      notChecked: unknown[];
      results: { sections: { layerId: string; status: string; note: string | null }[] };
    };
    expect(rec.notChecked).toEqual([
      { layerId: 'farmland-permanent', zoneType: 'farmland-permanent', reason: 'not-loaded' },
    ]);
    expect(rec.results.sections.find((x) => x.layerId === 'farmland-permanent')).toMatchObject({
      status: 'not-loaded',
      note: 'not-loaded',
    });
    const gj = resultsGeoJson(project, r, [], null, notChecked) as unknown as {
      screening: { sections: { layerId: string; status: string }[] };
    };
    expect(gj.screening.sections.map((x) => [x.layerId, x.status])).toEqual([
      ['redline-illustrative', 'checked'],
      ['farmland-permanent', 'not-loaded'],
      ['urban-boundary', 'checked'],
    ]);
  });

  it('without a declared type: figures and the town position, no verdict, and says why', () => {
    const r = check(square(111.005, 40.005, 0.01));
    expect(r.projectType).toBeNull();
    const s = screeningSections(r);
    for (const x of s) {
      expect(x.verdicts).toEqual([]);
      expect(x.note).toEqual({ code: 'no-type', ...SECTION_TEXT.noType });
    }
    expect(s.find((x) => x.kind === 'farmland')?.overlapAreaM2).toBeCloseTo(r.projectAreaM2, 3);
    expect(s.find((x) => x.kind === 'town')?.position).toBe('inside');
  });
});
