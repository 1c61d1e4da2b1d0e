/** Command-line flags of `npm run screen`: parsed strictly, with the nearest spelling suggested on a typo. */

import { screeningLayerDefs } from '../../layers/screening.ts';
import type { CoordinateSource } from '../../web/domain/importers/types.ts';
import { MAX_BUFFER_M, parseBufferList } from '../../web/domain/screening/buffers.ts';
import { PROJECT_TYPES } from '../../web/domain/screening/rules.ts';

export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;

export const SOURCES: readonly CoordinateSource[] = ['wgs84', 'gcj02', 'bd09'];

export const USAGE = `usage: npm run screen -- <boundary file> [options]

Screens a project boundary against protected layers with the same importers and engine as the web app.
Boundary: GeoJSON, KML, KMZ, GPX, zipped Shapefile, CSV, WKT, coordinate text or 界址点 TXT.

options:
  --layer <file>       a layer to screen against (repeatable): GeoJSON, KML/KMZ, zipped Shapefile …
                       (read like a user layer in the app) or a binary .ebl layer. Default: the app's
                       screening layers from data/layers (marked 示意 where schematic).
  --layer <id>=<file>  the official data for one of the app's screening layers (repeatable), checked with
                       that layer's rule table, e.g. farmland-permanent=永久基本农田.geojson,
                       urban-boundary=城镇开发边界.shp.zip. With no plain --layer, the app's other layers are
                       read too, and a layer with no data (${screeningLayerDefs()
                         .filter((d) => d.userDataOnly)
                         .map((d) => d.id)
                         .join(', ')}) is listed as not loaded, not checked.
  --buffer <distance>  report features within this distance (repeatable, or separated by commas):
                       metres or with a unit, e.g. 500, 1km; greater than 0, at most ${MAX_BUFFER_M} m
  --type <id>          declared project type, for the verdicts (see below)
  --source <datum>     datum of lon/lat boundary coordinates: ${SOURCES.join(' | ')} (default wgs84;
                       wgs84 also stands for CGCS2000; gcj02 = 高德/腾讯, bd09 = 百度)
  --geometry           include overlap geometries in --json output
  --json               print the result as JSON on stdout (warnings also go to stderr)
  --debug              print the stack trace of an internal error
  -h, --help           this text

exit codes:
  0  checked (warnings, if any, are printed to stderr and listed in --json output)
  1  input error: a boundary or layer file that cannot be read or screened truthfully
  2  usage error: unknown option, bad value, missing boundary file
  3  internal error (a bug: please report it, with --debug output)

project types:
${PROJECT_TYPES.map((p) => `  ${p.id.padEnd(30)} ${p.zh}`).join('\n')}`;

export class UsageError extends Error {}

export interface CliArgs {
  help: boolean;
  boundary: string;
  layers: string[];
  /** `--layer <id>=<file>`: a file for a registry screening layer */
  layerFor: { id: string; file: string }[];
  buffersM: number[];
  type: string;
  source: CoordinateSource;
  json: boolean;
  geometry: boolean;
  debug: boolean;
}

const FLAGS = ['--layer', '--buffer', '--type', '--source', '--geometry', '--json', '--debug', '--help'];

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0] as number;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j] as number;
      d[j] = Math.min(cur + 1, (d[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length] as number;
}

/** The candidate closest to what was typed, if it is close enough to be a typo. */
export function nearest(typed: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s.]/g, '');
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = norm(typed) === norm(c) ? 0 : editDistance(typed.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(2, Math.floor(typed.length / 3)) ? best : undefined;
}

const didYouMean = (typed: string, candidates: readonly string[]) => {
  const n = nearest(typed, candidates);
  return n ? ` (did you mean ${n}?)` : '';
};

export function parseArgs(argv: readonly string[]): CliArgs {
  const a: CliArgs = {
    help: false,
    boundary: '',
    layers: [],
    layerFor: [],
    buffersM: [],
    type: '',
    source: 'wgs84',
    json: false,
    geometry: false,
    debug: false,
  };
  let sourceSeen = false;
  let typeSeen = false;
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i] as string;
    let inline: string | undefined;
    if (!onlyFiles && arg.startsWith('--') && arg.includes('=')) {
      inline = arg.slice(arg.indexOf('=') + 1);
      arg = arg.slice(0, arg.indexOf('='));
    }
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined || (v.startsWith('--') && v.length > 2))
        throw new UsageError(`${arg} needs a value`);
      return v;
    };
    const noValue = () => {
      if (inline !== undefined) throw new UsageError(`${arg} takes no value`);
    };
    if (onlyFiles || !arg.startsWith('-') || arg === '-') {
      if (a.boundary) throw new UsageError(`unexpected argument “${arg}”: give one boundary file`);
      a.boundary = arg;
      continue;
    }
    switch (arg) {
      case '--':
        onlyFiles = true;
        break;
      case '--layer': {
        const v = value();
        if (!v) throw new UsageError('--layer needs a file name');
        const m = /^([a-z][a-z0-9-]*)=(.+)$/.exec(v);
        if (m) {
          const ids = screeningLayerDefs().map((d) => d.id);
          const id = m[1] as string;
          if (!ids.includes(id))
            throw new UsageError(`unknown layer id “${id}”${didYouMean(id, ids)}; one of: ${ids.join(', ')}`);
          if (a.layerFor.some((l) => l.id === id)) throw new UsageError(`--layer ${id}= given twice`);
          a.layerFor.push({ id, file: m[2] as string });
        } else a.layers.push(v);
        break;
      }
      case '--buffer': {
        const b = parseBufferList(value());
        if (!b.ok) throw new UsageError(b.errors.map((e) => `--buffer ${e.en}`).join('; '));
        a.buffersM.push(...b.metres);
        break;
      }
      case '--type': {
        if (typeSeen) throw new UsageError('--type given twice');
        typeSeen = true;
        const v = value();
        const ids = PROJECT_TYPES.map((p) => p.id);
        if (!ids.includes(v as (typeof ids)[number]))
          throw new UsageError(`unknown project type “${v}”${didYouMean(v, ids)}; one of: ${ids.join(', ')}`);
        a.type = v;
        break;
      }
      case '--source': {
        if (sourceSeen) throw new UsageError('--source given twice');
        sourceSeen = true;
        const v = value();
        if (!SOURCES.includes(v as CoordinateSource))
          throw new UsageError(
            `unknown --source “${v}”${didYouMean(v, SOURCES)}; one of: ${SOURCES.join(', ')}`,
          );
        a.source = v as CoordinateSource;
        break;
      }
      case '--json':
        noValue();
        a.json = true;
        break;
      case '--geometry':
        noValue();
        a.geometry = true;
        break;
      case '--debug':
        noValue();
        a.debug = true;
        break;
      case '-h':
      case '--help':
        a.help = true;
        break;
      default:
        throw new UsageError(`unknown option ${arg}${didYouMean(arg, FLAGS)}`);
    }
  }
  if (!a.help && !a.boundary) throw new UsageError('no boundary file given');
  a.buffersM = [...new Set(a.buffersM)].sort((x, y) => x - y);
  return a;
}
