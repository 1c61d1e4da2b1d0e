/**
 * `npm run screen`: main(argv, io) returns the exit code and writes through io, so tests call it directly.
 * Exit codes: 0 checked, 1 input error, 2 usage error, 3 internal error (see USAGE).
 */
import path from 'node:path';
import { layerById } from '../../layers/registry.ts';
import { notCheckedLayer } from '../../layers/screening.ts';
import { type SectionLayer, screeningSections } from '../../web/domain/report/sections.ts';
import { screenProject } from '../../web/domain/screening/engine.ts';
import { EXIT, parseArgs, USAGE, UsageError } from './args.ts';
import { InputError, type LoadedLayer, readBoundary, readLayer, registryLayers } from './inputs.ts';
import { messageLine, type Said, textReport } from './report.ts';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

type Stage = 'boundary' | 'layer' | 'project';
type Tagged = Said & { stage: Stage } & Record<string, unknown>;
const tag = (stage: Stage, list: readonly Said[]): Tagged[] => list.map((m) => ({ stage, ...m }));

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await run(argv, io);
  } catch (e) {
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    try {
      io.err(
        `internal error: ${what.split('\n')[0]?.slice(0, 300)} — please report this (run with --debug for details)`,
      );
      if (debug && e instanceof Error && e.stack) io.err(e.stack);
    } catch {
      // nowhere left to say it
    }
    return EXIT.internal;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`error: ${e.message}`);
    io.err('run `npm run screen -- --help` for usage');
    return EXIT.usage;
  }
  if (args.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const warnings: Tagged[] = [];
  // the importer's and the layer check's messages name their file; the project validation's do not
  const named = (stage: Stage, m: Said) =>
    stage === 'project'
      ? `${messageLine(m).slice(0, 2)}${path.basename(args.boundary)}: ${messageLine(m).slice(2)}`
      : messageLine(m);
  const warn = (stage: Stage, list: readonly Said[]) => {
    for (const m of list) io.err(named(stage, m));
    warnings.push(...tag(stage, list));
  };
  const refuse = (stage: Stage, errors: readonly Said[], more: readonly Said[] = []): number => {
    warn(stage, more);
    for (const m of errors) io.err(named(stage, m));
    if (args.json)
      io.out(JSON.stringify({ ok: false, stage, errors: tag(stage, errors), warnings }, null, 2));
    return EXIT.input;
  };

  let boundary: Awaited<ReturnType<typeof readBoundary>>;
  const layers: LoadedLayer[] = [];
  const notChecked: SectionLayer[] = [];
  try {
    boundary = await readBoundary(args.boundary, args.source);
    warn('boundary', boundary.warnings);
    if (args.layers.length === 0) {
      // the app's screening layers, with the files given for them; those with no data are listed as not checked
      const reg = await registryLayers(new Map(args.layerFor.map((l) => [l.id, l.file])));
      layers.push(...reg.layers);
      notChecked.push(...reg.notLoaded.map(notCheckedLayer));
    } else {
      for (const f of args.layers) layers.push(await readLayer(f));
      for (const l of args.layerFor) layers.push(await readLayer(l.file, layerById(l.id)));
    }
  } catch (e) {
    if (e instanceof InputError) return refuse(e.stage, e.errors, e.warnings);
    throw e;
  }
  for (const l of layers) warn('layer', l.warnings);

  const out = screenProject(
    boundary.project,
    layers.map((l) => l.index),
    {
      buffersM: args.buffersM,
      includeGeometry: args.geometry,
      ...(args.type ? { projectType: args.type } : {}),
    },
  );
  if (!out.ok) return refuse('project', out.errors, out.warnings);
  const r = out.result;
  warn('project', r.project.warnings);
  // what the check found about the layers' features it relied on (the load-time warnings are printed already)
  const printed = new Set(layers.flatMap((l) => l.warnings));
  warn(
    'layer',
    r.layers.flatMap((l) => l.warnings.filter((w) => !printed.has(w))),
  );
  const badges = new Map(layers.map((l) => [l.index.data.meta.id, l.badge]));
  const sections = screeningSections(r, { badges, notChecked });
  if (args.json) {
    io.out(JSON.stringify({ ok: true, ...r, sections, warnings }, null, 2));
    return EXIT.ok;
  }
  for (const line of textReport(r, badges, sections)) io.out(line);
  return EXIT.ok;
}
