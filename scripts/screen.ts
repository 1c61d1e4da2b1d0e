/**
 * Red-line screening from the command line, with the same engine as the web app.
 *
 *   npm run screen -- <boundary file> [--layer <layer file>]... [--buffer <metres>]... [--type <project type>]
 *                     [--source wgs84|gcj02|bd09] [--geometry] [--json]
 *
 * Boundary: GeoJSON, or any format the importers read (界址点 TXT, KML, Shapefile zip, …). Layers: GeoJSON
 * FeatureCollections or binary .ebl layers (encodeLayer). Without --layer a seeded synthetic red line is used.
 * --json prints { projectAreaM2, overlaps: [{ layerId, featureId, areaM2, share, … }], nearest, verdicts, … }.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatAreaEn, formatAreaZh } from '../web/domain/geo/units.ts';
import { importBoundarySync } from '../web/domain/importers/index.ts';
import { screenProject } from '../web/domain/screening/engine.ts';
import {
  decodeLayer,
  type GeoJsonFeatureCollection,
  indexLayer,
  type LayerIndex,
  layerFromGeoJson,
} from '../web/domain/screening/layer.ts';
import { PROJECT_TYPES } from '../web/domain/screening/rules.ts';
import { BENCH_LAYER, syntheticLayer } from '../web/domain/screening/synthetic-layer.ts';

const USAGE = `usage: npm run screen -- <boundary file> [--layer <file>]... [--buffer <metres>]... [--type <project type>]
                        [--source wgs84|gcj02|bd09] [--geometry] [--json]
project types: ${PROJECT_TYPES.map((p) => p.id).join(', ')}`;

function parseArgs(argv: string[]) {
  const a = {
    boundary: '',
    layers: [] as string[],
    buffers: [] as number[],
    type: '',
    source: 'wgs84',
    json: false,
    geometry: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--layer') a.layers.push(next());
    else if (arg === '--buffer') a.buffers.push(...next().split(',').map(Number));
    else if (arg === '--type') a.type = next();
    else if (arg === '--source') a.source = next();
    else if (arg === '--json') a.json = true;
    else if (arg === '--geometry') a.geometry = true;
    else if (arg === '-h' || arg === '--help') throw new Error(USAGE);
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else if (!a.boundary) a.boundary = arg;
    else throw new Error(`unexpected argument ${arg}\n${USAGE}`);
  }
  if (!a.boundary) throw new Error(USAGE);
  if (a.buffers.some((b) => !(b > 0)))
    throw new Error('--buffer takes positive metres, e.g. --buffer 500 --buffer 1000');
  if (a.type && !PROJECT_TYPES.some((p) => p.id === a.type))
    throw new Error(`unknown project type ${a.type}\n${USAGE}`);
  return a;
}

/** Test fixtures hold project and layer in one file, told apart by properties.role. */
function onlyRole(geojson: unknown, role: 'project' | 'layer'): unknown {
  const fc = geojson as { type?: string; features?: { properties?: { role?: string } | null }[] };
  if (fc.type !== 'FeatureCollection' || !fc.features?.some((f) => f.properties?.role === 'project'))
    return geojson;
  return {
    ...fc,
    features: fc.features.filter((f) => (f.properties?.role === 'project') === (role === 'project')),
  };
}

function readBoundary(file: string, source: string): unknown {
  const bytes = fs.readFileSync(file);
  if (/\.(geo)?json$/i.test(file) && source === 'wgs84')
    return onlyRole(JSON.parse(bytes.toString('utf8')), 'project');
  const r = importBoundarySync(
    { name: path.basename(file), bytes: new Uint8Array(bytes) },
    { source: source as 'wgs84' | 'gcj02' | 'bd09' },
  );
  if (!r.ok) {
    throw new Error(
      r.errors.map((e) => `${e.file}${e.location ? ` (${e.location})` : ''}: ${e.zh} / ${e.en}`).join('\n'),
    );
  }
  return { type: 'FeatureCollection', features: r.features };
}

