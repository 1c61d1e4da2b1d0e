import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { LAYERS } from '../../../layers/registry.ts';
import type { GazetteerData, PlanData } from '../../../web/domain/plan/index.ts';
import type { Tour, TourChapter } from '../../../web/domain/tour/schema.ts';
import { tourContext } from '../../../web/domain/tour/validate.ts';
import type { Bbox } from '../../../web/domain/tour/viewport.ts';

const ROOT = join(import.meta.dirname, '../../..');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;

export const PLAN = readJson<PlanData>('data/plan.json');
export const GAZETTEER = readJson<GazetteerData>('data/gazetteer.json');
export const ZONE_INDEX = readJson<Record<string, { layerId: string; bbox: Bbox }>>('data/zone-index.json');
/** The seed as text, so every test starts from a fresh parse. */
export const SEED_TEXT = readFileSync(join(ROOT, 'seeds/tour-default.json'), 'utf8');
export const seedTour = (): Tour => JSON.parse(SEED_TEXT) as Tour;

/** The real ids: the layer registry, the zone index and the plan. */
export const CTX = tourContext(LAYERS, ZONE_INDEX, PLAN);

export function chapter(tour: Tour, id: string): TourChapter {
  const c = tour.chapters.find((x) => x.id === id);
  if (!c) throw new Error(`no chapter ${id}`);
  return c;
}

/** A small valid tour to break in the hostile-file tests. */
export function minimalTour(): Record<string, unknown> & { chapters: Record<string, unknown>[] } {
  return {
    id: 'mine',
    version: 1,
    title: { zh: '我的导览', en: 'My tour' },
    chapters: [minimalChapter('one'), minimalChapter('two')],
  };
}

export function minimalChapter(id: string): Record<string, unknown> {
  return {
    id,
    title: { zh: '库布其沙漠', en: 'Kubuqi' },
    caption: { zh: '以毛乌素沙地、库布其沙漠、乌兰布和沙漠治理为重点。', en: '' },
    notes: { zh: '', en: '' },
    camera: { center: [108.5, 40], zoom: 6, bearing: 0, pitch: 0 },
    layers: ['region', 'thematic-sands'],
    zones: ['desert-kubuqi'],
    cites: { tasks: ['2.3.1'], indicators: [] },
  };
}
