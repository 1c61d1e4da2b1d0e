import { describe, expect, it } from 'vitest';
import { farmlandLayer } from '../../../web/domain/screening/farmland-layer.ts';
import type { LayerData } from '../../../web/domain/screening/layer.ts';
import { BENCH_LAYER, syntheticLayer } from '../../../web/domain/screening/synthetic-layer.ts';
import { firstDrawnZoom } from '../../../web/domain/tiles/draw-zoom.ts';
import { UserTileIndex } from '../../../web/src/map/tiles/user-tile-index.ts';

const lon2x = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const lat2y = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

/** Whether any tile of zoom z over the layer's extent holds a shape. */
function drawsAt(index: UserTileIndex, data: LayerData, z: number): boolean {
  let [w, s, e, n] = [180, 90, -180, -90];
  for (let i = 0; i < data.coords.length; i += 2) {
    const x = data.coords[i] as number;
    const y = data.coords[i + 1] as number;
    [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
  }
  for (let x = lon2x(w, z); x <= lon2x(e, z); x++)
    for (let y = lat2y(n, z); y <= lat2y(s, z); y++) if (index.tile(z, x, y).byteLength > 0) return true;
  return false;
}

describe('firstDrawnZoom: the first zoom whose tiles hold a shape of the layer', () => {
  it.each([
    ['farmland-like parcels (0.5–20 ha)', farmlandLayer({ seed: 7, parcels: 400 })],
    ['polygons of the whole region', syntheticLayer({ ...BENCH_LAYER, cols: 4, rows: 3, maxVertices: 200 })],
    [
      'polygons of a few hundred metres',
      syntheticLayer({ ...BENCH_LAYER, bbox: [111, 42, 111.02, 42.01], cols: 2, rows: 2, maxVertices: 200 }),
    ],
  ])('%s: nothing at the zoom before, something at it', (_, data) => {
    const z = firstDrawnZoom(data);
    expect(z).not.toBeNull();
    const index = UserTileIndex.fromLayer(data);
    expect(drawsAt(index, data, z as number)).toBe(true);
    if ((z as number) > 0) expect(drawsAt(index, data, (z as number) - 1)).toBe(false);
  });

  it('small parcels draw only zoomed in; the whole-region polygons at every zoom', () => {
    expect(firstDrawnZoom(farmlandLayer({ seed: 7, parcels: 400 }))).toBeGreaterThan(5);
    expect(firstDrawnZoom(syntheticLayer({ ...BENCH_LAYER, cols: 4, rows: 3, maxVertices: 200 }))).toBe(0);
  });
});
