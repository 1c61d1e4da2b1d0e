// Where the long main-thread tasks of the bench's pan and zoom go, with a large user layer shown. Not part of
// `npm run bench`.
//   npx tsx scripts/bench/trace-panzoom.ts [redline|farmland] [out.json]
// Serves BENCH_DIST (default dist, built by `npm run bench`; scripts/bench/trace-layer.ts), imports the layer
// through its info view, reloads with the layer shown, waits for its tiles and for the page to rest, then runs the
// bench's pan-and-zoom sequence under a Chrome trace with the CPU profiler. Prints each main-thread task of 100 ms or
// more with the functions its samples fell in (self time) and their callers. TRACE_HIDE=1 runs the yardstick (layer hidden) instead. Also prints each
// shader maplibre compiled during the sequence: how long the page waited for it, and its defines.
import { rmSync } from 'node:fs';
import { atRest, firstIdle, installProbes, panZoomSequence, waitMeasure } from '../bench-user-layer.ts';
import { launchChromium } from '../lib/chromium.ts';
import { serveDir } from '../lib/static-server.ts';
import {
  installShaderProbe,
  printLongTasks,
  type ShaderCompile,
  shaderLine,
  startTrace,
} from '../lib/trace-profile.ts';
import { CENTRE, DIST, importTraceLayer, layerId, which, writeTraceLayer } from './trace-layer.ts';

const out = process.argv[3] ?? `/tmp/panzoom-trace-${which}.json`;

async function main(): Promise<void> {
  const file = writeTraceLayer();
  const server = await serveDir(DIST);
  const ctx = await launchChromium();
  try {
    await ctx.addInitScript(installProbes);
    await ctx.addInitScript(installShaderProbe);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await importTraceLayer(page, server.url, file, Number(process.env.TRACE_SETTLE_MS ?? 15_000));

    await page.goto(`${server.url}?${process.env.TRACE_HIDE ? 'hide' : 'show'}=${layerId}`);
    await firstIdle(page);
    if (!process.env.TRACE_HIDE) await waitMeasure(page, 'ebm:draw:tiles', 0, 60_000);
    await atRest(page);

    const stop = await startTrace(ctx, page, ['gpu'], out);
    await page.evaluate('window.__shaders = []; window.__uploads = []');
    const run = await panZoomSequence(page, CENTRE);
    const events = await stop();
    console.log(
      `trace: ${out} (${events.length} events); longest task by the page's observer ${run.longMs.toFixed(0)} ms`,
    );
    printLongTasks(events);
    const shaders = (await page.evaluate('window.__shaders')) as ShaderCompile[];
    const uploads = (await page.evaluate('window.__uploads')) as { bytes: number; ms: number }[];
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const big = uploads.filter((u) => u.ms >= 50);
    console.log(
      `\nbufferData during the sequence: ${uploads.length} calls, ${(sum(uploads.map((u) => u.bytes)) / 1e6).toFixed(1)} MB, ${sum(uploads.map((u) => u.ms)).toFixed(0)} ms; ${big.length} calls of 50 ms or more: ${big.map((u) => `${(u.bytes / 1e6).toFixed(2)} MB ${u.ms.toFixed(0)} ms`).join(', ')}`,
    );
    console.log(`\nshaders compiled during the sequence (${shaders.length}), longest first:`);
    for (const c of shaders.sort((a, b) => b.ms - a.ms).slice(0, 20)) console.log(`  ${shaderLine(c)}`);
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
