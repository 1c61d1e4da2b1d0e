/**
 * Guards a screening layer before any check runs against it. A layer that cannot give a true answer (empty,
 * projected metres, a damaged binary) is refused; a layer with invalid geometry is loaded with a warning that
 * travels into every result (`LayerSummary.warnings`). The worker, the CLI and tests all use this one step, so
 * none of them can answer "no overlap" for a layer it could not really read.
 */
import { validateProject } from '../geo/validate-polygon.ts';
import {
  coordsEnd,
  decodeLayer,
  decodeLayerRest,
  featureCoordinates,
  HEADER_BYTES,
  indexLayer,
  jsonStart,
  type LayerCounts,
  type LayerData,
  type LayerIndex,
  layerByteLength,
  layerCounts,
  type ProgressFn,
  type ReadBytes,
} from './layer.ts';
import {
  clipName,
  defaultLabel,
  enOf,
  featureId,
  featureNames,
  featureOfVertex,
  issue,
  type LayerCheck,
  type LayerCheckOptions,
  type LayerIssue,
  type LayerLabel,
  zhOf,
} from './layer-issues.ts';
import { propsPrefixBytes, StoredProps } from './layer-props.ts';

export type {
  LayerCheck,
  LayerCheckOptions,
  LayerIssue,
  LayerIssueCode,
  LayerLabel,
} from './layer-issues.ts';

/** Same cap as the importers use for user layers (LAYER_LIMITS.maxVerticesForSelfIntersectionCheck). */
export const MAX_VERTICES_CHECKED_PER_FEATURE = 200_000;
const EXAMPLES = 3;

/** JSON text of a layer: a syntax error is an issue (with the parser's words), not an exception. */
export function parseLayerJson(
  text: string,
  label: LayerLabel,
): { ok: true; value: unknown } | { ok: false; errors: LayerIssue[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const detail = String(e instanceof Error ? e.message : e).slice(0, 100);
    return {
      ok: false,
      errors: [
        issue(
          'layer-not-feature-collection',
          'error',
          label,
          `图层“${clipName(zhOf(label))}”不是有效的 JSON（${detail}）。`,
          `Layer “${clipName(enOf(label))}” is not valid JSON (${detail}).`,
        ),
      ],
    };
  }
}

/** A parsed JSON value that should be a layer: a FeatureCollection with a features array. */
export function checkLayerGeoJson(json: unknown, label: LayerLabel): LayerIssue[] {
  const o = json as { type?: unknown; features?: unknown } | null;
  const what =
    json === null
      ? 'null'
      : Array.isArray(json)
        ? 'an array'
        : typeof json !== 'object'
          ? `a ${typeof json}`
          : typeof o?.type === 'string'
            ? `a ${clipName(o.type)}`
            : 'an object without "type"';
  if (!o || typeof o !== 'object' || o.type !== 'FeatureCollection') {
    return [
      issue(
        'layer-not-feature-collection',
        'error',
        label,
        `图层“${clipName(zhOf(label))}”不是 GeoJSON 要素集合（FeatureCollection），而是 ${what}。`,
        `Layer “${clipName(enOf(label))}” is not a GeoJSON FeatureCollection but ${what}.`,
      ),
    ];
  }
  if (!Array.isArray(o.features)) {
    return [
      issue(
        'layer-not-feature-collection',
        'error',
        label,
        `图层“${clipName(zhOf(label))}”的 "features" 不是数组。`,
        `Layer “${clipName(enOf(label))}”: "features" is not an array.`,
      ),
    ];
  }
  return [];
}

function corrupt(label: LayerLabel, detail: string): LayerIssue {
  return issue(
    'layer-corrupt',
    'error',
    label,
    `图层文件“${clipName(zhOf(label))}”已损坏或不是审查图层（${detail}）。`,
    `Layer file “${clipName(enOf(label))}” is damaged or not a screening layer (${detail}).`,
  );
}

type Decoded = { ok: true; data: LayerData } | { ok: false; errors: LayerIssue[] };

/** decodeLayer with every offset checked against the buffer first: garbage or truncation is an issue, not a throw. */
export function decodeLayerChecked(buf: ArrayBuffer, label: LayerLabel, propsLayout?: ArrayBuffer): Decoded {
  return decodeChecked(buf, buf.byteLength, label, () => decodeLayer(buf, 0, propsLayout));
}

