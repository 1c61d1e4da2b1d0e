// What one warm check allocates in the Node engine, by function: the bench's red line and its S, M or L project,
// ring areas cached, with the app's options. Not part of `npm run bench`. In the browser's screening worker every
// ~2 MB allocated costs a scavenge (its young generation is small), so allocation is time there.
//   npx tsx scripts/bench/alloc-profile.ts [S|M|L]
import { Session } from 'node:inspector/promises';
import { screenProject } from '../../web/domain/screening/engine.ts';
import { warmAreas } from '../../web/domain/screening/layer.ts';
import { BENCH_LAYER, syntheticLayer } from '../../web/domain/screening/synthetic-layer.ts';
import { benchProject, NODE_OPTIONS, projectSize, RED_CENTRE } from '../bench-user-layer.ts';
import { appLayers } from '../lib/node-checks.ts';

const size = projectSize(process.argv[2] ?? 'L', 'size');
const REPS = 3;

interface SampledNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SampledNode[];
}

const layers = appLayers('redline-illustrative', syntheticLayer(BENCH_LAYER)).build();
const project = benchProject(size, RED_CENTRE);
screenProject(project, layers, NODE_OPTIONS);
for (const ix of layers) warmAreas(ix, Number.POSITIVE_INFINITY);
screenProject(project, layers, NODE_OPTIONS);

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
for (let i = 0; i < REPS; i++) screenProject(project, layers, NODE_OPTIONS);
const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: SampledNode } };

const own = new Map<string, number>();
const within = new Map<string, number>();
const total = (n: SampledNode): number => n.children.reduce((a, c) => a + total(c), n.selfSize);
const walk = (n: SampledNode, stack: readonly string[]): void => {
  const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  own.set(name, (own.get(name) ?? 0) + n.selfSize / REPS);
  if (!stack.includes(name)) within.set(name, (within.get(name) ?? 0) + total(n) / REPS);
  for (const c of n.children) walk(c, [...stack, name]);
};
walk(profile.head, []);
const print = (title: string, m: Map<string, number>, n: number) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.log(`${(v / 1e6).toFixed(2).padStart(8)} MB  ${k}`);
};
console.log(`${size} check, warm, allocated per check (sampled, mean of ${REPS}):`);
print('by function (own)', own, 20);
print('by function (with what it calls)', within, 30);
process.exit(0);