function readLayer(file: string): LayerIndex {
  const bytes = fs.readFileSync(file);
  if (/\.ebl$/i.test(file)) {
    return indexLayer(
      decodeLayer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer),
    );
  }
  const fc = onlyRole(JSON.parse(bytes.toString('utf8')), 'layer') as GeoJsonFeatureCollection;
  const id = path.basename(file).replace(/\.(geo)?json$/i, '');
  return indexLayer(
    layerFromGeoJson(fc, { id, version: `${path.basename(file)} ${fs.statSync(file).mtime.toISOString()}` }),
  );
}

function main(): number {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  let project: unknown;
  try {
    project = readBoundary(args.boundary, args.source);
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
  const layers =
    args.layers.length > 0 ? args.layers.map(readLayer) : [indexLayer(syntheticLayer(BENCH_LAYER))];
  const opts = {
    buffersM: args.buffers,
    includeGeometry: args.geometry,
    ...(args.type ? { projectType: args.type } : {}),
  };
  const out = screenProject(project, layers, opts);
  if (!out.ok) {
    if (args.json)
      console.log(JSON.stringify({ ok: false, errors: out.errors, warnings: out.warnings }, null, 2));
    else for (const e of out.errors) console.error(`✗ ${e.zh}\n  ${e.en}`);
    return 1;
  }
  const r = out.result;
  if (args.json) {
    console.log(JSON.stringify({ ok: true, ...r }, null, 2));
    return 0;
  }
  const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
  console.log(
    `项目面积 Project area: ${formatAreaZh(r.projectAreaM2)} · ${formatAreaEn(r.projectAreaM2)} (${r.projectAreaM2.toFixed(1)} m²)`,
  );
  for (const w of r.project.warnings) console.log(`! ${w.zh} / ${w.en}`);
  for (const l of r.layers) {
    console.log(`\n[${l.layerId}] ${l.nameZh ?? ''} ${l.version ? `(${l.version})` : ''}`);
    if (l.overlapFeatureCount === 0) {
      console.log('  无压占 No overlap.');
      if (l.nearest)
        console.log(
          `  最近边界 Nearest boundary: ${l.nearest.distanceM.toFixed(1)} m (feature ${l.nearest.featureId})`,
        );
    } else {
      for (const o of r.overlaps.filter((x) => x.layerId === l.layerId)) {
        console.log(
          `  ${o.featureId}${o.zoneId ? ` ${o.zoneId}` : ''} [${o.zoneType}]: ${o.areaM2.toFixed(1)} m² = ${o.area.ha.toFixed(2)} 公顷 = ${o.area.mu.toFixed(2)} 亩, ${pct(o.share)} of project`,
        );
      }
      console.log(
        `  合计 Total: ${formatAreaZh(l.overlapAreaM2)} · ${pct(l.share)} of project (${l.overlapFeatureCount} features)`,
      );
    }
    for (const b of r.buffers.filter((x) => x.layerId === l.layerId)) {
      const list = b.features.map((f) => `${f.featureId} (${f.distanceM.toFixed(0)} m)`).join(', ');
      console.log(
        `  ${b.distanceM} m 范围内 within: ${b.features.length}${list ? ` — ${list.slice(0, 300)}` : ''}`,
      );
    }
  }
  if (r.projectType) {
    console.log(`\n项目类型 Project type: ${r.projectType.zh} / ${r.projectType.en}`);
    for (const v of r.verdicts) {
      console.log(
        `  ${v.zoneTypeZh}: ${v.verdictZh} / ${v.verdictEn}\n    依据 ${v.rule.source}: ${v.rule.zh}\n    ${v.rule.en}`,
      );
    }
    if (r.verdicts.length === 0) console.log('  不压占任何管控区 No restricted zone is overlapped.');
  }
  console.log(`\n方法 Method: ${r.method.area}; ${r.method.clip}; ${r.method.distance}.`);
  return 0;
}

process.exitCode = main();
