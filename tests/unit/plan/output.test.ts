import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { generatePlanFiles } from '../../../scripts/plan/generate.ts';
import { GAZETTEER, GAZETTEER_SEED, PLAN, ROOT, readJson } from './helpers.ts';

function validators() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const schema = readJson<Record<string, unknown>>('data/plan.schema.json');
  const seedSchema = readJson<Record<string, unknown>>('data/gazetteer-seed.schema.json');
  ajv.addSchema(schema).addSchema(seedSchema);
  const id = String(schema.$id);
  const get = (ref: string) => {
    const v = ajv.getSchema(ref);
    if (!v) throw new Error(`no schema ${ref}`);
    return v;
  };
  return {
    plan: get(id),
    gazetteer: get(`${id}#/definitions/gazetteer`),
    observations: get(`${id}#/definitions/observations`),
    seed: get(String(seedSchema.$id)),
  };
}

describe('generated files', () => {
  it('the build reproduces the committed data files byte for byte', () => {
    const files = generatePlanFiles(ROOT);
    expect(Object.keys(files).sort()).toEqual([
      'data/gazetteer-seed.schema.json',
      'data/gazetteer.json',
      'data/plan.json',
      'data/plan.schema.json',
    ]);
    for (const [path, content] of Object.entries(files)) {
      expect(readFileSync(join(ROOT, path), 'utf8'), path).toBe(content);
    }
  });

  it('plan.json, gazetteer.json and the gazetteer seed validate against the written schema files', () => {
    const v = validators();
    expect(v.plan(PLAN), JSON.stringify(v.plan.errors)).toBe(true);
    expect(v.gazetteer(GAZETTEER), JSON.stringify(v.gazetteer.errors)).toBe(true);
    expect(v.seed(GAZETTEER_SEED), JSON.stringify(v.seed.errors)).toBe(true);
  });

  it('the schema rejects broken data', () => {
    const v = validators();
    const noZones = structuredClone(PLAN) as unknown as { tasks: Array<Record<string, unknown>> };
    delete noZones.tasks[0]?.zones;
    expect(v.plan(noZones)).toBe(false);
    const badComparator = structuredClone(PLAN);
    const t0 = badComparator.indicators[0]?.targets[0];
    if (t0) (t0 as { comparator: string }).comparator = '≈';
    expect(v.plan(badComparator)).toBe(false);
    const badZone = structuredClone(GAZETTEER);
    if (badZone.entries[0]) badZone.entries[0].id = 'Not An Id';
    expect(v.gazetteer(badZone)).toBe(false);
    expect(v.observations([{ indicatorId: 'forest-cover', year: 2025, value: 21, source: 'x' }])).toBe(false);
  });

  it('task and indicator cross references hold', () => {
    const taskIds = new Set(PLAN.tasks.map((t) => t.id));
    const zoneIds = new Set(GAZETTEER.entries.map((e) => e.id));
    for (const ind of PLAN.indicators) {
      expect(taskIds.has(ind.taskId)).toBe(true);
      expect(PLAN.tasks.find((t) => t.id === ind.taskId)?.indicatorIds).toContain(ind.id);
      for (const z of ind.zones) expect(zoneIds.has(z), z).toBe(true);
    }
    for (const t of PLAN.tasks) {
      for (const z of t.zones) expect(zoneIds.has(z), `${t.id} ${z}`).toBe(true);
      for (const m of t.mentions) expect(t.text.slice(m.start, m.end)).toBe(m.text);
    }
  });
});
