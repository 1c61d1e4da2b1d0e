/**
 * Which indicators a zone's panel shows, with their scope and a status read from the right observations.
 * The rule (also in docs/plan-data.md, "Indicators on a zone"):
 *
 * - An indicator is shown on a zone when the zone is in its scope or lies inside it administratively: a county of a
 *   scope league, a group whose members are all in the scope. `own`: the scope is this zone (or a group equal to
 *   it); `member`: the zone is one of several in the scope (呼包鄂乌 for 包头市); `inside`: a county or group inside
 *   the scope. Places that merely lie in a scope league (a river, a desert, a wind base in 鄂尔多斯市) are not: a
 *   city's bus target is not a river's.
 * - Region-wide indicators (scope 内蒙古自治区) are local only on the region itself (`region`). Every other zone
 *   in the region gets them apart, as `regionWide` rows: a region-wide target is not a target of the zone, and its
 *   status is the region's, never the zone's.
 * - The region lists every indicator: those with a narrower scope are `covers` rows naming their scope, with one
 *   status per scope zone that has observations of its own (so does a group that is the scope, 呼包鄂乌).
 * - Zones outside the region (京津冀, 长三角 …) show none.
 * - Status: a zone's own observations for `member` rows, the containing zone's for `inside` rows when one zone of
 *   the scope contains it; else the observations for the whole scope (`statusZone` null).
 */
import { REGION_ID } from './gazetteer.ts';
import type { Observation } from './observations.ts';
import { computeStatus, type IndicatorStatus } from './status.ts';
import type { GazetteerEntry, Indicator, PlanData } from './types.ts';

export type IndicatorScopeKind = 'region' | 'own' | 'member' | 'inside' | 'covers' | 'regionWide';

export interface ZoneStatus {
  zoneId: string;
  status: IndicatorStatus;
}

export interface ZoneIndicatorRow {
  indicator: Indicator;
  kind: IndicatorScopeKind;
  /** The indicator's scope zones. */
  scope: readonly string[];
  /** A gazetteer group whose members are exactly the scope (呼包鄂乌), when there is one. */
  scopeGroup: string | null;
  /** For `inside` rows: the scope zone(s) the zone lies in. */
  via: readonly string[];
  /** Whose observations `status` reads: a zone id, or null for the scope as a whole. */
  statusZone: string | null;
  status: IndicatorStatus;
  /** For `covers` rows: the status of each scope zone with observations of its own. */
  perZone: readonly ZoneStatus[];
}

export interface ZoneIndicators {
  /** Indicators whose scope is this zone, includes it or contains it. */
  local: ZoneIndicatorRow[];
  /** Region-wide indicators shown on a zone other than the region, apart from the local ones. */
  regionWide: ZoneIndicatorRow[];
}

type Gazetteer = ReadonlyMap<string, Pick<GazetteerEntry, 'id' | 'kind' | 'leagues' | 'groupOf'>>;

/** The leagues a zone lies in: itself for a league, its members' leagues for a group. */
export function leaguesOf(zoneId: string, gazetteer: Gazetteer, seen = new Set<string>()): string[] {
  const entry = gazetteer.get(zoneId);
  if (!entry || seen.has(zoneId)) return [];
  seen.add(zoneId);
  if (entry.kind === 'league') return [zoneId];
  if (entry.groupOf) return [...new Set(entry.groupOf.flatMap((m) => leaguesOf(m, gazetteer, seen)))];
  return [...entry.leagues];
}

function groupMatching(scope: readonly string[], gazetteer: Gazetteer): string | null {
  if (scope.length < 2) return null;
  for (const e of gazetteer.values()) {
    const members = e.groupOf;
    if (members?.length === scope.length && members.every((m) => scope.includes(m))) return e.id;
  }
  return null;
}

/** The scope zones the zone lies inside (empty when it does not lie inside the scope). */
function containers(zoneId: string, scope: readonly string[], gazetteer: Gazetteer): string[] {
  const entry = gazetteer.get(zoneId);
  if (entry?.groupOf?.every((m) => scope.includes(m))) return [...entry.groupOf];
  if (entry?.kind !== 'county') return [];
  const leagues = leaguesOf(zoneId, gazetteer);
  return leagues.length > 0 && leagues.every((l) => scope.includes(l)) ? leagues : [];
}

export function zoneIndicators(
  plan: Pick<PlanData, 'indicators'>,
  gazetteer: Gazetteer,
  observations: readonly Observation[],
  zoneId: string,
  asOfYear: number,
): ZoneIndicators {
  const local: ZoneIndicatorRow[] = [];
  const regionWide: ZoneIndicatorRow[] = [];
  const outside = gazetteer.get(zoneId)?.kind === 'external';
  for (const indicator of plan.indicators) {
    const scope = indicator.zones;
    const row = (
      kind: IndicatorScopeKind,
      statusZone: string | null,
      via: readonly string[] = [],
      perZone: readonly ZoneStatus[] = [],
    ): ZoneIndicatorRow => ({
      indicator,
      kind,
      scope,
      scopeGroup: groupMatching(scope, gazetteer),
      via,
      statusZone,
      status: computeStatus(indicator, observations, asOfYear, statusZone ? { zoneId: statusZone } : {}),
      perZone,
    });
    if (scope.includes(REGION_ID)) {
      if (zoneId === REGION_ID) local.push(row('region', null));
      else if (!outside) regionWide.push(row('regionWide', null));
      continue;
    }
    const perZone = () =>
      scope
        .map((z) => ({ zoneId: z, status: computeStatus(indicator, observations, asOfYear, { zoneId: z }) }))
        .filter((z) => z.status.status !== 'no-data');
    if (zoneId === REGION_ID) {
      local.push(row('covers', null, [], perZone()));
      continue;
    }
    if (scope.length === 1 && scope[0] === zoneId) {
      local.push(row('own', null));
      continue;
    }
    if (scope.includes(zoneId)) {
      const own = row('member', zoneId);
      local.push(own.status.status === 'no-data' ? row('member', null) : own);
      continue;
    }
    const via = containers(zoneId, scope, gazetteer);
    if (via.length === 0) continue;
    if (gazetteer.get(zoneId)?.groupOf && via.length === scope.length) {
      local.push(row('own', null, [], perZone()));
      continue;
    }
    const single = via.length === 1 ? via[0] : undefined;
    const inside = single ? row('inside', single, via) : undefined;
    local.push(inside && inside.status.status !== 'no-data' ? inside : row('inside', null, via));
  }
  return { local, regionWide };
}
