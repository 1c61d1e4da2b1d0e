// The large layer the trace scripts (trace-reload.ts, trace-panzoom.ts) import: the bench's red line or farmland,
// named by the first argument, written as GeoJSON into the build they serve (BENCH_DIST, default dist).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FARMLAND_BENCH, farmlandLayer } from '../../web/domain/screening/farmland-layer.ts';
import { BENCH_LAYER, syntheticLayer } from '../../web/domain/screening/synthetic-layer.ts';
import { writeLayerGeoJson } from '../lib/layer-geojson.ts';

export const which = process.argv[2] === 'farmland' ? 'farmland' : 'redline';
export const DIST = join(import.meta.dirname, '..', '..', process.env.BENCH_DIST ?? 'dist');
export const layerId = which === 'farmland' ? 'farmland-permanent' : 'redline-illustrative';
/** where the bench's S project lies and the layer is densest (scripts/bench-user-layer.ts) */
export const CENTRE: [number, number] = which === 'farmland' ? [107.9, 40.85] : [111.7222 + 0.035, 42.2495];

/** Writes the layer's GeoJSON under DIST/bench-data and returns its path. */
export function writeTraceLayer(): string {
  const dir = join(DIST, 'bench-data');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `trace-${which}.geojson`);
  if (which === 'farmland') {
    const data = farmlandLayer(FARMLAND_BENCH);
    writeLayerGeoJson(file, data, (f) => ({ name: data.props[f]?.name, zoneType: data.props[f]?.zoneType }));
  } else writeLayerGeoJson(file, syntheticLayer(BENCH_LAYER), (f) => ({ name: `red line part ${f + 1}` }));
  return file;
}
