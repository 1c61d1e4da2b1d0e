/** Buffer distances as a user types them: the same syntax and limits in the screening panel and the CLI. */

/** Largest buffer distance accepted (100 km); larger rings say little about a site and slow the check. */
export const MAX_BUFFER_M = 100_000;

/**
 * One distance: metres, or a number with a unit (m, 米, km, 千米, 公里), e.g. `500`, `1.5km`, `5 公里`.
 * Finite, greater than 0 and at most MAX_BUFFER_M; anything else says why not.
 */
export function parseBufferDistance(
  token: string,
): { ok: true; metres: number } | { ok: false; why: string } {
  const m = /^(\d+(?:\.\d+)?)\s*(km|千米|公里|m|米)?$/i.exec(token.trim());
  if (!m) return { ok: false, why: 'not a distance (digits, optionally followed by m or km)' };
  const metres = Number(m[1]) * (m[2] && /km|千米|公里/i.test(m[2]) ? 1000 : 1);
  if (!(metres > 0)) return { ok: false, why: 'must be greater than 0' };
  if (metres > MAX_BUFFER_M) return { ok: false, why: `larger than the maximum ${MAX_BUFFER_M} m (100 km)` };
  return { ok: true, metres };
}
