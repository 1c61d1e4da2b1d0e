import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** echarts ≤ 4 ships its maps with rings "UTF8-encoded": zig-zag delta pairs offset by 64, scaled by 1024. */
interface EncodedGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
  encodeOffsets: unknown;
}

export interface EchartsMap {
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: { id?: string; properties: { name: string; cp?: [number, number] }; geometry: EncodedGeometry }[];
}

function decodeRing(encoded: string, offsets: [number, number], scale: number): Position[] {
  const out: Position[] = [];
  let prevX = offsets[0];
  let prevY = offsets[1];
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    out.push([x / scale, y / scale]);
  }
  return out;
}

export interface DecodedProps {
  id: string;
  name: string;
  cp: [number, number] | null;
}

export function decodeEchartsMap(map: EchartsMap): FeatureCollection<Polygon | MultiPolygon, DecodedProps> {
  const scale = map.UTF8Scale ?? 1024;
  const features: Feature<Polygon | MultiPolygon, DecodedProps>[] = map.features.map((f) => {
    const g = f.geometry;
    const props: DecodedProps = {
      id: String(f.id ?? ''),
      name: f.properties.name,
      cp: f.properties.cp ?? null,
    };
    if (!map.UTF8Encoding) {
      return { type: 'Feature', properties: props, geometry: g as unknown as Polygon | MultiPolygon };
    }
    if (g.type === 'Polygon') {
      const rings = g.coordinates as string[];
      const offs = g.encodeOffsets as [number, number][];
      return {
        type: 'Feature',
        properties: props,
        geometry: {
          type: 'Polygon',
          coordinates: rings.map((r, i) => decodeRing(r, offs[i] ?? [0, 0], scale)),
        },
      };
    }
    const polys = g.coordinates as string[][];
    const offs = g.encodeOffsets as [number, number][][];
    return {
      type: 'Feature',
      properties: props,
      geometry: {
        type: 'MultiPolygon',
        coordinates: polys.map((p, i) => p.map((r, j) => decodeRing(r, offs[i]?.[j] ?? [0, 0], scale))),
      },
    };
  });
  return { type: 'FeatureCollection', features };
}
