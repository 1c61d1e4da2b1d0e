/**
 * Public API of the plan domain: the build of data/plan.json and data/gazetteer.json, their schemas and types,
 * observations and status.
 * Pure: no React, DOM, maplibre or zustand.
 */
export { buildPlan, type LedgerRow, ledger, PlanBuildError } from './build.ts';
export { extractTargets, type RawTarget, yearsNamed } from './extract-targets.ts';
export { checkGazetteerSource, entriesById, REGION_ID } from './gazetteer.ts';
export { INDICATOR_CATALOGUE } from './indicator-catalogue.ts';
export { createMatcher, GazetteerError, normalizeForMatching, type PlaceMatcher } from './match-places.ts';
export {
  checkObservations,
  type ObservationIssue,
  type ObservationsResult,
  parseCsvRows,
  parseObservationsCsv,
  parseObservationsJson,
} from './observations.ts';
export { leadSentence, OutlineParseError, parseOutline } from './parse-outline.ts';
export { GAZETTEER_SOURCE_SCHEMA, PLAN_SCHEMA } from './schema.ts';
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
export {
  type IndicatorScopeKind,
  leaguesOf,
  type ZoneIndicatorRow,
  type ZoneIndicators,
  type ZoneStatus,
  zoneIndicators,
} from './zone-indicators.ts';
export {
  groupBySection,
  type LinkKind,
  linkSpans,
  notNamed,
  placeInLeague,
  type TaskLink,
  type TaskSectionGroup,
  taskLinks,
  type ZoneTask,
  type ZoneTasks,
  zoneTasks,
} from './zone-tasks.ts';
