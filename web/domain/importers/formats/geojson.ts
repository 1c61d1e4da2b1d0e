import type { Position } from 'geojson';
import { type Crs, CrsError, crsFromEpsg, crsFromName } from '../crs.ts';
import type { ParsedFeature, ParseOutput, TextImporter } from '../format.ts';
import { lineCol, locateJsonError } from '../json-locate.ts';
import { clip, ImportAbort, type Loc, loc, makeMessage, type Reporter } from '../messages.ts';
import { guardJsonNesting } from '../nesting.ts';

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const NAME_KEYS = ['name', 'Name', 'NAME', '名称', '地块名称', '项目名称', 'XMMC', 'title', 'DKMC'];

/** A display name for a feature from its properties (verbatim text). */
export function featureName(props: Record<string, unknown>): string | undefined {
  for (const k of NAME_KEYS) {
    const v = props[k];
    if (typeof v === 'string' && v.trim()) return v;
    if (typeof v === 'number') return String(v);
  }
  return undefined;
}

function show(v: unknown): string {
  if (typeof v === 'number') return String(v);
  try {
    return clip(JSON.stringify(v) ?? String(v), 40);
  } catch {
    return String(v);
  }
}

/** Read one position; reports and returns undefined if not two finite numbers. */
export function readPosition(v: unknown, rep: Reporter, where: Loc): Position | undefined {
  if (!Array.isArray(v) || v.length < 2) {
    rep.error('geojson-structure', where, {
      detail: `expected a position [lon, lat], found ${show(v)}`,
      detailZh: `应为坐标 [经度, 纬度]，实际为 ${show(v)}`,
    });
    return undefined;
  }
  const x = v[0];
  const y = v[1];
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    rep.error('coordinate-invalid', where, { value: show(x) });
    return undefined;
  }
  if (typeof y !== 'number' || !Number.isFinite(y)) {
    rep.error('coordinate-invalid', where, { value: show(y) });
    return undefined;
  }
  return [x, y];
}

/** Every position is exactly [x, y] of finite numbers: the ring is kept as parsed (no copy per position). */
function plainRing(v: unknown[]): v is Position[] {
  for (let i = 0; i < v.length; i++) {
    const p = v[i];
    if (!Array.isArray(p) || p.length !== 2) return false;
    const x = p[0];
    const y = p[1];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
      return false;
  }
  return true;
}

function readRing(v: unknown, rep: Reporter, where: Loc): Position[] | undefined {
  if (!Array.isArray(v)) {
    rep.error('geojson-structure', where, {
      detail: `a ring must be an array of positions, found ${show(v)}`,
      detailZh: `环应为坐标数组，实际为 ${show(v)}`,
    });
    return undefined;
  }
  if (plainRing(v)) return v;
  const out: Position[] = [];
  for (const p of v) {
    const pos = readPosition(p, rep, where);
    if (!pos) return undefined;
    out.push(pos);
  }
  return out;
}

function readPolygon(v: unknown, rep: Reporter, where: Loc, part?: number): Position[][] | undefined {
  if (!Array.isArray(v) || v.length === 0) {
    rep.error('geojson-structure', where, {
      detail: 'Polygon coordinates must be a non-empty array of rings, each an array of [lon, lat] positions',
      detailZh: 'Polygon 的 coordinates 应为非空的环数组，每个环是 [经度, 纬度] 坐标数组',
    });
    return undefined;
  }
  if (v.every((r) => typeof r === 'number')) {
    rep.error('geojson-structure', where, {
      detail: 'Polygon coordinates are nested too shallowly: expected [[[lon, lat], …]]',
      detailZh: 'Polygon 的 coordinates 嵌套层数不足：应为 [[[经度, 纬度], …]]',
    });
    return undefined;
  }
  const rings: Position[][] = [];
  for (let i = 0; i < v.length; i++) {
    const ring = readRing(v[i], rep, loc.ring(where, i, part));
    if (!ring) return undefined;
    rings.push(ring);
  }
  return rings;
}

/**
 * Polygons from a GeoJSON geometry. Closed LineStrings become polygons.
 * Returns 'skip' for points and open lines (the caller decides whether that is an error).
 */
