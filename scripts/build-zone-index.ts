// Writes data/zone-index.json: for every zone id drawn on the map, the layer that draws it and its bounding box.
// Lets search, links from task cards and permalinks show a zone whose layer is not loaded yet.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { LAYERS } from '../layers/registry.ts';
import { positionsBBox } from '../web/domain/geo/bbox.ts';

export interface ZoneIndexEntry {
  layerId: string;
  bbox: [number, number, number, number];
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    default:
      return [];
  }
}

const r5 = (n: number) => Math.round(n * 1e5) / 1e5;

/**
 * One source of truth for zone → task links: every zone on the map is a gazetteer entry, and a feature that lists
 * `taskIds` lists exactly the gazetteer's (the plan's links). Returns the problems, each naming layer and zone.
 */
export function mapZoneProblems(
  layerId: string,
  fc: FeatureCollection,
  gazetteer: ReadonlyMap<string, { taskIds: readonly string[] }>,
): string[] {
  const out: string[] = [];
  for (const f of fc.features) {
    const id = f.properties?.zoneId;
    if (typeof id !== 'string') continue;
    const entry = gazetteer.get(id);
    if (!entry) {
      out.push(`${layerId}: zone ${id} is not in the gazetteer (seeds/gazetteer.json)`);
      continue;
    }
    const listed = f.properties?.taskIds;
    if (Array.isArray(listed) && listed.join(' ') !== entry.taskIds.join(' '))
      out.push(
        `${layerId}: zone ${id} lists tasks ${listed.join(' ')}, the plan links ${entry.taskIds.join(' ')}`,
      );
  }
  return out;
}

const readGazetteer = () =>
  new Map(
    (
      JSON.parse(readFileSync(join(ROOT, 'data', 'gazetteer.json'), 'utf8')) as {
        entries: { id: string; taskIds: string[] }[];
      }
    ).entries.map((e) => [e.id, e]),
  );

export function buildZoneIndex(
  dataDir = join(ROOT, 'data', 'layers'),
  gazetteer: ReadonlyMap<string, { taskIds: readonly string[] }> = readGazetteer(),
): Record<string, ZoneIndexEntry> {
  const index: Record<string, ZoneIndexEntry> = {};
  const problems: string[] = [];
  for (const def of LAYERS.filter((l) => l.interactive)) {
    const fc = JSON.parse(readFileSync(join(dataDir, def.data), 'utf8')) as FeatureCollection;
    problems.push(...mapZoneProblems(def.id, fc, gazetteer));
    for (const f of fc.features) {
      const id = f.properties?.zoneId;
      if (typeof id !== 'string' || !f.geometry) continue;
      const [w, s, e, n] = positionsBBox(positions(f.geometry)) ?? [0, 0, 0, 0];
      const box: [number, number, number, number] = [r5(w), r5(s), r5(e), r5(n)];
      // the first (lowest) layer drawing a zone is its home; the same id in a later layer only widens the box
      const prev = index[id];
      index[id] = prev
        ? {
            layerId: prev.layerId,
            bbox: [
              Math.min(prev.bbox[0], box[0]),
              Math.min(prev.bbox[1], box[1]),
              Math.max(prev.bbox[2], box[2]),
              Math.max(prev.bbox[3], box[3]),
            ],
          }
        : { layerId: def.id, bbox: box };
    }
  }
  if (problems.length > 0)
    throw new Error(`build-zone-index: ${problems.length} problem(s):\n${problems.join('\n')}`);
  return Object.fromEntries(Object.entries(index).sort(([a], [b]) => a.localeCompare(b)));
}

export function serializeZoneIndex(index: Record<string, ZoneIndexEntry>): string {
  const lines = Object.entries(index).map(([id, e]) => `${JSON.stringify(id)}:${JSON.stringify(e)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const index = buildZoneIndex();
  writeFileSync(join(ROOT, 'data', 'zone-index.json'), serializeZoneIndex(index));
  console.log(`zone-index.json: ${Object.keys(index).length} zones`);
}
