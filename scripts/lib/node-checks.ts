// The Node side of the browser-vs-Node comparison: the same check the app runs (every screening layer of the
// registry, the bench layer in place of the one the user replaced, the app's options), timed in this process.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screeningLayerDefs, screeningLayerMeta } from '../../layers/screening.ts';
import { type ScreenOptions, screenProject } from '../../web/domain/screening/engine.ts';
import {
  decodeLayer,
  encodeLayer,
  type GeoJsonFeatureCollection,
  type LayerData,
  type LayerIndex,
  layerFromGeoJson,
  warmAreas,
} from '../../web/domain/screening/layer.ts';
import { prepareLayer } from '../../web/domain/screening/layer-check.ts';
import { layerFeatures } from '../../web/domain/screening/layer-features.ts';

const ROOT = join(import.meta.dirname, '..', '..');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function prepared(data: LayerData): LayerIndex {
  const p = prepareLayer(data);
  if (!p.ok) throw new Error(`bench layer refused: ${p.errors.map((e) => e.en).join('; ')}`);
  return p.index;
}

/** The registry's screening layers as the app reads them, with `data` standing in for `replacedId`. */
export function appLayers(replacedId: string, data: LayerData): { ids: string[]; build: () => LayerIndex[] } {
  const defs = screeningLayerDefs().filter(
    (d) => d.id === replacedId || existsSync(join(ROOT, 'data', 'layers', d.data)),
  );
  const bin = new Map<string, ArrayBuffer>();
  for (const def of defs) {
    if (def.id === replacedId) {
      bin.set(def.id, encodeLayer({ ...data, meta: screeningLayerMeta(def, 'bench') }));
      continue;
    }
    const json = JSON.parse(readFileSync(join(ROOT, 'data', 'layers', def.data), 'utf8'));
    const layer = layerFromGeoJson(
      layerFeatures(json as GeoJsonFeatureCollection),
      screeningLayerMeta(def, def.data),
    );
    bin.set(def.id, encodeLayer(layer));
  }
  return {
    ids: defs.map((d) => d.id),
    // from the binary form, as the worker holds them: decode, validate, index
    build: () => defs.map((d) => prepared(decodeLayer((bin.get(d.id) as ArrayBuffer).slice(0)))),
  };
}

export interface NodeCheck {
  /** first check on freshly indexed layers (ring areas not cached) */
  coldMs: number;
  /** median of `reps` checks once every ring area is cached (the worker warms them while idle) */
  warmMs: number;
  overlaps: number;
}

export function nodeCheck(
  layers: ReturnType<typeof appLayers>,
  project: unknown,
  options: ScreenOptions,
  reps = 5,
): NodeCheck {
  const fresh = layers.build();
  let t = performance.now();
  const first = screenProject(project, fresh, options);
  const coldMs = performance.now() - t;
  if (!first.ok) throw new Error('bench project refused');
  for (const ix of fresh) warmAreas(ix, Number.POSITIVE_INFINITY);
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    t = performance.now();
    screenProject(project, fresh, options);
    times.push(performance.now() - t);
  }
  return { coldMs, warmMs: median(times), overlaps: first.result.overlaps.length };
}
