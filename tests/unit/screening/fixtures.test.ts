/**
 * Fixtures: tests/unit/screening/fixtures/in/*.geojson (one feature with role "project", the others
 * form the layer) → out/*.json. The expected figures come from the independent reference
 * (polyclip-ts + GeographicLib PolygonArea), never from the engine. Regenerate with REGEN=1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenProject } from '../../../web/domain/screening/engine.ts';
import {
  type GeoJsonFeatureCollection,
  indexLayer,
  layerFromGeoJson,
} from '../../../web/domain/screening/layer.ts';
import { asPolys, refIntersectionArea, refMultiPolygonArea } from './independent.ts';

const dir = path.join(import.meta.dirname, 'fixtures');
const names = fs.readdirSync(path.join(dir, 'in')).filter((f) => f.endsWith('.geojson'));

interface Expected {
  source: string;
  projectAreaM2: number;
  overlaps: { featureId: string; areaM2: number }[];
}

interface Fc {
  features: { properties: { role: string; id?: string }; geometry: { type: string; coordinates: unknown } }[];
}

function load(name: string) {
  const fc = JSON.parse(fs.readFileSync(path.join(dir, 'in', name), 'utf8')) as Fc;
  const project = fc.features.find((f) => f.properties.role === 'project');
  if (!project) throw new Error(`${name}: no project feature`);
  const layerFeatures = fc.features.filter((f) => f.properties.role === 'layer');
  return { project, layerFeatures };
}

function reference(name: string): Expected {
  const { project, layerFeatures } = load(name);
  const p = asPolys(project.geometry);
  return {
    source: 'polyclip-ts intersection + GeographicLib PolygonArea (CGCS2000)',
    projectAreaM2: refMultiPolygonArea(p),
    overlaps: layerFeatures
      .map((f) => ({
        featureId: String(f.properties.id),
        areaM2: refIntersectionArea(p, asPolys(f.geometry)),
      }))
      .filter((o) => o.areaM2 > 0),
  };
}

describe('screening fixtures (in/ → out/)', () => {
  it('every input has its expectation and every expectation its input', () => {
    const outs = fs.readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.json'));
    expect(outs.map((f) => f.replace('.json', '')).sort()).toEqual(
      names.map((f) => f.replace('.geojson', '')).sort(),
    );
  });

  for (const name of names) {
    it(name.replace('.geojson', ''), () => {
      const outPath = path.join(dir, 'out', name.replace('.geojson', '.json'));
      if (process.env.REGEN === '1') {
        fs.writeFileSync(outPath, `${JSON.stringify(reference(name), null, 2)}\n`);
      }
      // a missing expectation fails: it is written only on request, then reviewed and committed
      if (!fs.existsSync(outPath))
        throw new Error(
          `${path.relative(dir, outPath)} is missing: run REGEN=1 npx vitest run ${path.relative(process.cwd(), import.meta.filename)}, review it, commit it`,
        );
      const expected = JSON.parse(fs.readFileSync(outPath, 'utf8')) as Expected;
      const { project, layerFeatures } = load(name);
      const layer = indexLayer(
        layerFromGeoJson(
          { type: 'FeatureCollection', features: layerFeatures } as unknown as GeoJsonFeatureCollection,
          { id: 'fixture' },
        ),
      );
      const out = screenProject(project, [layer], { includeGeometry: true });
      if (!out.ok) throw new Error(JSON.stringify(out.errors));
      const r = out.result;
      expect(Math.abs(r.projectAreaM2 - expected.projectAreaM2) / expected.projectAreaM2).toBeLessThan(1e-9);
      expect(r.overlaps.map((o) => o.featureId).sort()).toEqual(
        expected.overlaps.map((o) => o.featureId).sort(),
      );
      for (const e of expected.overlaps) {
        const got = r.overlaps.find((o) => o.featureId === e.featureId);
        expect(got).toBeDefined();
        if (!got) continue;
        expect(Math.abs(got.areaM2 - e.areaM2) / e.areaM2).toBeLessThan(1e-6);
        expect(got.how).not.toBe('fallback');
        // the geometry handed to the map has the same area
        const g = got.geometry?.coordinates ?? [];
        expect(Math.abs(refMultiPolygonArea(g) - e.areaM2) / e.areaM2).toBeLessThan(1e-6);
        expect(got.share).toBeCloseTo(e.areaM2 / expected.projectAreaM2, 9);
      }
    });
  }
});
