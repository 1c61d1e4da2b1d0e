/**
 * "Where am I" in Node, as the app's screening worker answers it: the same layers (layers/point-layers.ts), loaded
 * as the worker loads a built-in layer (layerFeatures, then the handler's layer check and index), and the same
 * `point` request (web/domain/field/zones-here.ts). A user's file for a layer is given as its GeoJSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pointLayerDefs, pointLayerMeta, redLineIds } from '../../layers/point-layers.ts';
import type { PointReport } from '../../web/domain/field/zones-here.ts';
import type { GeoJsonFeatureCollection } from '../../web/domain/screening/layer.ts';
import { layerFeatures } from '../../web/domain/screening/layer-features.ts';
import {
  createScreeningHandler,
  type ScreeningResponse,
} from '../../web/domain/screening/worker-protocol.ts';

const DATA = path.join(import.meta.dirname, '..', '..', 'data', 'layers');

export type ZonesAtPoint = (lon: number, lat: number) => PointReport;

/** Loads the layers once; the returned function answers for any position. */
export function zonesAtPointLoader(userFiles: Record<string, GeoJsonFeatureCollection> = {}): ZonesAtPoint {
  const handle = createScreeningHandler();
  const defs = pointLayerDefs(userFiles);
  let id = 0;
  const ask = (req: Parameters<typeof handle>[0]): ScreeningResponse => {
    let out: ScreeningResponse | undefined;
    handle(req, (m) => {
      if (m.type !== 'progress') out = m;
    });
    if (!out) throw new Error('no answer');
    if (out.type === 'error') throw new Error(out.message);
    return out;
  };
  for (const def of defs) {
    const user = userFiles[def.id];
    const fc =
      user ?? (JSON.parse(fs.readFileSync(path.join(DATA, def.data), 'utf8')) as GeoJsonFeatureCollection);
    ask({
      type: 'loadLayer',
      requestId: ++id,
      format: 'geojson',
      geojson: layerFeatures(fc),
      meta: pointLayerMeta(def, user ? 'user' : def.data),
    });
  }
  const red = redLineIds(defs);
  return (lon, lat) => {
    const res = ask({ type: 'point', requestId: ++id, lon, lat, redLineIds: red });
    if (res.type !== 'pointReport') throw new Error(`unexpected answer ${res.type}`);
    return res.report;
  };
}