/**
 * A stored layer from its EBL1 buffer's header (`head`, its first 32 bytes or more) and the part after its
 * coordinates (`rest`, from `coordsEnd`), checked as decodeLayerChecked checks a whole buffer of `byteLength` bytes.
 * Its coordinates are zeros, to be read in (partial-layer.ts); the buffer for them is only touched as they are.
 * `rest` may end after the offsets and the JSON block's first bytes (propsPrefixBytes of `propsLayout`): the
 * features' properties are then read with `read` as they are asked for.
 */
export function decodeLayerPartsChecked(
  head: ArrayBuffer,
  rest: ArrayBuffer,
  byteLength: number,
  label: LayerLabel,
  propsLayout?: ArrayBuffer,
  read?: ReadBytes,
): Decoded {
  return decodeChecked(head, byteLength, label, (c) => {
    const json = jsonStart(c);
    const whole = rest.byteLength === byteLength - coordsEnd(c);
    const prefix = propsLayout && propsPrefixBytes(propsLayout, c.featureCount, c.metaBytes);
    if (!whole && !(read && prefix && rest.byteLength === json - coordsEnd(c) + prefix))
      throw new Error('offsets and properties cut short');
    const readJson = read && ((s: number, e: number) => new Uint8Array(read(json + s, json + e)));
    return decodeLayerRest(c, rest, 0, new Float64Array(2 * c.vertexCount), propsLayout, readJson);
  });
}

function decodeChecked(
  head: ArrayBuffer,
  byteLength: number,
  label: LayerLabel,
  decode: (c: LayerCounts) => LayerData,
): Decoded {
  const fail = (detail: string) => ({ ok: false as const, errors: [corrupt(label, detail)] });
  if (byteLength < HEADER_BYTES)
    return fail(`${byteLength} bytes, shorter than the ${HEADER_BYTES}-byte header`);
  const c = layerCounts(head);
  if (!c) return fail('no EBL1 signature');
  const need = layerByteLength(c);
  if (need > byteLength) return fail(`truncated: ${byteLength} of ${need} bytes`);
  let data: LayerData;
  try {
    data = decode(c);
  } catch (e) {
    return fail(`unreadable: ${String(e instanceof Error ? e.message : e).slice(0, 80)}`);
  }
  const monotone = (a: Uint32Array, last: number) => {
    if (a[0] !== 0 || a[a.length - 1] !== last) return false;
    for (let i = 1; i < a.length; i++) if ((a[i] as number) < (a[i - 1] as number)) return false;
    return true;
  };
  if (!monotone(data.ringStarts, c.vertexCount)) return fail('ring offsets out of order');
  if (!monotone(data.partRingStarts, c.ringCount)) return fail('part offsets out of order');
  if (!monotone(data.featurePartStarts, c.partCount)) return fail('feature offsets out of order');
  if (!data.meta || typeof data.meta.id !== 'string') return fail('no layer id in the metadata');
  if (
    !(Array.isArray(data.props) || data.props instanceof StoredProps) ||
    data.props.length !== c.featureCount
  )
    return fail('feature properties do not match the feature count');
  return { ok: true, data };
}

/**
 * The first vertex in [v0, v1) that is not a longitude/latitude pair, as the issue that refuses its layer; null when
 * there is none.
 */
export function badCoordinate(data: LayerData, v0: number, v1: number, label: LayerLabel): LayerIssue | null {
  const c = data.coords;
  for (let v = v0; v < v1; v++) {
    const x = c[2 * v] as number;
    const y = c[2 * v + 1] as number;
    if (Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= 180 && Math.abs(y) <= 90) continue;
    const L = { zh: clipName(zhOf(label)), en: clipName(enOf(label)) };
    const fv = featureOfVertex(data, v);
    const fid = featureId(data, fv);
    const fname = featureNames(data, fv);
    if (!Number.isFinite(x) || !Number.isFinite(y))
      return issue(
        'layer-bad-coordinate',
        'error',
        label,
        `图层“${L.zh}”要素 ${fname.zh} 有无效坐标（${x}, ${y}），不予审查。`,
        `Layer “${L.en}”, feature ${fname.en}: invalid coordinate (${x}, ${y}); the layer is refused.`,
        { featureId: fid },
      );
    return issue(
      'layer-not-lonlat',
      'error',
      label,
      `图层“${L.zh}”要素 ${fname.zh} 的坐标（${x}, ${y}）不是经纬度，可能是投影米制坐标（如高斯-克吕格）：按经纬度审查只会得出错误的“无压占”，因此不予审查。请先转换为 CGCS2000 经纬度（例如附 .prj 的 Shapefile 压缩包会自动转换）。`,
      `Layer “${L.en}”, feature ${fname.en}: coordinate (${x}, ${y}) is not longitude/latitude but probably projected metres (e.g. Gauss–Krüger); checked as lon/lat it could only give a false “no overlap”, so the layer is refused. Convert it to CGCS2000 lon/lat first (a zipped Shapefile with its .prj is converted on import).`,
      { featureId: fid, at: [x, y] },
    );
  }
  return null;
}

