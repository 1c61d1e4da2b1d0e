import type { ScreeningResult } from '../../domain/screening/engine.ts';
import type { DatasetInfo, ScreeningDraft } from './screening-slice.ts';

/**
 * What a filed report can be verified against: the boundary, the datasets (with their SHA-256) and the results,
 * as canonical JSON (keys sorted, no spaces). The report prints the SHA-256 of exactly this text; the same text
 * is offered as a download, so `sha256sum` on it must give the printed value.
 */
export function reportRecord(
  draft: ScreeningDraft,
  result: ScreeningResult,
  datasets: DatasetInfo[],
  buffersM: number[],
  checkedAt: string | null,
): unknown {
  return {
    format: 'eco-barrier-map/screening-record',
    version: 1,
    checkedAt,
    project: {
      name: draft.name,
      type: draft.type,
      source: draft.source,
      importedFrom: draft.importedFrom ?? null,
    },
    boundary: draft.boundary,
    engine: result.engine,
    method: result.method,
    buffersM,
    datasets: datasets.map((d) => ({
      layerId: d.layerId,
      version: d.version,
      sha256: d.sha256,
      schematic: d.schematic,
      userData: d.userData,
      featureCount: d.featureCount,
    })),
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
    },
  };
}

/** JSON with object keys sorted at every level; undefined members dropped as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(o)
          .sort()
          .map((k) => [k, o[k]]),
      );
    }
    return v;
  });
}

export async function sha256Hex(text: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...d].map((b) => b.toString(16).padStart(2, '0')).join('');
}
