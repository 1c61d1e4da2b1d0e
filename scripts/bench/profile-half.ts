/**
 * One half of the split import (domain/projects/split-import.ts) step by step in Node, each step as a ratio to
 * `JSON.parse` of the whole file in the same process: where the import worker's "parse" and "validate" go. Then
 * the half encoded both ways — by JSON.parse and the normalisation stages, and by the flat reading the import
 * takes first — and whether their EBL1 bytes are the same. The file is written once under the system's tmp.
 * `npx tsx scripts/bench/profile-half.ts [farmland|redline] [parcels]`
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { readFeatureHalf, splitHead } from '../../web/domain/importers/geojson-split.ts';
import { encodeFlatHalf, encodeParsedHalf, halfBytes } from '../../web/domain/projects/split-import.ts';
import { checkedLayerData } from '../../web/domain/projects/stored-layer.ts';
import { FARMLAND_BENCH, farmlandLayer } from '../../web/domain/screening/farmland-layer.ts';
import { encodeLayer } from '../../web/domain/screening/layer.ts';
import { BENCH_LAYER, syntheticLayer } from '../../web/domain/screening/synthetic-layer.ts';
import { writeLayerGeoJson } from '../lib/layer-geojson.ts';

const which = process.argv[2] === 'redline' ? 'redline' : 'farmland';
const parcels = Number(process.argv[3] ?? FARMLAND_BENCH.parcels);
const dir = join(tmpdir(), 'ebm-profile-half');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${which}-${which === 'farmland' ? parcels : 'bench'}.geojson`);
if (!existsSync(file)) {
  if (which === 'farmland') {
    const data = farmlandLayer({ ...FARMLAND_BENCH, parcels });
    writeLayerGeoJson(file, data, (f) => ({
      name: data.props.at(f)?.name,
      zoneType: data.props.at(f)?.zoneType,
    }));
  } else {
    writeLayerGeoJson(file, syntheticLayer(BENCH_LAYER), (f) => ({ name: `red line part ${f + 1}` }));
  }
}
const bytes = new Uint8Array(readFileSync(file));
const options = { source: 'wgs84' as const, layerId: 'x' };
const target = { layerId: 'farmland-permanent', label: { zh: '图层', en: 'layer' } };

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

for (let run = 0; run < 3; run++) {
  const [, whole] = time(() => JSON.parse(new TextDecoder().decode(bytes)));
  const plan = splitHead(file, bytes, options);
  if (!plan) throw new Error('not split');
  const mine = halfBytes(bytes, plan, 0);
  const [, parseOnly] = time(() => JSON.parse(`[${new TextDecoder().decode(mine)}]`));
  const t0 = performance.now();
  const half = await readFeatureHalf(mine, file, options);
  const read = performance.now() - t0;
  if (!half) throw new Error('half refused');
  const fc = { type: 'FeatureCollection', features: half.features } as FeatureCollection;
  const [checked, check] = time(() => checkedLayerData(fc, { ...target, firstIndex: 0 }));
  if (!checked.ok) throw new Error('check refused');
  const [, enc] = time(() => encodeLayer(checked.data));
  const t1 = performance.now();
  const parsed = await encodeParsedHalf(mine, file, options, target, 0);
  const parsedMs = performance.now() - t1;
  const t2 = performance.now();
  const flat = await encodeFlatHalf(mine, options, target, 0);
  const flatMs = performance.now() - t2;
  if (flat === 'not-plain' || !flat || !parsed)
    throw new Error(`flat ${flat === 'not-plain' ? 'not plain' : 'refused'}`);
  const same = Buffer.from(flat.ebl).equals(Buffer.from(parsed.ebl));
  const r = (x: number) => `${x.toFixed(0)} ms (${(x / whole).toFixed(2)}×)`;
  console.log(
    `${which} run ${run}: whole JSON.parse ${whole.toFixed(0)} ms | half: JSON.parse ${r(parseOnly)}, readFeatureHalf ${r(read)}, checkedLayerData ${r(check)}, encode ${r(enc)} | half encoded: JSON.parse path ${r(parsedMs)}, flat ${r(flatMs)}, same EBL1: ${same}`,
  );
}
