import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BuiltLayer,
  buildContext,
  buildLeagues,
  buildWater,
  sourceRecords,
} from './layers/base-layers.ts';
import { writeCountyLayers } from './layers/counties.ts';
import { ensureGeodata } from './layers/geodata.ts';
import { serializeCollection } from './layers/serialize.ts';
import { validateLayer } from './layers/validate.ts';

/** Builds the base geography layers into an output folder (default data/layers). Deterministic. */
export function buildBaseLayers(outDir: string): { id: string; features: number; bytes: number }[] {
  ensureGeodata();
  const layers: BuiltLayer[] = [...buildContext(), ...buildLeagues(), ...buildWater()];
  const problems = layers.flatMap((l) =>
    validateLayer(
      l.id,
      l.collection,
      l.id.includes('province') || l.id.includes('countr') || l.id === 'context-labels' ? 'id' : 'zoneId',
    ),
  );
  if (problems.length > 0) {
    const lines = problems.slice(0, 20).map((p) => `  layer ${p.layer}, feature ${p.feature}: ${p.problem}`);
    throw new Error(`build-layers: ${problems.length} invalid feature(s):\n${lines.join('\n')}`);
  }
  mkdirSync(outDir, { recursive: true });
  return layers.map((l) => {
    const text = serializeCollection(l.collection, {
      layer: l.id,
      sources: sourceRecords(l.sources),
      method: l.method,
    });
    writeFileSync(join(outDir, `${l.id}.geojson`), text);
    return { id: l.id, features: l.collection.features.length, bytes: Buffer.byteLength(text) };
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const out = process.argv[2] ?? join(root, 'data', 'layers');
  try {
    const line = (r: { id: string; features: number; bytes: number }) =>
      `${r.id.padEnd(16)} ${String(r.features).padStart(4)} features ${String(r.bytes).padStart(9)} bytes`;
    for (const r of buildBaseLayers(out)) console.log(line(r));
    const counties = writeCountyLayers(out);
    for (const r of counties.files) console.log(line(r));
    const low = Math.min(...counties.checks.counties.map((c) => c.inLeague));
    console.log(`counties: each lies ≥ ${(low * 100).toFixed(1)} % in its league; county areas by league:`);
    for (const s of counties.checks.leagues)
      console.log(
        `  ${s.league.padEnd(17)} ${String(s.counties).padStart(2)} counties ${s.countyKm2.toFixed(0).padStart(7)} km², league ${s.leagueKm2.toFixed(0).padStart(7)} km² (${((s.countyKm2 / s.leagueKm2 - 1) * 100).toFixed(2)} %)`,
      );
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
