// Reading a Chrome trace taken with the CPU profiler (`disabled-by-default-v8.cpu_profiler`): each long task of the
// page's main thread, with the functions its samples fell in (self time) and their callers. Used by the scripts under
// scripts/bench/ that trace the app; not part of `npm run bench`.
import { writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  parent?: number;
}
/** What printLongTasks reads: each thread's tasks, the page's User Timing and the CPU profiler's samples. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

/**
 * Starts a Chrome trace of the page's browser with the categories printLongTasks reads and `extra`; the function it
 * gives ends the trace, writes it to `out` (for chrome://tracing or Perfetto) and returns its events.
 */
export async function startTrace(
  ctx: BrowserContext,
  page: Page,
  extra: string[],
  out: string,
): Promise<() => Promise<TraceEvent[]>> {
  const cdp = await ctx.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: [...TRACE_CATEGORIES, ...extra] },
    transferMode: 'ReportEvents',
  });
  return async () => {
    await cdp.send('Tracing.end');
    await complete;
    writeFileSync(out, JSON.stringify({ traceEvents: events }));
    return events;
  };
}

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      url?: string;
      functionName?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

const frameName = (f: CallFrame) =>
  `${f.functionName || '(anonymous)'}${f.url ? ` ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`;

/** Prints each main-thread task of `minMs` or more, in order, with its top functions by self time. */
export function printLongTasks(
  events: TraceEvent[],
  minMs = 100,
  threadNames: readonly string[] = ['CrRendererMain'],
): void {
  const threads = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  // samples per thread: [time µs, node id], with each thread's nodes
  const nodes = new Map<string, Map<number, ProfileNode>>();
  const samples = new Map<string, [number, number][]>();
  const clock = new Map<string, number>();
  const profileThread = new Map<string, string>();
  for (const e of events) {
    if (e.name === 'Profile' && e.id) {
      profileThread.set(e.id, `${e.pid}:${e.tid}`);
      clock.set(e.id, e.args?.data?.startTime ?? e.ts);
    }
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const k = profileThread.get(e.id) ?? `${e.pid}:${e.tid}`;
    const ns = nodes.get(k) ?? new Map<number, ProfileNode>();
    nodes.set(k, ns);
    for (const n of e.args?.data?.cpuProfile?.nodes ?? []) ns.set(n.id, n);
    const list = samples.get(k) ?? [];
    samples.set(k, list);
    let t = clock.get(e.id) ?? e.ts;
    const ids = e.args?.data?.cpuProfile?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    ids.forEach((id, i) => {
      t += deltas[i] ?? 0;
      list.push([t, id]);
    });
    clock.set(e.id, t);
  }
  const mains = [...threads].filter(([, n]) => threadNames.includes(n)).map(([k]) => k);
  for (const k of mains) {
    const tasks = events
      .filter(
        (e) =>
          `${e.pid}:${e.tid}` === k && e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) >= minMs * 1000,
      )
      .sort((a, b) => a.ts - b.ts);
    if (tasks.length === 0) continue;
    const ns = nodes.get(k) ?? new Map();
    const ss = samples.get(k) ?? [];
    console.log(`\n${threads.get(k)} ${k}: ${tasks.length} tasks ≥ ${minMs} ms`);
    const t0 = tasks[0]?.ts ?? 0;
    for (const task of tasks) {
      const end = task.ts + (task.dur ?? 0);
      const self = new Map<string, number>();
      const callers = new Map<string, Map<string, number>>();
      let n = 0;
      for (const [t, id] of ss) {
        if (t < task.ts || t > end) continue;
        n++;
        const node = ns.get(id);
        if (!node) continue;
        const name = frameName(node.callFrame);
        self.set(name, (self.get(name) ?? 0) + 1);
        const chain: string[] = [];
        for (let p = node.parent; p !== undefined && chain.length < 4; p = ns.get(p)?.parent) {
          const pn = ns.get(p);
          if (pn) chain.push(frameName(pn.callFrame));
        }
        const c = callers.get(name) ?? new Map<string, number>();
        callers.set(name, c);
        const key = chain.join(' ← ');
        c.set(key, (c.get(key) ?? 0) + 1);
      }
      console.log(
        `  at +${((task.ts - t0) / 1000).toFixed(0)} ms: ${((task.dur ?? 0) / 1000).toFixed(0)} ms, ${n} samples`,
      );
      for (const [name, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 6)) {
        console.log(`    ${count} ${name}`);
        const top = [...(callers.get(name) ?? new Map())].sort((a, b) => b[1] - a[1])[0];
        if (top) console.log(`        ← ${top[0]}`);
      }
    }
  }
}

export interface ShaderCompile {
  /** page clock when the page began to wait */
  at: number;
  ms: number;
  kind: string;
  lines: number;
  defines: string[];
}

/** One compiled shader as the trace scripts print it. */
export const shaderLine = (c: ShaderCompile): string =>
  `${c.ms.toFixed(0).padStart(6)} ms ${c.kind} ${c.lines} lines: ${c.defines.join(' ')}`;

/**
 * Page code (an init script): times each shader's compile status query (where the page waits for the compile) and keeps its defines,
 * and each bufferData call, in `window.__shaders` and `window.__uploads`.
 */
export function installShaderProbe(): void {
  const w = window as unknown as { __shaders: ShaderCompile[]; __uploads: { bytes: number; ms: number }[] };
  w.__shaders = [];
  w.__uploads = [];
  const sources = new WeakMap<WebGLShader, string>();
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    const shaderSource = proto.shaderSource;
    proto.shaderSource = function (this: WebGLRenderingContext, shader: WebGLShader, src: string) {
      sources.set(shader, src);
      return shaderSource.call(this, shader, src);
    };
    const bufferData = proto.bufferData as (this: WebGLRenderingContext, ...a: unknown[]) => void;
    proto.bufferData = function (this: WebGLRenderingContext, ...a: unknown[]) {
      const t = performance.now();
      bufferData.apply(this, a);
      const d = a[1];
      w.__uploads.push({
        bytes: typeof d === 'number' ? d : ((d as ArrayBufferView | null)?.byteLength ?? 0),
        ms: performance.now() - t,
      });
    } as typeof proto.bufferData;
    const getShaderParameter = proto.getShaderParameter;
    proto.getShaderParameter = function (this: WebGLRenderingContext, shader: WebGLShader, pname: number) {
      const t = performance.now();
      const r = getShaderParameter.call(this, shader, pname);
      const src = sources.get(shader) ?? '';
      w.__shaders.push({
        at: t,
        ms: performance.now() - t,
        kind: src.includes('gl_Position') ? 'vertex' : 'fragment',
        lines: src.split('\n').length,
        defines: src
          .split('\n')
          .filter((l) => l.startsWith('#define'))
          .map((l) => l.slice(8)),
      });
      return r;
    };
  }
}
