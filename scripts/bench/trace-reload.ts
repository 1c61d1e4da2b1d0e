// A Chrome trace of one reload with a large user layer kept, to see where `ebm:reload:ready` and the first check
// after it spend their time (main thread, screening worker, IndexedDB). Not part of `npm run bench`.
//   npx tsx scripts/bench/trace-reload.ts [redline|farmland] [out.json]   (TRACE_CHECK=1: and the first check after it;
//   TRACE_WARM=1: then one more with the page at rest; TRACE_CATEGORIES=a,b: more trace categories (gpu,cc,viz); TRACE_WORKERS=1: the workers' long tasks too; TRACE_SIZE=S|M|L: the bench's project of that size, S unless said)
// Serves BENCH_DIST (default dist, the build `npm run bench` made; scripts/bench/trace-layer.ts), imports the
// layer through its info view, waits for the offline copy and for the page to settle, then reloads under tracing
// and prints the page's `ebm:*` measures and each thread's longest tasks.
import { rmSync } from 'node:fs';
import {
  atRest,
  benchProject,
  clickCheck,
  firstIdle,
  openPanelWith,
  projectSize,
} from '../bench-user-layer.ts';
import { launchChromium } from '../lib/chromium.ts';
import { serveDir } from '../lib/static-server.ts';
import {
  installShaderProbe,
  printLongTasks,
  type ShaderCompile,
  shaderLine,
  startTrace,
  type TraceEvent,
} from '../lib/trace-profile.ts';
import { CENTRE, DIST, importTraceLayer, which, writeTraceLayer } from './trace-layer.ts';

const out = process.argv[3] ?? `/tmp/reload-trace-${which}.json`;
const size = projectSize(process.env.TRACE_SIZE ?? 'S', 'TRACE_SIZE');

async function main(): Promise<void> {
  const file = writeTraceLayer();
  const server = await serveDir(DIST);
  const ctx = await launchChromium();
  try {
    await ctx.addInitScript(installShaderProbe);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    // the stored areas and tiles written, the page at rest
    await importTraceLayer(page, server.url, file, Number(process.env.TRACE_SETTLE_MS ?? 20_000));

    const stop = await startTrace(
      ctx,
      page,
      ['v8', 'loading', 'IndexedDB', 'ServiceWorker', ...(process.env.TRACE_CATEGORIES?.split(',') ?? [])],
      out,
    );
    await page.reload();
    await firstIdle(page);
    await page.waitForFunction(() => performance.getEntriesByName('ebm:reload:ready').length > 0, null, {
      timeout: 60_000,
    });
    await page.waitForTimeout(1500);
    if (process.env.TRACE_CHECK) {
      // the first check after the reload, as the bench clicks it
      await openPanelWith(page, benchProject(size, CENTRE));
      await page.waitForTimeout(1000);
      const r = await clickCheck(page);
      console.log(
        `first check after reload: ${r.ms.toFixed(0)} ms from ${r.clickAt.toFixed(0)} ms${r.error ? ` (${r.error})` : ''}`,
      );
      await page.waitForTimeout(500);
      if (process.env.TRACE_WARM) {
        // and the same check again with the page at rest, as the bench's warm checks are clicked
        const rested = await atRest(page);
        const w = await clickCheck(page);
        console.log(
          `warm check: ${w.ms.toFixed(0)} ms from ${w.clickAt.toFixed(0)} ms${w.error ? ` (${w.error})` : ''}${rested ? '' : ' (page not at rest after 30 s)'}`,
        );
        await page.waitForTimeout(500);
      }
    }
    const measures = await page.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .concat(performance.getEntriesByType('mark'))
        .filter((m) => m.name.startsWith('ebm:') || m.name.startsWith('map-'))
        .map((m) => `${m.name} ${m.startTime.toFixed(0)} → ${(m.startTime + m.duration).toFixed(0)} ms`),
    );
    const events = await stop();
    console.log(`trace: ${out} (${events.length} events)`);
    for (const m of measures) console.log(`  ${m}`);

    const threads = new Map<string, string>();
    for (const e of events)
      if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationTiming');
    let t0 = nav?.ts ?? Number.POSITIVE_INFINITY;
    if (!nav) for (const e of events) if (e.ts > 0 && e.ts < t0) t0 = e.ts;
    const byThread = new Map<string, TraceEvent[]>();
    for (const e of events) {
      if (e.ph !== 'X' || !e.dur || e.dur < 5000) continue;
      const k = `${e.pid}:${e.tid}`;
      const list = byThread.get(k) ?? [];
      list.push(e);
      byThread.set(k, list);
    }
    for (const [k, list] of byThread) {
      const name = threads.get(k) ?? k;
      if (!/Main|Worker|IndexedDB|IO|Thread/i.test(name)) continue;
      console.log(`\n${name} (${k}): events ≥ 5 ms, from navigation`);
      for (const e of list.sort((a, b) => a.ts - b.ts).slice(0, 60)) {
        const what = e.args?.data?.url ?? e.args?.data?.functionName ?? '';
        console.log(
          `  ${((e.ts - t0) / 1000).toFixed(0).padStart(6)} ms +${((e.dur ?? 0) / 1000).toFixed(1).padStart(7)} ${e.name} ${what}`,
        );
      }
    }
    printLongTasks(
      events,
      Number(process.env.TRACE_MIN_MS ?? 50),
      process.env.TRACE_WORKERS ? ['CrRendererMain', 'DedicatedWorker thread'] : undefined,
    );
    const shaders = (await page.evaluate('window.__shaders')) as ShaderCompile[];
    console.log(`\nshaders compiled after the reload (${shaders.length}), in order:`);
    for (const c of shaders) console.log(`  at ${c.at.toFixed(0)} ms: ${shaderLine(c)}`);
  } finally {
    await ctx.close();
    await server.close();
    rmSync(file, { force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
