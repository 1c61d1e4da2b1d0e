import type { ScreeningResult } from '../screening/engine.ts';
import { type SectionLayer, sectionRecord, sectionsFor } from './sections.ts';
import type { CheckedProject, DatasetInfo } from './types.ts';

export const RECORD_FORMAT = 'eco-barrier-map/screening-record';
/**
 * 2: datasets carry `badge` ('schematic' | 'user' | null) instead of the `schematic` and `userData` flags.
 * 3: `notChecked` (screening layers with no data loaded) and `results.sections` (one per layer, report/sections.ts);
 * `project.type` is '' when no type was chosen.
 */
export const RECORD_VERSION = 3;

/**
 * What a filed report can be verified against: the boundary, the datasets (with their SHA-256 and their badge as
 * of the check) and the results. The report prints the SHA-256 of `canonicalJson` of exactly this value; the same
 * text is offered as a download, so `sha256sum` on it must give the printed value.
 */
export function reportRecord(
  project: CheckedProject,
  result: ScreeningResult,
  datasets: DatasetInfo[],
  buffersM: number[],
  checkedAt: string | null,
  notChecked: readonly SectionLayer[] = [],
): unknown {
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    checkedAt,
    project: {
      name: project.name,
      type: project.type,
      source: project.source,
      importedFrom: project.importedFrom ?? null,
    },
    boundary: project.boundary,
    engine: result.engine,
    method: result.method,
    buffersM,
    datasets: datasets.map((d) => ({
      layerId: d.layerId,
      version: d.version,
      sha256: d.sha256,
      badge: d.badge,
      featureCount: d.featureCount,
    })),
    notChecked: notChecked.map((n) => ({ layerId: n.layerId, zoneType: n.zoneType, reason: 'not-loaded' })),
    results: {
      projectAreaM2: result.projectAreaM2,
      layers: result.layers,
      overlaps: result.overlaps.map(({ geometry: _g, ...o }) => o),
      nearest: result.nearest,
      buffers: result.buffers,
      verdicts: result.verdicts.map((v) => ({
        zoneType: v.zoneType,
        verdict: v.verdict,
        rule: v.rule.id,
        layerIds: v.layerIds,
        overlapAreaM2: v.overlapAreaM2,
      })),
      overallVerdict: result.overallVerdict,
      sections: sectionsFor(result, datasets, notChecked).map(sectionRecord),
    },
  };
}

/**
 * The canonical form the report hash is taken over (docs/screening-ui.md): JSON text without whitespace; object
 * members sorted by key in UTF-16 code-unit order at every level (integer-like keys too, unlike JavaScript's own
 * property order); array order kept; members whose value is undefined, a function or a symbol left out (in arrays
 * they become null); non-finite numbers written as null; strings, keys and finite numbers written as
 * JSON.stringify writes them (shortest round-trip numbers, -0 as 0); a value with toJSON() written as its result.
 * The hash is SHA-256 of the UTF-8 bytes of this text.
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

function write(input: unknown): string | undefined {
  const v =
    input !== null &&
    typeof input === 'object' &&
    typeof (input as { toJSON?: unknown }).toJSON === 'function'
      ? (input as { toJSON(): unknown }).toJSON()
      : input;
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? JSON.stringify(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: a BigInt has no JSON form');
    case 'object':
      break;
    default:
      return undefined;
  }
  if (Array.isArray(v)) return `[${v.map((x) => write(x) ?? 'null').join(',')}]`;
  const o = v as Record<string, unknown>;
  const members: string[] = [];
  for (const k of Object.keys(o).sort()) {
    const s = write(o[k]);
    if (s !== undefined) members.push(`${JSON.stringify(k)}:${s}`);
  }
  return `{${members.join(',')}}`;
}
