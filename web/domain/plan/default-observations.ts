/**
 * The observations the app starts with: published figures (data/observations.published.csv, each with its outlet
 * as source; partial, related and context rows too, shown as context), and the made-up sample rows (示例) only for
 * an indicator and zone without a published figure of the plan's own measure (relation same).
 */
import { REGION_ID } from './gazetteer.ts';
import { isStatusRow } from './observation-check.ts';
import type { Observation } from './types.ts';

const key = (o: Pick<Observation, 'indicatorId' | 'zoneId'>) =>
  `${o.indicatorId}|${!o.zoneId || o.zoneId === REGION_ID ? '' : o.zoneId}`;

export function defaultObservations(
  published: readonly Observation[],
  sample: readonly Observation[],
): Observation[] {
  const covered = new Set(published.filter(isStatusRow).map(key));
  return [...published, ...sample.filter((o) => !covered.has(key(o)))];
}
