import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import { labelPoint } from '../layers/label-point.ts';
import { roundGeometry } from '../layers/serialize.ts';
import {
  areaKm2,
  chaikinLine,
  chaikinRing,
  clipTo,
  fromPolys,
  lengthKm,
  nearestOnLines,
  scaleAbout,
  subtract,
  unite,
} from './geometry.ts';
import type { Pt, Shape, ThematicLayerSpec, ThematicSpec } from './types.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const readJson = <T>(rel: string): T => JSON.parse(readFileSync(join(ROOT, rel), 'utf8')) as T;

export interface GazetteerEntry {
  id: string;
  kind: string;
  zh: string;
  en: string;
  leagues: string[];
  hasLocation: boolean;
  taskIds: string[];
}

/** Inputs the thematic build reads: the gazetteer, plan task ids and the committed base layers. */
export interface BuildContext {
  gazetteer: Map<string, GazetteerEntry>;
  taskIds: Set<string>;
  region: Polygon | MultiPolygon;
  leagues: Map<string, Polygon | MultiPolygon>;
  /** Base rivers (lines) and lake outlines (outer rings) by zone id, for snapping. */
  snapTargets: Map<string, Position[][]>;
}

export function loadContext(): BuildContext {
  const gaz = readJson<{ entries: GazetteerEntry[] }>('data/gazetteer.json');
  const plan = readJson<{ tasks: { id: string }[] }>('data/plan.json');
  const region = readJson<FeatureCollection<Polygon | MultiPolygon>>('data/layers/region.geojson');
  const leagues = readJson<FeatureCollection<Polygon | MultiPolygon>>('data/layers/leagues.geojson');
  const rivers = readJson<FeatureCollection<MultiLineString | LineString>>('data/layers/rivers.geojson');
  const lakes = readJson<FeatureCollection<Polygon>>('data/layers/lakes.geojson');
  const regionGeom = region.features[0]?.geometry;
  if (!regionGeom) throw new Error('region.geojson has no feature');
  const snapTargets = new Map<string, Position[][]>();
  for (const f of rivers.features) {
    const g = f.geometry;
    snapTargets.set(String(f.properties?.zoneId), g.type === 'LineString' ? [g.coordinates] : g.coordinates);
  }
  for (const f of lakes.features)
    snapTargets.set(String(f.properties?.zoneId), [f.geometry.coordinates[0] ?? []]);
  return {
    gazetteer: new Map(gaz.entries.map((e) => [e.id, e])),
    taskIds: new Set(plan.tasks.map((t) => t.id)),
    region: regionGeom,
    leagues: new Map(leagues.features.map((f) => [String(f.properties?.zoneId), f.geometry])),
    snapTargets,
  };
}

function snap(ctx: BuildContext, target: string | undefined, p: Pt): Pt {
  if (!target) return p;
  const lines = ctx.snapTargets.get(target);
  if (!lines) throw new Error(`snap target ${target} is not a base river or lake`);
  return nearestOnLines(lines, p);
}

function snapEnds(ctx: BuildContext, path: readonly Pt[], start?: string, end?: string): Pt[] {
  const out = [...path];
  const first = out[0];
  const last = out[out.length - 1];
  if (start && first) out[0] = snap(ctx, start, first);
  if (end && last) out[out.length - 1] = snap(ctx, end, last);
  return out;
}

/** Control points of an area shape (for `scaled`). */
function controlOutlines(shape: Shape, byId: Map<string, ThematicSpec>): (readonly Pt[])[] {
  if (shape.type === 'area') return [shape.outline];
  if (shape.type === 'areas') return [...shape.outlines];
  if (shape.type === 'scaled') {
    const base = byId.get(shape.of);
    if (!base) throw new Error(`scaled: unknown entity ${shape.of}`);
    return controlOutlines(base.shape, byId).map((o) => scaleAbout(o, shape.factor));
  }
  throw new Error(`shape ${shape.type} has no control outline`);
}

interface Drawn {
  geometry: Geometry;
  how: string;
}