/**
 * Refuses a layer that cannot be screened truthfully: empty, invalid or projected (non lon/lat) coordinates.
 * With `geometry`, also warns about every feature with invalid geometry (costly on large layers: the screening
 * itself checks only the features a check touches, see geometryWarnings).
 */
export function validateLayer(
  data: LayerData,
  options: LayerCheckOptions & {
    geometry?: boolean;
    /** the coordinates are not here yet: each feature's are checked as they are read in (partial-layer.ts) */
    coordsLater?: boolean;
  } = {},
): LayerCheck {
  const label = options.label ?? defaultLabel(data);
  const L = { zh: clipName(zhOf(label)), en: clipName(enOf(label)) };
  const errors: LayerIssue[] = [];
  const warnings: LayerIssue[] = [];
  const featureCount = data.featurePartStarts.length - 1;
  if (featureCount <= 0 || data.coords.length === 0) {
    errors.push(
      issue(
        'layer-empty',
        'error',
        label,
        `图层“${L.zh}”没有面要素：对它审查只会得出“无压占”，因此不予审查。请检查图层文件。`,
        `Layer “${L.en}” has no polygon features: a check against it could only say “no overlap”, so it is refused. Check the layer file.`,
      ),
    );
    return { errors, warnings };
  }
  const bad = options.coordsLater ? null : badCoordinate(data, 0, data.coords.length / 2, label);
  if (bad) {
    errors.push(bad);
    return { errors, warnings };
  }

  if (options.geometry) {
    const all = Array.from({ length: featureCount }, (_, f) => f);
    warnings.push(...geometryIssues(data, all, label, options.maxVerticesPerFeature));
  }
  return { errors, warnings };
}

type FeatureVerdict =
  | { ok: true }
  | { ok: false; zh: string; en: string; at?: [number, number] }
  | 'unchecked';

function checkFeature(data: LayerData, f: number, cap: number): FeatureVerdict {
  const p0 = data.featurePartStarts[f] as number;
  const p1 = data.featurePartStarts[f + 1] as number;
  const r0 = data.partRingStarts[p0] as number;
  const r1 = data.partRingStarts[p1] as number;
  if ((data.ringStarts[r1] as number) - (data.ringStarts[r0] as number) > cap) return 'unchecked';
  const v = validateProject({ type: 'MultiPolygon', coordinates: featureCoordinates(data, f) });
  if (v.ok) return { ok: true };
  const first = v.errors[0];
  return { ok: false, zh: first?.zh ?? '', en: first?.en ?? '', ...(first?.at ? { at: first.at } : {}) };
}

