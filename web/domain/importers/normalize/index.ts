/**
 * Normalisation: the stages every parsed file goes through, in order, whatever its format. Each stage reads
 * its input and returns new features; none mutates what it is given (tested on a deep-frozen input).
 */
import type { Position } from 'geojson';
import type { Crs } from '../crs.ts';
import type { ParsedFeature, ParseOutput } from '../format.ts';
import type { Reporter } from '../messages.ts';
import { rewindPolygon } from '../rings.ts';
import type { BoundaryFeature, ImportLimits, ImportOptions } from '../types.ts';
import { checkRegion } from './region.ts';
import { checkRange, convertDatum, lonLatCrsName, reproject, resolveCrs } from './reproject.ts';
import { checkFinite, checkSize, closeRings, selectFixtureRole } from './structure.ts';
import { validate } from './validate.ts';

export { REGION_BBOX, REGION_MARGIN_DEG } from './region.ts';
export { looksProjected } from './reproject.ts';

/** What flows from stage to stage. */
export interface Work {
  readonly features: readonly ParsedFeature[];
  /** The CRS the coordinates are in now (undefined: lon/lat of the user's source). */
  readonly crs?: Crs | undefined;
  /** True once projected coordinates were turned into lon/lat. */
  readonly projected: boolean;
  /** The outline before datum conversion (GCJ-02 / BD-09 as read). */
  readonly original?: BoundaryFeature[] | undefined;
}

export interface StageContext {
  readonly parsed: Readonly<ParseOutput>;
  readonly options: ImportOptions;
  readonly limits: ImportLimits;
  readonly rep: Reporter;
}

export interface Stage {
  name: string;
  /** Keep going after this stage's errors, so later stages can report too (the result still fails). */
  continueOnError?: boolean;
  run(work: Work, ctx: StageContext): Work;
}

export const NORMALIZE_STAGES: readonly Stage[] = [
  { name: 'fixture-role', run: selectFixtureRole },
  { name: 'size', run: checkSize },
  { name: 'finite', run: checkFinite },
  { name: 'rings', run: closeRings },
  { name: 'crs', run: resolveCrs },
  { name: 'reproject', run: reproject },
  { name: 'range', run: checkRange },
  { name: 'datum', run: convertDatum },
  { name: 'validate', continueOnError: true, run: validate },
  { name: 'region', run: checkRegion },
];

export interface NormalizeResult {
  features: BoundaryFeature[];
  original?: BoundaryFeature[];
  crsName: string;
}

export function toFeature(
  polygons: Position[][][],
  properties: Record<string, unknown>,
  id?: string | number,
): BoundaryFeature {
  const geometry =
    polygons.length === 1
      ? { type: 'Polygon' as const, coordinates: polygons[0] as Position[][] }
      : { type: 'MultiPolygon' as const, coordinates: polygons };
  return { type: 'Feature', ...(id === undefined ? {} : { id }), properties: { ...properties }, geometry };
}

/** Run the stages; undefined when any reported an error (the messages are in `rep`). */
export function normalize(
  parsed: Readonly<ParseOutput>,
  options: ImportOptions,
  limits: ImportLimits,
  rep: Reporter,
): NormalizeResult | undefined {
  const ctx: StageContext = { parsed, options, limits, rep };
  let work: Work = { features: parsed.features, crs: parsed.crs, projected: false };
  for (const stage of NORMALIZE_STAGES) {
    work = stage.run(work, ctx);
    if (rep.hasErrors && !stage.continueOnError) return undefined;
  }
  if (rep.hasErrors) return undefined;
  const features = work.features.map((f) => toFeature(f.polygons.map(rewindPolygon), f.properties, f.id));
  const out: NormalizeResult = { features, crsName: work.crs?.name ?? lonLatCrsName(options.source) };
  if (work.original) out.original = work.original;
  return out;
}
