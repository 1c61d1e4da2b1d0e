/** Generates the plan data files from the seed. Shared by `npm run build:plan` and the determinism test. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlan } from '../../web/domain/plan/build.ts';
import { PLAN_SCHEMA } from '../../web/domain/plan/schema.ts';

export const SEED_PATH = 'seeds/plan-outline-2025-2035.txt';
export const OUTPUTS = {
  plan: 'data/plan.json',
  gazetteer: 'data/gazetteer.json',
  schema: 'data/plan.schema.json',
} as const;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** File path (relative to the repo root) → exact content. */
export function generatePlanFiles(root: string): Record<string, string> {
  const bytes = readFileSync(join(root, SEED_PATH));
  const seed = bytes.toString('utf8');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { plan, gazetteer } = buildPlan({ seed, sourceFile: SEED_PATH, sha256 });
  return {
    [OUTPUTS.plan]: json(plan),
    [OUTPUTS.gazetteer]: json(gazetteer),
    [OUTPUTS.schema]: json(PLAN_SCHEMA),
  };
}
