// Every result of a fixed set of checks, written as JSON: run it on two revisions and compare the files byte for
// byte (`cmp`) to show that a change to the engine's speed left its answers alone. The bench's red line and a
// 60,000-parcel farmland, each with the registry's other screening layers; S, M, L and a 7-vertex project at three
// places each, two seeds; the app's options, geometry included. Not part of `npm run bench`.
//   npx tsx scripts/bench/engine-results.ts out.json
import { writeFileSync } from 'node:fs';
import { screenProject } from '../../web/domain/screening/engine.ts';
import { FARMLAND_BENCH, farmlandLayer } from '../../web/domain/screening/farmland-layer.ts';
import { BENCH_LAYER, syntheticLayer, syntheticProject } from '../../web/domain/screening/synthetic-layer.ts';
import { NODE_OPTIONS, PROJECT_SIZES, RED_CENTRE } from '../bench-user-layer.ts';
import { appLayers } from '../lib/node-checks.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: npx tsx scripts/bench/engine-results.ts out.json');
const cases = [
  {
    layers: appLayers('redline-illustrative', syntheticLayer(BENCH_LAYER)).build(),
    places: [RED_CENTRE, [111.2, 42.0], [112.3, 42.6]],
  },
  {
    layers: appLayers('farmland-permanent', farmlandLayer({ ...FARMLAND_BENCH, parcels: 60_000 })).build(),
    places: [
      [107.9, 40.85],
      [107.9, 40.5],
      [109.5, 40.0],
    ],
  },
];
// the bench's S, M and L, and a 7-vertex project 60 km across
const sizes = [...Object.values(PROJECT_SIZES), [60, 7] as const];
const results: unknown[] = [];
for (const { layers, places } of cases)
  for (const [lon, lat] of places as [number, number][])
    for (const [km, vertices] of sizes)
      for (const seed of [11, 12])
        results.push(screenProject(syntheticProject(seed, lon, lat, km, vertices), layers, NODE_OPTIONS));
writeFileSync(out, JSON.stringify(results));
console.log(`${results.length} results written to ${out}`);
process.exit(0);
