/** `npm run build:plan`: writes data/plan.json, data/gazetteer.json and data/plan.schema.json from the seed. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePlanFiles } from './plan/generate.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const files = generatePlanFiles(root);
for (const [path, content] of Object.entries(files)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
const plan = JSON.parse(files['data/plan.json'] ?? '{}') as { counts?: Record<string, number> };
console.log(`build-plan: wrote ${Object.keys(files).join(', ')}`);
console.log(`build-plan: ${JSON.stringify(plan.counts)}`);