export function readGeometry(
  g: unknown,
  rep: Reporter,
  where: Loc,
): { polygons: Position[][][] } | { skip: string } | undefined {
  if (g === null || g === undefined) return { skip: 'null' };
  if (!isObj(g) || typeof g.type !== 'string') {
    rep.error('geojson-structure', where, {
      detail: 'geometry must be an object with a "type"',
      detailZh: 'geometry 应为带 "type" 的对象',
    });
    return undefined;
  }
  const c = g.coordinates;
  switch (g.type) {
    case 'Polygon': {
      const p = readPolygon(c, rep, where);
      return p ? { polygons: [p] } : undefined;
    }
    case 'MultiPolygon': {
      if (!Array.isArray(c)) {
        rep.error('geojson-structure', where, {
          detail: 'MultiPolygon coordinates must be an array of polygons',
          detailZh: 'MultiPolygon 的 coordinates 应为多边形数组',
        });
        return undefined;
      }
      if (c.length > 0 && Array.isArray(c[0]) && Array.isArray(c[0][0]) && typeof c[0][0][0] === 'number') {
        rep.error('geojson-structure', where, {
          detail: 'MultiPolygon coordinates are nested like a Polygon: expected [[[[lon, lat], …]]]',
          detailZh: 'MultiPolygon 的 coordinates 按 Polygon 嵌套：应为 [[[[经度, 纬度], …]]]',
        });
        return undefined;
      }
      const polys: Position[][][] = [];
      for (let i = 0; i < c.length; i++) {
        const p = readPolygon(c[i], rep, where, i);
        if (!p) return undefined;
        polys.push(p);
      }
      if (polys.length === 0) return { skip: 'MultiPolygon (empty)' };
      return { polygons: polys };
    }
    case 'LineString':
    case 'MultiLineString': {
      const lines = g.type === 'LineString' ? [c] : Array.isArray(c) ? c : [c];
      const polys: Position[][][] = [];
      for (const l of lines) {
        const ring = readRing(l, rep, where);
        if (!ring) return undefined;
        const a = ring[0];
        const b = ring[ring.length - 1];
        const closed = ring.length >= 4 && a && b && a[0] === b[0] && a[1] === b[1];
        if (!closed) return { skip: `${g.type} (open line)` };
        polys.push([ring]);
      }
      if (polys.length === 0) return { skip: g.type };
      return { polygons: polys };
    }
    case 'GeometryCollection': {
      if (!Array.isArray(g.geometries)) {
        rep.error('geojson-structure', where, {
          detail: 'GeometryCollection needs a "geometries" array',
          detailZh: 'GeometryCollection 需要 "geometries" 数组',
        });
        return undefined;
      }
      const polys: Position[][][] = [];
      const skipped: string[] = [];
      for (const sub of g.geometries) {
        const r = readGeometry(sub, rep, where);
        if (!r) return undefined;
        if ('skip' in r) skipped.push(r.skip);
        else polys.push(...r.polygons);
      }
      if (polys.length === 0) return { skip: skipped[0] ?? 'GeometryCollection (empty)' };
      return { polygons: polys };
    }
    case 'Point':
    case 'MultiPoint':
      return { skip: g.type };
    default:
      rep.error('geometry-unsupported', where, { type: g.type });
      return undefined;
  }
}

/** Collect features from parsed GeoJSON-like objects (also used for togeojson's KML/GPX output). */
export function collectFeatures(features: unknown[], rep: Reporter): ParsedFeature[] {
  const out: ParsedFeature[] = [];
  const skipped: { where: Loc; type: string }[] = [];
  features.forEach((f, i) => {
    if (!isObj(f) || f.type !== 'Feature') {
      rep.error('geojson-structure', loc.feature(i), {
        detail: `expected an object with "type": "Feature", found ${show(isObj(f) ? f.type : f)}`,
        detailZh: `应为 "type": "Feature" 的对象，实际为 ${show(isObj(f) ? f.type : f)}`,
      });
      return;
    }
    if (f.properties !== undefined && f.properties !== null && !isObj(f.properties)) {
      rep.error('geojson-structure', loc.feature(i), {
        detail: '"properties" must be an object or null',
        detailZh: '"properties" 应为对象或 null',
      });
      return;
    }
    const properties = (isObj(f.properties) ? f.properties : {}) as Record<string, unknown>;
    const where = loc.feature(i, featureName(properties));
    if (f.geometry === undefined) {
      rep.error('geometry-missing', where);
      return;
    }
    const g = readGeometry(f.geometry, rep, where);
    if (!g) return;
    if ('skip' in g) {
      skipped.push({ where, type: g.skip });
      return;
    }
    const id =
      typeof f.id === 'string' || (typeof f.id === 'number' && Number.isFinite(f.id)) ? f.id : undefined;
    out.push({ polygons: g.polygons, properties, where, ...(id === undefined ? {} : { id }) });
  });
  if (skipped.length > 0) {
    if (out.length === 0 && !rep.hasErrors) {
      for (const s of skipped.slice(0, 20)) {
        if (s.type === 'null') rep.error('geometry-missing', s.where);
        else rep.error('geometry-unsupported', s.where, { type: s.type });
      }
    } else {
      rep.warn('features-skipped', undefined, { count: skipped.length });
    }
  }
  return out;
}