function draw(spec: ThematicSpec, ctx: BuildContext, byId: Map<string, ThematicSpec>): Drawn {
  const s = spec.shape;
  switch (s.type) {
    case 'point': {
      const at = snap(ctx, s.snapTo, s.at);
      return {
        geometry: { type: 'Point', coordinates: [at[0], at[1]] },
        how: s.snapTo
          ? `point at the published location, moved onto the base layer's ${s.snapTo}`
          : 'point at the published location',
      };
    }
    case 'line':
    case 'lines': {
      const rounds = s.smooth ?? 2;
      const paths = (s.type === 'line' ? [s.path] : s.paths).map((p) =>
        chaikinLine(snapEnds(ctx, p, s.snapStart, s.snapEnd), rounds),
      );
      const snapped = [s.snapStart, s.snapEnd].filter(Boolean).join(', ');
      const how = `control line${paths.length > 1 ? 's' : ''} smoothed by Chaikin corner cutting (${rounds} rounds, ends fixed)${snapped ? `; ends moved onto the base layer's ${snapped}` : ''}`;
      const geometry: Geometry =
        paths.length === 1
          ? { type: 'LineString', coordinates: paths[0] as Position[] }
          : { type: 'MultiLineString', coordinates: paths };
      return { geometry, how };
    }
    case 'leagues': {
      const parts = s.leagues.map((id) => {
        const g = ctx.leagues.get(id);
        if (!g) throw new Error(`unknown league ${id}`);
        return g;
      });
      const g = parts.length === 1 ? (parts[0] as Polygon | MultiPolygon) : unite(parts);
      if (!g) throw new Error(`${spec.zoneId}: empty league union`);
      return { geometry: g, how: `outline of ${s.leagues.join(' + ')} from the base leagues layer` };
    }
    case 'area':
    case 'areas':
    case 'scaled': {
      const rounds = s.smooth ?? 3;
      const outlines = controlOutlines(s, byId);
      const rings = outlines.map((o) => [chaikinRing(o, rounds)]);
      let g = fromPolys(rings);
      if (!g) throw new Error(`${spec.zoneId}: empty outline`);
      // overlapping control outlines of one entity are merged
      if (rings.length > 1) g = unite([g]) ?? g;
      const clip = spec.clip ?? 'region';
      if (clip !== 'none') {
        const c = clip === 'region' ? clipTo(g, ctx.region) : subtract(g, ctx.region);
        if (!c) throw new Error(`${spec.zoneId}: nothing left after clipping`);
        g = c;
      }
      const scaled =
        s.type === 'scaled' ? `${s.of}'s control outline scaled by ${s.factor} about its centroid, ` : '';
      const clipped = {
        region: ', clipped to the region outline (polyclip-ts)',
        outside: ', minus the region (polyclip-ts)',
        none: spec.crossesBorder ? ', not clipped (the entity extends past the region border)' : '',
      }[clip];
      return {
        geometry: g,
        how: `${scaled}control outline smoothed by Chaikin corner cutting (${rounds} rounds)${clipped}`,
      };
    }
  }
}

export interface BuiltThematic {
  id: string;
  method: string;
  collection: FeatureCollection;
  labels: Feature<Point>[];
}

export function buildLayer(
  layer: ThematicLayerSpec,
  ctx: BuildContext,
  all: Map<string, ThematicSpec>,
): BuiltThematic {
  const features: Feature[] = [];
  const labels: Feature<Point>[] = [];
  let taken: Polygon | MultiPolygon | null = null;
  for (const spec of layer.specs) {
    // One source of truth: every zone drawn is a gazetteer entry, and its tasks are the plan's links to it.
    const gaz = ctx.gazetteer.get(spec.zoneId);
    if (!gaz)
      throw new Error(`${spec.zoneId}: not in the gazetteer (seeds/gazetteer.json); add it there first`);
    const kind = gaz.kind;
    const names = spec.names ?? { zh: gaz.zh, en: gaz.en };
    const taskIds = [...gaz.taskIds];
    for (const t of taskIds) if (!ctx.taskIds.has(t)) throw new Error(`${spec.zoneId}: unknown task ${t}`);

    const drawn = draw(spec, ctx, all);
    let geometry = roundGeometry(drawn.geometry);
    let how = drawn.how;
    if (layer.disjoint && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon')) {
      const whole = geometry;
      if (taken) {
        const rest = subtract(whole, taken);
        if (!rest) throw new Error(`${spec.zoneId}: covered entirely by earlier parts`);
        geometry = roundGeometry(rest);
        how += '; minus the parts listed before it, so parts do not overlap';
      }
      taken = taken ? unite([taken, whole]) : whole;
    }
    const isLeagueShape = spec.shape.type === 'leagues';
    const source = isLeagueShape
      ? `dataset: echarts 4.9.0 league outline (GCJ-02 → WGS84), standing in for the zone: ${spec.drawnFrom}`
      : `schematic: ${spec.drawnFrom}`;
    const props: Record<string, unknown> = {
      zoneId: spec.zoneId,
      kind,
      zh: names.zh,
      en: names.en,
      taskIds,
      schematic: true,
      source,
      method: how,
      accuracy: spec.accuracy,
    };
    if (spec.cited) {
      props.citedAreaKm2 = spec.cited.km2;
      props.citedAreaSource = spec.cited.source;
    }
    if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon')
      props.drawnAreaKm2 = Math.round(areaKm2(geometry));
    if (geometry.type === 'LineString') props.drawnLengthKm = Math.round(lengthKm(geometry.coordinates));
    if (geometry.type === 'MultiLineString')
      props.drawnLengthKm = Math.round(geometry.coordinates.reduce((s, l) => s + lengthKm(l), 0));
    if (spec.crossesBorder) props.crossesBorder = true;
    if (spec.outsideRegion) props.outsideRegion = true;
    if (spec.props) Object.assign(props, spec.props);
    features.push({ type: 'Feature', properties: props, geometry });

    const at = labelAt(geometry);
    if (at)
      labels.push({
        type: 'Feature',
        properties: { layer: layer.id, zoneId: spec.zoneId, zh: names.zh, en: names.en },
        geometry: roundGeometry({ type: 'Point', coordinates: at }),
      });
  }
  return { id: layer.id, method: layer.method, collection: { type: 'FeatureCollection', features }, labels };
}

/** Where an area's name goes: the polygon's pole of inaccessibility. Lines and points label themselves. */
function labelAt(g: Geometry): Position | null {
  return g.type === 'Polygon' || g.type === 'MultiPolygon' ? labelPoint(g) : null;
}
