import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

const DECIMALS = 5;

function roundPos(p: Position): Position {
  const f = 10 ** DECIMALS;
  return [Math.round((p[0] ?? 0) * f) / f, Math.round((p[1] ?? 0) * f) / f];
}

export function roundGeometry<G extends Geometry>(g: G): G {
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: roundPos(g.coordinates) };
    case 'LineString':
    case 'MultiPoint':
      return { ...g, coordinates: g.coordinates.map(roundPos) };
    case 'Polygon':
    case 'MultiLineString':
      return { ...g, coordinates: g.coordinates.map((r) => dedupe(r.map(roundPos))) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map((r) => dedupe(r.map(roundPos)))) };
    default:
      return g;
  }
}

function dedupe(ring: Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]?.[0] || p[1] !== ring[i - 1]?.[1]);
}

/** One feature per line, keys in insertion order: stable bytes, readable diffs. */
export function serializeCollection(fc: FeatureCollection, meta: Record<string, unknown>): string {
  const lines = fc.features.map((f: Feature) =>
    JSON.stringify({ type: 'Feature', properties: f.properties, geometry: roundGeometry(f.geometry) }),
  );
  return `{"type":"FeatureCollection","metadata":${JSON.stringify(meta)},"features":[\n${lines.join(',\n')}\n]}\n`;
}