/** JSON.parse with a located message; a BOM is dropped and deep nesting refused before parsing. */
export function parseJson(text0: string, file: string, utf8?: Uint8Array): unknown {
  const text = text0.charCodeAt(0) === 0xfeff ? text0.slice(1) : text0;
  guardJsonNesting(text, file, utf8);
  try {
    return JSON.parse(text);
  } catch (e) {
    const found = locateJsonError(text);
    const m = e instanceof Error ? e.message : String(e);
    const at = found?.at ?? Number(/position (\d+)/.exec(m)?.[1] ?? text.length);
    const { line, column } = lineCol(text, at);
    const detail = found?.what ?? clip(m, 100);
    throw new ImportAbort(makeMessage(file, 'json-invalid', loc.position(line, column), { detail }));
  }
}

/**
 * The legacy GeoJSON 2008 `crs` member. Absent or null: lon/lat. A member that cannot be honoured is refused,
 * never ignored, since ignoring it would read metres or another datum as if they were WGS84 degrees.
 */
function readCrsMember(member: unknown, rep: Reporter): { crs?: Crs } | undefined {
  if (member === undefined || member === null) return {};
  const props = isObj(member) && isObj(member.properties) ? member.properties : undefined;
  let name: string | undefined;
  try {
    if (isObj(member) && member.type === 'name' && typeof props?.name === 'string') {
      name = props.name;
      const crs = crsFromName(name);
      if (crs) return { crs };
    } else if (
      isObj(member) &&
      member.type === 'EPSG' &&
      (typeof props?.code === 'number' || typeof props?.code === 'string')
    ) {
      name = `EPSG:${props.code}`;
      const crs = crsFromEpsg(Number(props.code));
      if (crs) return { crs };
    }
  } catch (e) {
    if (e instanceof CrsError && e.datum) {
      rep.error('crs-unsupported-datum', undefined, { name: name ?? e.crsName, datum: e.datum });
      return undefined;
    }
    throw e;
  }
  rep.error('crs-unsupported', undefined, { name: name ?? `crs member ${show(member)}` });
  return undefined;
}

export function parseGeoJson(text: string, rep: Reporter, utf8?: Uint8Array): ParseOutput {
  const doc = parseJson(text, rep.file, utf8);
  const declared = readCrsMember(isObj(doc) ? doc.crs : undefined, rep);
  if (!declared) return { features: [], closePolicy: 'require' };
  const crs = declared.crs;
  const base = { closePolicy: 'require' as const, ...(crs && crs.kind === 'projected' ? { crs } : {}) };
  if (Array.isArray(doc)) {
    rep.error('geojson-structure', undefined, {
      detail: 'top level is an array; expected a FeatureCollection, Feature or geometry object',
      detailZh: '顶层是数组；应为 FeatureCollection、Feature 或几何对象',
    });
    return { ...base, features: [] };
  }
  if (!isObj(doc) || typeof doc.type !== 'string') {
    rep.error('geojson-structure', undefined, {
      detail: 'top level must be an object with a "type"',
      detailZh: '顶层应为带 "type" 的对象',
    });
    return { ...base, features: [] };
  }
  if (doc.type === 'FeatureCollection') {
    if (!Array.isArray(doc.features)) {
      rep.error('geojson-structure', undefined, {
        detail: 'FeatureCollection needs a "features" array',
        detailZh: 'FeatureCollection 需要 "features" 数组',
      });
      return { ...base, features: [] };
    }
    const features = collectFeatures(doc.features, rep);
    if (!isScreeningExport(doc)) return { ...base, features };
    // This app's own result export: the project's parts plus the overlap pieces, which are not boundary parts.
    const project = features.filter((f) => f.properties.role === 'project');
    rep.warn('screening-export', undefined, {
      parts: project.length,
      left: features.length - project.length,
    });
    return { ...base, features: project };
  }
  if (doc.type === 'Feature') return { ...base, features: collectFeatures([doc], rep) };
  const known = [
    'Polygon',
    'MultiPolygon',
    'LineString',
    'MultiLineString',
    'Point',
    'MultiPoint',
    'GeometryCollection',
  ];
  if (known.includes(doc.type)) {
    return { ...base, features: collectFeatures([{ type: 'Feature', properties: {}, geometry: doc }], rep) };
  }
  rep.error('geojson-structure', undefined, {
    detail: `unknown GeoJSON type ${show(doc.type)}`,
    detailZh: `未知的 GeoJSON 类型 ${show(doc.type)}`,
  });
  return { ...base, features: [] };
}

/** The result file web/domain/report/geojson.ts writes: a `screening` member naming the project. */
export const isScreeningExport = (doc: Record<string, unknown>): boolean =>
  isObj(doc.screening) && isObj(doc.screening.project);

export const geojsonImporter: TextImporter = {
  kind: 'text',
  format: 'geojson',
  extensions: ['geojson', 'json'],
  detect: (head) =>
    head.startsWith('{') || (head.startsWith('[') && !/^\[\s*(地块坐标|属性描述)\s*\]/.test(head)),
  parse: (text, { rep, utf8 }) => parseGeoJson(text, rep, utf8),
};
