import type { CheckedProject, DatasetInfo } from '../../../web/domain/report/types.ts';
import { type ScreeningResult, screenProject } from '../../../web/domain/screening/engine.ts';
import { indexLayer, layerFromGeoJson } from '../../../web/domain/screening/layer.ts';
import { squarePolygon as square } from '../shapes.ts';

/** Feature names a spreadsheet or a CSV writer could trip on. */
export const NASTY_NAMES = [
  '=HYPERLINK("http://x","点我")',
  '红线, "甲"\n第二行',
  '-2+3',
  '@SUM(A1)',
  '普通名称',
];

/** A real check: a project across five red-line squares and one lake, run through the domain engine. */
export function realCheck(): { project: CheckedProject; result: ScreeningResult; datasets: DatasetInfo[] } {
  const redline = {
    type: 'FeatureCollection' as const,
    features: NASTY_NAMES.map((name, i) => ({
      type: 'Feature' as const,
      properties: { id: `rl-${i + 1}`, zoneId: `redline-illustrative-0${i + 1}`, name, zoneType: 'redline' },
      geometry: square(111 + i * 0.01, 42, 0.01),
    })),
  };
  const lakes = {
    type: 'FeatureCollection' as const,
    features: [
      {
        type: 'Feature' as const,
        properties: { id: 'lake-1', zoneId: 'user-lakes-1', zh: '用户湖', zoneType: 'lake-wetland' },
        geometry: square(111.0, 42.008, 0.01),
      },
    ],
  };
  const layers = [
    indexLayer(layerFromGeoJson(redline, { id: 'redline-illustrative', nameZh: '生态保护红线' })),
    indexLayer(layerFromGeoJson(lakes, { id: 'lakes', nameZh: '湖泊' })),
  ];
  const boundary = square(111.005, 42.002, 0.05);
  const out = screenProject(boundary, layers, {
    projectType: 'linear-infrastructure',
    buffersM: [500],
    includeGeometry: true,
  });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  const project: CheckedProject = {
    name: '输电线路,"一期"',
    type: 'linear-infrastructure',
    source: 'wgs84',
    boundary: {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { '10': 'b', '9': 'a', B: 1, a: 2 }, geometry: boundary }],
    },
    importedFrom: { fileName: 'p.geojson', format: 'geojson', crs: 'EPSG:4326' },
  };
  const datasets: DatasetInfo[] = [
    {
      layerId: 'redline-illustrative',
      nameZh: '生态保护红线',
      nameEn: 'Ecological protection red line',
      zoneType: 'redline',
      badge: 'schematic',
      version: 'redline-illustrative-abc123.geojson',
      provenance: 'schematic',
      featureCount: NASTY_NAMES.length,
      sha256: 'a'.repeat(64),
    },
    {
      layerId: 'lakes',
      nameZh: '湖泊',
      nameEn: 'Lakes',
      zoneType: 'lake-wetland',
      badge: 'user',
      version: 'official-lakes.zip · 2026-01-01T00:00:00Z',
      provenance: 'user',
      featureCount: 1,
      sha256: 'b'.repeat(64),
    },
  ];
  return { project, result: out.result, datasets };
}