function geometryIssues(
  data: LayerData,
  features: Iterable<number>,
  label: LayerLabel,
  cap = MAX_VERTICES_CHECKED_PER_FEATURE,
  verdictOf: (f: number) => FeatureVerdict = (f) => checkFeature(data, f, cap),
): LayerIssue[] {
  const L = { zh: clipName(zhOf(label)), en: clipName(enOf(label)) };
  const invalid: {
    fid: string;
    name: { zh: string; en: string };
    zh: string;
    en: string;
    at?: [number, number];
  }[] = [];
  const unchecked: string[] = [];
  for (const f of features) {
    const v = verdictOf(f);
    if (v === 'unchecked') unchecked.push(featureId(data, f));
    else if (!v.ok)
      invalid.push({
        fid: featureId(data, f),
        name: featureNames(data, f),
        zh: v.zh,
        en: v.en,
        ...(v.at ? { at: v.at } : {}),
      });
  }
  const out: LayerIssue[] = [];
  const more = (n: number) => (n > EXAMPLES ? ' …' : '');
  if (invalid.length > 0) {
    const ex = invalid.slice(0, EXAMPLES);
    const listZh = ex.map((i) => `要素 ${i.name.zh}：${i.zh}`).join('；');
    const listEn = ex.map((i) => `feature ${i.name.en}: ${i.en}`).join('; ');
    const first = invalid[0] as (typeof invalid)[number];
    out.push(
      issue(
        'layer-invalid-geometry',
        'warning',
        label,
        `图层“${L.zh}”有 ${invalid.length} 个要素几何无效（自相交、环交叉等），与这些要素的压占面积和距离可能不准确，“无压占”也不可靠：${listZh}${more(invalid.length)}`,
        `Layer “${L.en}” has ${invalid.length} feature(s) with invalid geometry (self-intersection, crossing rings, …): overlap areas and distances involving them may be wrong and “no overlap” is not reliable: ${listEn}${more(invalid.length)}`,
        { featureId: first.fid, ...(first.at ? { at: first.at } : {}) },
      ),
    );
  }
  if (unchecked.length > 0) {
    const ids = unchecked.slice(0, EXAMPLES).map(clipName).join(', ');
    out.push(
      issue(
        'layer-geometry-unchecked',
        'warning',
        label,
        `图层“${L.zh}”有 ${unchecked.length} 个要素超过 ${cap} 个顶点，未检查几何有效性（${ids}${more(unchecked.length)}）。`,
        `Layer “${L.en}”: ${unchecked.length} feature(s) over ${cap} vertices were not checked for invalid geometry (${ids}${more(unchecked.length)}).`,
        { featureId: unchecked[0] as string },
      ),
    );
  }
  return out;
}

interface GeometryCache {
  label: LayerLabel;
  verdicts: Map<number, FeatureVerdict>;
}
const caches = new WeakMap<LayerIndex, GeometryCache>();

function cacheOf(index: LayerIndex): GeometryCache {
  let c = caches.get(index);
  if (!c) {
    c = { label: defaultLabel(index.data), verdicts: new Map() };
    caches.set(index, c);
  }
  return c;
}

/**
 * Invalid geometry among the features a check relied on: those whose box meets the project's, and those it
 * names (overlapped, within a buffer, nearest; by feature number). Each feature is checked once per loaded layer, so
 * a large layer costs nothing up front and a check only pays for the features it touches.
 */
export function geometryWarnings(
  index: LayerIndex,
  projectBBox: readonly [number, number, number, number],
  namedFeatures: Iterable<number>,
): LayerIssue[] {
  const c = cacheOf(index);
  const data = index.data;
  const features = new Set<number>(index.featureCount > 0 ? index.tree.search(...projectBBox) : []);
  for (const f of namedFeatures) if (f >= 0 && f < index.featureCount) features.add(f);
  const sorted = [...features].sort((a, b) => a - b);
  return geometryIssues(data, sorted, c.label, MAX_VERTICES_CHECKED_PER_FEATURE, (f) => {
    let v = c.verdicts.get(f);
    if (v === undefined) {
      v = checkFeature(data, f, MAX_VERTICES_CHECKED_PER_FEATURE);
      c.verdicts.set(f, v);
    }
    return v;
  });
}

/** Validates, then indexes: the one way a layer becomes screenable. Warnings ride on the index into results. */
export function prepareLayer(
  data: LayerData,
  options: LayerCheckOptions & {
    onProgress?: ProgressFn;
    /** an index kept with the layer (stored-index.ts); null when it does not fit, and the layer is indexed */
    storedIndex?: (data: LayerData) => LayerIndex | null;
    /** as validateLayer's; such a layer needs its stored index */
    coordsLater?: boolean;
  } = {},
): { ok: true; index: LayerIndex; warnings: LayerIssue[] } | { ok: false; errors: LayerIssue[] } {
  const check = validateLayer(data, options);
  if (check.errors.length > 0) return { ok: false, errors: check.errors };
  const stored = options.storedIndex?.(data) ?? null;
  if (!stored && options.coordsLater) throw new Error('a layer without its coordinates needs its kept index');
  const index = stored ?? indexLayer(data, options.onProgress);
  index.warnings = check.warnings;
  caches.set(index, { label: options.label ?? defaultLabel(data), verdicts: new Map() });
  return { ok: true, index, warnings: check.warnings };
}

/** One line per issue, Chinese first: what the CLI prints and the worker's error message carries. */
export const issueLine = (i: { zh: string; en: string }): string => `${i.zh} / ${i.en}`;
