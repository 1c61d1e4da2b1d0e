import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGazetteerSeed } from '../../../scripts/plan/generate.ts';
import type { GazetteerData, PlanData } from '../../../web/domain/plan/index.ts';

export const ROOT = join(import.meta.dirname, '../../..');
export const SEED = readFileSync(join(ROOT, 'seeds/plan-outline-2025-2035.txt'), 'utf8');
export const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;
export const PLAN = readJson<PlanData>('data/plan.json');
export const GAZETTEER = readJson<GazetteerData>('data/gazetteer.json');
/** seeds/gazetteer.json, schema-checked. */
export const GAZETTEER_SEED = readGazetteerSeed(ROOT);

export function task(id: string) {
  const t = PLAN.tasks.find((x) => x.id === id);
  if (!t) throw new Error(`no task ${id}`);
  return t;
}
