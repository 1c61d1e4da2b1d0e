/** Public API of the screening engine (pure; for the worker, the CLI and tests). */

export { type AreaFigures, areaFigures, formatAreaEn, formatAreaZh } from '../geo/units.ts';
export { type ValidationIssue, type ValidationResult, validateProject } from '../geo/validate-polygon.ts';
export * from './engine.ts';
export * from './layer.ts';
export * from './rules.ts';
export { BENCH_LAYER, INNER_MONGOLIA_BBOX, syntheticLayer, syntheticProject } from './synthetic-layer.ts';
export * from './worker-protocol.ts';
