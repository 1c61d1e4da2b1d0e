/**
 * Whose an observation is: a league's zone (or none of a league's banners) is that league's (its 4-digit code), a
 * banner's or county's zone is that banner's (6 digits, inside its league), every other zone — the region, sandy
 * lands, river basins, which cross leagues — and a row without a zone is the region's. A planner may enter and
 * withdraw observations within their scope (roles.ts: covers).
 */
import { LEAGUES } from '../zones/leagues.ts';

export interface ZoneAdmin {
  kind: string;
  /** 6-digit administrative code, for counties */
  adcode?: number;
}

const LEAGUE_CODE = new Map(LEAGUES.map((l) => [l.id, String(l.adcode).slice(0, 4)]));

export function observationScope(zoneId: string | undefined, zones: ReadonlyMap<string, ZoneAdmin>): string {
  if (!zoneId) return 'region';
  const league = LEAGUE_CODE.get(zoneId);
  if (league) return league;
  const z = zones.get(zoneId);
  if (z?.kind === 'county' && z.adcode && /^15\d{4}$/.test(String(z.adcode))) return String(z.adcode);
  return 'region';
}
