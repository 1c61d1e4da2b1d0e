import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, resultsCsv } from '../../../web/domain/report/csv.ts';
import { resultsGeoJson } from '../../../web/domain/report/geojson.ts';
import { reportRecord } from '../../../web/domain/report/record.ts';
import type { CheckedProject, DatasetInfo } from '../../../web/domain/report/types.ts';
import { screenProject } from '../../../web/domain/screening/engine.ts';
import { layerFromGeoJson } from '../../../web/domain/screening/layer.ts';
import { prepareLayer } from '../../../web/domain/screening/layer-check.ts';
import { parseCsv } from './rfc4180.ts';

/**
 * A layer with a self-intersecting (bowtie) feature next to the project: the check says "no overlap" for it, and
 * every export of that answer must carry the layer check's warning with it.
 */
const ring = (pts: [number, number][]): Polygon => ({
  type: 'Polygon',
  coordinates: [[...pts, pts[0] as [number, number]]],
});
const project = ring([
  [111.0, 42.0],
  [111.02, 42.0],
  [111.02, 42.02],
  [111.0, 42.02],
]);
// east of the project, 0.01° away: its box does not meet the project's, but it is within the 5 km buffer
const bowtie = ring([
  [111.03, 42.0],
  [111.05, 42.02],
  [111.05, 42.0],
  [111.03, 42.02],
]);

function check() {
  const data = layerFromGeoJson(
    {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'bow-1', zoneType: 'redline' }, geometry: bowtie }],
    },
    { id: 'redline-illustrative', nameZh: '用户红线' },
  );
  const prepared = prepareLayer(data);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
  const out = screenProject(project, [prepared.index], { buffersM: [5000], includeGeometry: true });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
}

const checked: CheckedProject = {
  name: '测试',
  type: 'linear-infrastructure',
  source: 'wgs84',
  boundary: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: project }] },
};
const datasets: DatasetInfo[] = [
  {
    layerId: 'redline-illustrative',
    nameZh: '生态保护红线',
    nameEn: 'Ecological protection red line',
    zoneType: 'redline',
    badge: 'user',
    version: 'bowtie.geojson',
    provenance: 'user',
    featureCount: 1,
    sha256: 'b'.repeat(64),
  },
];

describe('layer warnings travel with the result into every export', () => {
  const result = check();
  const layer = result.layers[0];

  it('the check itself: no overlap, and a warning naming the bowtie feature', () => {
    expect(result.overlaps).toEqual([]);
    expect(layer?.warnings.map((w) => w.code)).toEqual(['layer-invalid-geometry']);
    expect(layer?.warnings[0]?.featureId).toBe('bow-1');
  });

  it('CSV: the layer total row carries the warning in both languages', () => {
    const [header, ...rows] = parseCsv(resultsCsv(checked, result, datasets).replace(/^\uFEFF/, ''));
    expect(header).toEqual([...CSV_COLUMNS]);
    const col = header?.indexOf('warnings') ?? -1;
    const total = rows.find((r) => r[0] === 'layer-total');
    const w = layer?.warnings[0];
    expect(total?.[col]).toBe(`${w?.zh} / ${w?.en}`);
    expect(total?.[col]).toContain('bow-1');
    for (const r of rows.filter((x) => x[0] !== 'layer-total')) expect(r[col]).toBe('');
  });

  it('GeoJSON: the metadata lists the warning with its layer and feature', () => {
    const gj = resultsGeoJson(checked, result, datasets, null) as unknown as {
      screening: { layerWarnings: unknown[] };
    };
    expect(gj.screening.layerWarnings).toEqual([
      {
        layerId: 'redline-illustrative',
        code: 'layer-invalid-geometry',
        featureId: 'bow-1',
        zh: layer?.warnings[0]?.zh,
        en: layer?.warnings[0]?.en,
      },
    ]);
  });

  it('the check record (what the report hash covers) keeps the warning', () => {
    const rec = reportRecord(checked, result, datasets, [5000], null) as {
      results: { layers: { warnings: { code: string }[] }[] };
    };
    expect(rec.results.layers[0]?.warnings.map((w) => w.code)).toEqual(['layer-invalid-geometry']);
  });
});
