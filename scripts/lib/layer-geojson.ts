// Writes a screening layer (LayerData) as the GeoJSON file a user would load: one MultiPolygon feature per
// layer feature, closed rings, the properties the caller picks. Written in chunks (the files are ~100 MB).
import { closeSync, openSync, writeSync } from 'node:fs';
import { featureCoordinates, type LayerData } from '../../web/domain/screening/layer.ts';

export function writeLayerGeoJson(
  file: string,
  data: LayerData,
  properties: (f: number) => Record<string, unknown>,
): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, '{"type":"FeatureCollection","features":[\n');
    const n = data.featurePartStarts.length - 1;
    let chunk: string[] = [];
    for (let f = 0; f < n; f++) {
      chunk.push(
        JSON.stringify({
          type: 'Feature',
          properties: properties(f),
          geometry: { type: 'MultiPolygon', coordinates: featureCoordinates(data, f) },
        }),
      );
      if (chunk.length === 5000 || f === n - 1) {
        writeSync(fd, `${chunk.join(',\n')}${f === n - 1 ? '\n' : ',\n'}`);
        chunk = [];
      }
    }
    writeSync(fd, ']}\n');
  } finally {
    closeSync(fd);
  }
}
