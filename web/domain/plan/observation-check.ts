/**
 * Does an observation fit the plan? The indicator exists; the zone is a gazetteer entry and, for a row that may
 * drive a status (relation same), in the indicator's scope; same and partial rows are in the indicator's unit;
 * the year is within 2000–2035 (the plan runs to 2035; earlier years are baselines).
 */
import { issueWords, type ObservationIssueCode, type Params } from './observation-messages.ts';
import type { ObservationIssue } from './observations.ts';
import type { Indicator, Observation } from './types.ts';

export const OBSERVATION_YEARS = { min: 2000, max: 2035 } as const;

type IndicatorInfo = Pick<Indicator, 'id' | 'zones' | 'name' | 'en' | 'unit'>;
type ZoneNames = ReadonlyMap<string, { zh: string; en: string }>;

export interface CheckContext {
  indicators: ReadonlyMap<string, IndicatorInfo>;
  /** Gazetteer entries by id: when given, a zone must be one of them, and messages name zones. */
  zones?: ZoneNames;
}

const UNIT_ALIASES: Record<string, string> = {
  'μg/m3': '微克/立方米',
  'µg/m3': '微克/立方米',
  'ug/m3': '微克/立方米',
  'μg/m³': '微克/立方米',
  'µg/m³': '微克/立方米',
};

/** A unit as compared: half-width %, no spaces, lower case, µg/m³ spelled as the outline does. */
export function normalUnit(unit: string): string {
  const u = unit.replace(/％/g, '%').replace(/\s+/g, '').toLowerCase();
  return UNIT_ALIASES[u] ?? u;
}

export const isStatusRow = (o: Pick<Observation, 'relation'>): boolean => (o.relation ?? 'same') === 'same';

function names(ids: readonly string[], zones: ZoneNames | undefined, lang: 'zh' | 'en'): string {
  return ids.map((id) => zones?.get(id)?.[lang] ?? id).join(lang === 'zh' ? '、' : ', ');
}

/** The issues of one observation (line 0: the caller knows the row). */
export function checkObservation(o: Observation, ctx: CheckContext): ObservationIssue[] {
  const out: ObservationIssue[] = [];
  const add = (code: ObservationIssueCode, p: Params) => out.push({ line: 0, code, ...issueWords(code, p) });
  if (o.year < OBSERVATION_YEARS.min || o.year > OBSERVATION_YEARS.max) {
    add('year-out-of-range', { year: o.year, ...OBSERVATION_YEARS });
  }
  const ind = ctx.indicators.get(o.indicatorId);
  if (!ind) {
    add('indicator-unknown', { id: o.indicatorId });
    return out;
  }
  const zone = o.zoneId;
  if (zone && ctx.zones && !ctx.zones.has(zone)) add('zone-unknown', { id: zone });
  else if (zone && isStatusRow(o) && !ind.zones.includes(zone)) {
    add('zone-out-of-scope', {
      id: zone,
      zoneZh: names([zone], ctx.zones, 'zh'),
      zoneEn: names([zone], ctx.zones, 'en'),
      indicatorZh: ind.name,
      indicatorEn: ind.en,
      scopeZh: names(ind.zones, ctx.zones, 'zh'),
      scopeEn: names(ind.zones, ctx.zones, 'en'),
    });
  }
  const sameMeasure = o.relation === undefined || o.relation === 'same' || o.relation === 'partial';
  if (o.unit && sameMeasure && normalUnit(o.unit) !== normalUnit(ind.unit)) {
    add('unit-mismatch', { unit: o.unit, expected: ind.unit, indicatorZh: ind.name, indicatorEn: ind.en });
  }
  return out;
}

/** Issues of observations against the plan, each with the observation's index + 1 as its line. */
export function checkObservations(
  observations: readonly Observation[],
  indicators: readonly IndicatorInfo[],
  zones?: ZoneNames,
): ObservationIssue[] {
  const ctx: CheckContext = { indicators: new Map(indicators.map((i) => [i.id, i])), zones };
  return observations.flatMap((o, i) => checkObservation(o, ctx).map((x) => ({ ...x, line: i + 1 })));
}
