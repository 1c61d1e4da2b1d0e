/**
 * Generates the plan data files from the seeds (the outline text and seeds/gazetteer.json). Shared by
 * `npm run build:plan` and the determinism test. The gazetteer seed is validated against its schema before the
 * build and every output against its schema after it; a failure names the file, the JSON path and the rule.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { buildPlan } from '../../web/domain/plan/build.ts';
import {
  GAZETTEER_SOURCE_SCHEMA,
  PLAN_SCHEMA,
  TITLES_EN_SOURCE_SCHEMA,
} from '../../web/domain/plan/schema.ts';
import { applyTitlesEn } from '../../web/domain/plan/titles-en.ts';
import type { GazetteerSource, TitlesEnSource } from '../../web/domain/plan/types.ts';

export const SEED_PATH = 'seeds/plan-outline-2025-2035.txt';
export const GAZETTEER_SEED_PATH = 'seeds/gazetteer.json';
export const TITLES_EN_SEED_PATH = 'seeds/plan-titles-en.json';
export const OUTPUTS = {
  plan: 'data/plan.json',
  gazetteer: 'data/gazetteer.json',
  schema: 'data/plan.schema.json',
  gazetteerSeedSchema: 'data/gazetteer-seed.schema.json',
} as const;

export class SchemaError extends Error {}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function validators() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addSchema(PLAN_SCHEMA).addSchema(GAZETTEER_SOURCE_SCHEMA).addSchema(TITLES_EN_SOURCE_SCHEMA);
  const get = (ref: string) => {
    const v = ajv.getSchema(ref);
    if (!v) throw new Error(`no schema ${ref}`);
    return v;
  };
  return {
    plan: get(PLAN_SCHEMA.$id),
    gazetteer: get(`${PLAN_SCHEMA.$id}#/definitions/gazetteer`),
    seed: get(GAZETTEER_SOURCE_SCHEMA.$id),
    titlesEn: get(TITLES_EN_SOURCE_SCHEMA.$id),
  };
}

const describe = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? [])
    .slice(0, 10)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`)
    .join('; ');

function check<T>(
  validate: ((v: unknown) => boolean) & { errors?: ErrorObject[] | null },
  value: unknown,
  file: string,
): T {
  if (!validate(value))
    throw new SchemaError(`${file} does not match its schema: ${describe(validate.errors)}`);
  return value as T;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SchemaError(`${file} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** English titles seed text, parsed and checked against TITLES_EN_SOURCE_SCHEMA (ids against the plan later). */
export function parseTitlesEnSeed(text: string, file = TITLES_EN_SEED_PATH): TitlesEnSource {
  return check<TitlesEnSource>(validators().titlesEn, parseJson(text, file), file);
}

/** Gazetteer seed text, parsed and checked against GAZETTEER_SOURCE_SCHEMA (data/gazetteer-seed.schema.json). */
export function parseGazetteerSeed(text: string, file = GAZETTEER_SEED_PATH): GazetteerSource {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new SchemaError(`${file} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return check<GazetteerSource>(validators().seed, value, file);
}

export const readGazetteerSeed = (root: string): GazetteerSource =>
  parseGazetteerSeed(readFileSync(join(root, GAZETTEER_SEED_PATH), 'utf8'));

/** File path (relative to the repo root) → exact content. */
export function generatePlanFiles(root: string): Record<string, string> {
  const bytes = readFileSync(join(root, SEED_PATH));
  const seed = bytes.toString('utf8');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const gazetteerSeed = readGazetteerSeed(root);
  const built = buildPlan({ seed, sourceFile: SEED_PATH, sha256, gazetteer: gazetteerSeed });
  const titlesEn = parseTitlesEnSeed(readFileSync(join(root, TITLES_EN_SEED_PATH), 'utf8'));
  const plan = applyTitlesEn(built.plan, titlesEn, TITLES_EN_SEED_PATH);
  const { gazetteer } = built;
  const v = validators();
  check(v.plan, plan, OUTPUTS.plan);
  check(v.gazetteer, gazetteer, OUTPUTS.gazetteer);
  return {
    [OUTPUTS.plan]: json(plan),
    [OUTPUTS.gazetteer]: json(gazetteer),
    [OUTPUTS.schema]: json(PLAN_SCHEMA),
    [OUTPUTS.gazetteerSeedSchema]: json(GAZETTEER_SOURCE_SCHEMA),
  };
}
