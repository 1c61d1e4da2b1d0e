/**
 * Reading the CLI's files: the boundary through the app's importers (every format, same messages), layers
 * like the app's user layers (importer, purpose 'layer') or as binary .ebl, and every layer through the one
 * layer validation step (web/domain/screening/layer-check.ts) that the app's screening worker also runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { layerBadge } from '../../layers/badge.ts';
import { screeningLayerMeta, screeningPlan } from '../../layers/screening.ts';
import type { LayerDef } from '../../layers/types.ts';
import { importBoundary } from '../../web/domain/importers/index.ts';
import type {
  BoundaryFeature,
  CoordinateSource,
  DomParserLike,
  ImportMessage,
} from '../../web/domain/importers/types.ts';
import type {
  GeoJsonFeatureCollection,
  LayerData,
  LayerIndex,
  LayerMeta,
} from '../../web/domain/screening/layer.ts';
import { layerFromGeoJson } from '../../web/domain/screening/layer.ts';
import {
  checkLayerGeoJson,
  decodeLayerChecked,
  type LayerIssue,
  parseLayerJson,
  prepareLayer,
} from '../../web/domain/screening/layer-check.ts';
import { layerFeatures } from '../../web/domain/screening/layer-features.ts';

/** xmldom for KML/KMZ/GPX: Node has no DOMParser; it does not expand entities (no XXE, no billion laughs). */
export const NODE_DOM_PARSER = DOMParser as unknown as DomParserLike;

/** Something the user must fix in a file: messages (one line each) and exit code 1. */
export class InputError extends Error {
  constructor(
    readonly stage: 'boundary' | 'layer',
    readonly file: string,
    readonly errors: (ImportMessage | LayerIssue)[],
    readonly warnings: (ImportMessage | LayerIssue)[] = [],
  ) {
    super(errors.map((e) => e.en).join('\n'));
  }
}

const ROOT = path.join(import.meta.dirname, '..', '..');

function fsProblem(stage: 'boundary' | 'layer', file: string, e: unknown): InputError {
  const code = (e as { code?: string }).code;
  const why =
    code === 'ENOENT'
      ? { zh: '文件不存在', en: 'no such file' }
      : code === 'EISDIR'
        ? { zh: '这是一个文件夹，不是文件', en: 'is a folder, not a file' }
        : code === 'EACCES' || code === 'EPERM'
          ? { zh: '没有读取权限', en: 'permission denied' }
          : {
              zh: `无法读取（${code ?? 'error'}）`,
              en: `cannot be read (${code ?? String(e).slice(0, 80)})`,
            };
  return new InputError(stage, file, [
    {
      file,
      code: 'read-failed',
      severity: 'error',
      zh: `${file}：${why.zh}。`,
      en: `${file}: ${why.en}.`,
    },
  ]);
}

/** A File-like view of a path: size first (the importer checks its limit before reading), bytes on demand. */
function fileInput(stage: 'boundary' | 'layer', file: string) {
  let size: number;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw fsProblem(stage, file, e);
  }
  return {
    name: path.basename(file),
    size,
    arrayBuffer: async (): Promise<ArrayBuffer> => {
      try {
        const b = fs.readFileSync(file);
        return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
      } catch (e) {
        throw fsProblem(stage, file, e);
      }
    },
  };
}

export interface Boundary {
  project: { type: 'FeatureCollection'; features: BoundaryFeature[] };
  format: string;
  crs: string;
  warnings: ImportMessage[];
}

export async function readBoundary(file: string, source: CoordinateSource): Promise<Boundary> {
  const input = fileInput('boundary', file);
  const r = await importBoundary(input, { source, domParser: NODE_DOM_PARSER });
  if (!r.ok) throw new InputError('boundary', file, r.errors, r.warnings);
  return {
    project: { type: 'FeatureCollection', features: r.features },
    format: r.format,
    crs: r.crs,
    warnings: r.warnings,
  };
}

export interface LoadedLayer {
  file: string;
  index: LayerIndex;
  /** importer warnings and validateLayer warnings */
  warnings: (ImportMessage | LayerIssue)[];
  badge: 'schematic' | 'user' | null;
}

function prepare(
  file: string,
  data: LayerData,
  importWarnings: ImportMessage[],
  badge: LoadedLayer['badge'],
) {
  const p = prepareLayer(data, { label: path.basename(file) });
  if (!p.ok) throw new InputError('layer', file, p.errors, importWarnings);
  return { file, index: p.index, warnings: [...importWarnings, ...p.warnings], badge };
}

/** A layer file; with `def` (`--layer <id>=<file>`) it stands for that registry layer, with its rule table. */
export async function readLayer(file: string, def?: LayerDef): Promise<LoadedLayer> {
  const name = path.basename(file);
  const input = fileInput('layer', file);
  if (/\.ebl$/i.test(name)) {
    const d = decodeLayerChecked(await input.arrayBuffer(), name);
    if (!d.ok) throw new InputError('layer', file, d.errors);
    const data = def ? { ...d.data, meta: screeningLayerMeta(def, name) } : d.data;
    return prepare(file, data, [], 'user');
  }
  const r = await importBoundary(input, { source: 'wgs84', purpose: 'layer', domParser: NODE_DOM_PARSER });
  if (!r.ok) throw new InputError('layer', file, r.errors, r.warnings);
  const id = name.replace(/\.[^.]+$/, '') || name;
  const mtime = fs.statSync(file).mtime.toISOString();
  const version = `${name} · ${mtime}`;
  const meta: LayerMeta = def ? screeningLayerMeta(def, version) : { id, version };
  const fc = layerFeatures({ type: 'FeatureCollection', features: r.features } as GeoJsonFeatureCollection);
  return prepare(file, layerFromGeoJson(fc, meta), r.warnings, 'user');
}

/**
 * Without a plain --layer: the layers the app screens against (layers/screening.ts), read from data/layers as the
 * worker does, or from the file given for them (`--layer <id>=<file>`); `notLoaded` are those with no data.
 */
export async function registryLayers(
  given: ReadonlyMap<string, string>,
): Promise<{ layers: LoadedLayer[]; notLoaded: LayerDef[] }> {
  const plan = screeningPlan(new Set(given.keys()));
  const layers: LoadedLayer[] = [];
  for (const def of plan.read) {
    const file = given.get(def.id);
    layers.push(file ? await readLayer(file, def) : builtInLayer(def));
  }
  return { layers, notLoaded: plan.notLoaded };
}

/** The app's screening layers that ship data, read from data/layers. */
export const defaultLayers = (): LoadedLayer[] => screeningPlan(new Set()).read.map(builtInLayer);

function builtInLayer(def: LayerDef): LoadedLayer {
  const file = path.join(ROOT, 'data', 'layers', def.data);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw fsProblem('layer', file, e);
  }
  const parsed = parseLayerJson(text, def.data);
  if (!parsed.ok) throw new InputError('layer', file, parsed.errors);
  const json = parsed.value;
  const bad = checkLayerGeoJson(json, def.data);
  if (bad.length > 0) throw new InputError('layer', file, bad);
  const meta = screeningLayerMeta(def, def.data);
  return prepare(
    file,
    layerFromGeoJson(layerFeatures(json as GeoJsonFeatureCollection), meta),
    [],
    layerBadge(def),
  );
}
