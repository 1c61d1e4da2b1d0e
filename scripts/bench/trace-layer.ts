// The large layer the trace scripts (trace-reload.ts, trace-panzoom.ts) import: the bench's red line or farmland,
// named by the first argument, written as GeoJSON into the build they serve (BENCH_DIST, default dist), and imported
// as the bench imports it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FARMLAND_BENCH, farmlandLayer } from '../../web/domain/screening/farmland-layer.ts';
import { BENCH_LAYER, syntheticLayer } from '../../web/domain/screening/synthetic-layer.ts';
import { firstIdle, offlineCopyReady, openLayerInfo } from '../bench-user-layer.ts';
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
    writeLayerGeoJson(file, data, (f) => ({
      name: data.props.at(f)?.name,
      zoneType: data.props.at(f)?.zoneType,
    }));
  } else writeLayerGeoJson(file, syntheticLayer(BENCH_LAYER), (f) => ({ name: `red line part ${f + 1}` }));
  return file;
}

/**
 * Opens the app at `url`, waits for its offline copy, imports `file` through the layer's info view, and leaves the
 * page `settleMs` to write what it keeps (stored areas, tiles) and come to rest.
 */
export async function importTraceLayer(
  page: Page,
  url: string,
  file: string,
  settleMs: number,
): Promise<void> {
  await page.goto(url);
  await firstIdle(page);
  await offlineCopyReady(page);
  await openLayerInfo(page, layerId);
  await page.locator('dialog.layer-info input[type=file]').setInputFiles(file);
  await page.locator(`dialog.layer-info [data-user-layer="${layerId}"]`).waitFor({ timeout: 600_000 });
  await page.keyboard.press('Escape');
  await page.waitForTimeout(settleMs);
}
