/**
 * Public API of the plan domain: types of data/plan.json and data/gazetteer.json, observations and status.
 * Pure: no React, DOM, maplibre or zustand.
 */
export { buildPlan, type LedgerRow, ledger, PlanBuildError } from './build.ts';
export { extractTargets, type RawTarget, yearsNamed } from './extract-targets.ts';
export { GAZETTEER_SOURCE, LIST_HEADS, REGION_ID } from './gazetteer-source.ts';
export { INDICATOR_CATALOGUE } from './indicator-catalogue.ts';
export { comparatorLabel, STATUS_LABELS } from './labels.ts';
export { createMatcher, GazetteerError, normalizeForMatching, type PlaceMatcher } from './match-places.ts';
export {
  checkObservations,
  type Observation,
  type ObservationIssue,
  type ObservationsResult,
  parseCsvRows,
  parseObservationsCsv,
  parseObservationsJson,
} from './observations.ts';
export { leadSentence, OutlineParseError, parseOutline } from './parse-outline.ts';
export { PLAN_SCHEMA } from './schema.ts';
export {
  BASELINE_YEAR,
  computeStatus,
  governingTarget,
  type IndicatorStatus,
  meetsTarget,
  type StatusCode,
  type StatusReason,
} from './status.ts';
export type * from './types.ts';
