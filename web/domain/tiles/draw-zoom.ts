import type { LayerData } from '../screening/layer.ts';
import { USER_TILE_OPTIONS } from './user-tiles.ts';

// geojson-vt's projection: the world is the unit square
const projectX = (lng: number) => lng / 360 + 0.5;
const projectY = (lat: number) => {
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return Math.min(Math.max(y, 0), 1);
};

/** The largest outer ring of the layer, as an area in geojson-vt's projected units (the world = 1). */
export function largestOuterRingArea(data: LayerData): number {
  const { coords, ringStarts, partRingStarts } = data;
  let largest = 0;
  for (let p = 0; p + 1 < partRingStarts.length; p++) {
    const r = partRingStarts[p] as number;
    const from = ringStarts[r] as number;
    const to = ringStarts[r + 1] as number;
    // closed whether or not the stored ring repeats its first vertex
    const xf = projectX(coords[2 * from] as number);
    const yf = projectY(coords[2 * from + 1] as number);
    let [x0, y0] = [xf, yf];
    let twice = 0;
    for (let i = from + 1; i <= to; i++) {
      const x = i < to ? projectX(coords[2 * i] as number) : xf;
      const y = i < to ? projectY(coords[2 * i + 1] as number) : yf;
      twice += x0 * y - x * y0;
      x0 = x;
      y0 = y;
    }
    largest = Math.max(largest, Math.abs(twice) / 2);
  }
  return largest;
}

/**
 * The first zoom at which the layer's tiles hold any shape, or null for a layer with none. Below the max zoom
 * geojson-vt leaves out a ring whose area is under the square of the tolerance of that zoom (tolerance units of a
 * tile, `tolerance / (2^z · extent)` of the world): a layer of small parcels has nothing to draw when zoomed out.
 * The map shows a tile zoom from that map zoom on (a vector source's tiles are those of the zoom's floor).
 */
export function firstDrawnZoom(data: LayerData): number | null {
  if (data.partRingStarts.length < 2) return null;
  const area = largestOuterRingArea(data);
  const { tolerance, extent, maxZoom } = USER_TILE_OPTIONS;
  for (let z = 0; z < maxZoom; z++) {
    const t = tolerance / (2 ** z * extent);
    if (area >= t * t) return z;
  }
  return maxZoom;
}
