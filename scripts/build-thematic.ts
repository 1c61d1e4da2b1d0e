import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, Point } from 'geojson';
import { serializeCollection } from './layers/serialize.ts';
import { validateLayer } from './layers/validate.ts';
import { buildLayer, loadContext } from './thematic/build.ts';
import { THEMATIC_LAYER_SPECS } from './thematic/index.ts';
import type { ThematicSpec } from './thematic/types.ts';

export const THEMATIC_LABELS_FILE = 'thematic-labels.geojson';

const SCHEMATIC_SOURCE = {
  name: 'Schematic geometry authored for this project (scripts/thematic/*.ts)',
  licence: 'Project data',
  attribution: '示意 Schematic: drawn from public descriptions, not surveyed',
};

/**
 * Builds the thematic layers from the authored sources in scripts/thematic into an output folder (default
 * data/layers). Reads the committed base layers (region, leagues, rivers, lakes), the gazetteer and plan.json.
 * Deterministic: same inputs, same bytes.
 */
export function buildThematicLayers(outDir: string): { id: string; features: number; bytes: number }[] {
  const ctx = loadContext();
  const all = new Map<string, ThematicSpec>();
  for (const l of THEMATIC_LAYER_SPECS)
    for (const s of l.specs) {
      if (all.has(s.zoneId) && !s.zoneId.startsWith('redline-'))
        throw new Error(`${s.zoneId} is drawn twice`);
      all.set(s.zoneId, s);
    }
  const built = THEMATIC_LAYER_SPECS.map((l) => buildLayer(l, ctx, all));
  const problems = built.flatMap((b) => validateLayer(b.id, b.collection, 'zoneId'));
  if (problems.length > 0) {
    const lines = problems.slice(0, 20).map((p) => `  layer ${p.layer}, feature ${p.feature}: ${p.problem}`);
    throw new Error(`build-thematic: ${problems.length} invalid feature(s):\n${lines.join('\n')}`);
  }
  mkdirSync(outDir, { recursive: true });
  const out = built.map((b) => {
    const text = serializeCollection(b.collection, {
      layer: b.id,
      schematic: true,
      sources: [SCHEMATIC_SOURCE],
      method: b.method,
    });
    writeFileSync(join(outDir, `${b.id}.geojson`), text);
    return { id: b.id, features: b.collection.features.length, bytes: Buffer.byteLength(text) };
  });
  const labels: Feature<Point>[] = built.flatMap((b) => b.labels);
  const text = serializeCollection(
    { type: 'FeatureCollection', features: labels },
    {
      layer: 'thematic-labels',
      schematic: true,
      sources: [SCHEMATIC_SOURCE],
      method: 'Label points of the thematic areas and lines.',
    },
  );
  writeFileSync(join(outDir, THEMATIC_LABELS_FILE), text);
  out.push({ id: 'thematic-labels', features: labels.length, bytes: Buffer.byteLength(text) });
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const out = process.argv[2] ?? join(root, 'data', 'layers');
  try {
    for (const r of buildThematicLayers(out))
      console.log(
        `${r.id.padEnd(28)} ${String(r.features).padStart(4)} features ${String(r.bytes).padStart(9)} bytes`,
      );
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
