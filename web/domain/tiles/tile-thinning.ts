/**
 * A tile out of the max zoom that would weigh more than the budget keeps its largest shapes: the features by
 * area, largest first, while their weight fits (at least one is kept), in their original order. The tile index
 * scales the budget to what the tile really encodes to. Far out, a dense
 * layer (hundreds of thousands of small parcels, each with its own id and name) would otherwise make tiles of
 * several megabytes whose shapes are each about a pixel.
 */

/** A geojson-vt tile feature: rings of [x, y] tile units, its properties as tags. */
export interface TileFeatureLike {
  type: number;
  geometry: unknown;
  tags?: Record<string, unknown> | null;
}

function ringsOf(f: TileFeatureLike): readonly (readonly (readonly number[])[])[] {
  return f.type === 3 ? (f.geometry as (readonly number[])[][]) : [];
}

/** A polygon feature's area in tile units (outer rings minus holes); 0 for other types. */
export function tileFeatureArea(f: TileFeatureLike): number {
  let sum = 0;
  for (const ring of ringsOf(f)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[j] as readonly number[];
      const b = ring[i] as readonly number[];
      sum += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
    }
  }
  return Math.abs(sum) / 2;
}

/** The vertices of a feature's rings, as the map builds its outlines from them. */
export function tileFeatureVertices(f: TileFeatureLike): number {
  let n = 0;
  for (const ring of ringsOf(f)) n += ring.length;
  return n;
}

/**
 * An upper bound of the bytes a feature adds to a PBF tile: a point is at most two 3-byte varints (a tile's
 * coordinates stay within ±2^20), a ring's commands, the feature's header, and per property its two indices and
 * its value (a string at most 3 UTF-8 bytes a character, a number at most 10).
 */
export function tileFeatureWeight(f: TileFeatureLike): number {
  let w = 12;
  for (const ring of ringsOf(f)) w += 6 * ring.length + 12;
  for (const v of Object.values(f.tags ?? {})) w += 8 + (typeof v === 'string' ? 3 * v.length + 5 : 10);
  return w;
}

export function thinTileFeatures<F extends TileFeatureLike>(features: readonly F[], maxBytes: number): F[] {
  const weight = features.map(tileFeatureWeight);
  let total = 0;
  for (const w of weight) total += w;
  if (total <= maxBytes) return [...features];
  const area = features.map(tileFeatureArea);
  const order = features.map((_, i) => i).sort((a, b) => (area[b] as number) - (area[a] as number) || a - b);
  const keep = new Uint8Array(features.length);
  let used = 0;
  for (const i of order) {
    const w = weight[i] as number;
    if (used > 0 && used + w > maxBytes) break;
    keep[i] = 1;
    used += w;
  }
  return features.filter((_, i) => keep[i] === 1);
}
