/** What a check returns (see docs/screening.md): types shared by the engine, the worker, the app and the CLI. */
import type { ValidationIssue } from '../geo/issues.ts';
import type { AreaFigures } from '../geo/units.ts';
import type { ProgressFn } from './layer.ts';
import type { LayerIssue } from './layer-check.ts';
import type { ProjectTypeId, ZoneVerdict } from './rules.ts';

export interface ScreenOptions {
  /** declared project type; verdicts are only given when set */
  projectType?: ProjectTypeId | string;
  /** buffer distances in metres, e.g. [500, 1000, 5000] */
  buffersM?: number[];
  /** return overlap geometries as GeoJSON (default true) */
  includeGeometry?: boolean;
  /** compute the nearest boundary when the project lies outside a layer (default true) */
  nearest?: boolean;
  onProgress?: ProgressFn;
}

export interface OverlapResult {
  layerId: string;
  featureId: string;
  zoneId: string | null;
  zoneType: string;
  name: string | null;
  areaM2: number;
  area: AreaFigures;
  /** overlap area / project area */
  share: number;
  /** 'contained': no boundary contact; 'clipped': boundaries cross; 'fallback': clipped by polyclip-ts */
  how: 'contained' | 'clipped' | 'fallback';
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] } | null;
}

export interface NearbyFeature {
  layerId: string;
  featureId: string;
  zoneId: string | null;
  zoneType: string;
  /** the feature's name, when the data gives one */
  name: string | null;
  distanceM: number;
}

export interface BufferResult {
  layerId: string;
  distanceM: number;
  /** features within the buffer that the project does not overlap, nearest first */
  features: NearbyFeature[];
}

export interface LayerSummary {
  layerId: string;
  nameZh: string | null;
  nameEn: string | null;
  version: string | null;
  /** the zone type the layer's features carry when they carry none: decides which rule table applies */
  zoneType: string;
  featureCount: number;
  overlapFeatureCount: number;
  overlapAreaM2: number;
  overlapArea: AreaFigures;
  share: number;
  /** nearest non-overlapping feature; null when none within the search limit */
  nearest: NearbyFeature | null;
  /** what validateLayer found (e.g. invalid geometry): the answer for this layer is less certain */
  warnings: LayerIssue[];
}

export interface VerdictResult extends ZoneVerdict {
  layerIds: string[];
  overlapAreaM2: number;
}

export interface ScreeningResult {
  engine: string;
  method: { area: string; areaZh: string; clip: string; distance: string };
  project: {
    areaM2: number;
    area: AreaFigures;
    bbox: [number, number, number, number];
    parts: number;
    vertexCount: number;
    warnings: ValidationIssue[];
  };
  projectType: { id: string; zh: string; en: string } | null;
  projectAreaM2: number;
  layers: LayerSummary[];
  overlaps: OverlapResult[];
  /** nearest boundary over all layers the project does not overlap (null if it overlaps every layer) */
  nearest: NearbyFeature | null;
  buffers: BufferResult[];
  verdicts: VerdictResult[];
  /** the strictest verdict, or null without a declared project type or without overlaps */
  overallVerdict: VerdictResult['verdict'] | null;
}

export type ScreenOutcome =
  | { ok: true; result: ScreeningResult }
  | { ok: false; errors: ValidationIssue[]; warnings: ValidationIssue[] };

/** Prepared project: flat rings, a segment grid and ring areas. Reusable across layers. */
