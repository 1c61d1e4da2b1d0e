/** Buffer distances as a user types them: the same syntax and limits in the screening panel and the CLI. */

/** Largest buffer distance accepted (100 km); larger rings say little about a site and slow the check. */
export const MAX_BUFFER_M = 100_000;

const UNIT = /^(km|千米|公里|m|米)$/i;

export type BufferProblem = { ok: false; why: string; zh: string };

/**
 * One distance: metres, or a number with a unit (m, 米, km, 千米, 公里), e.g. `500`, `1.5km`, `5 公里`.
 * Finite, greater than 0 and at most MAX_BUFFER_M; anything else says why not (`why` in English, `zh`).
 */
export function parseBufferDistance(token: string): { ok: true; metres: number } | BufferProblem {
  const m = /^(\d+(?:\.\d+)?)\s*(km|千米|公里|m|米)?$/i.exec(token.trim());
  if (!m)
    return {
      ok: false,
      why: 'not a distance (digits, optionally followed by m or km)',
      zh: '不是距离（应为数字，可带单位 m、米、km、千米或公里）',
    };
  const metres = Number(m[1]) * (m[2] && /km|千米|公里/i.test(m[2]) ? 1000 : 1);
  if (!(metres > 0)) return { ok: false, why: 'must be greater than 0', zh: '须大于 0' };
  if (metres > MAX_BUFFER_M)
    return {
      ok: false,
      why: `larger than the maximum ${MAX_BUFFER_M} m (100 km)`,
      zh: `超过上限 ${MAX_BUFFER_M} 米（100 千米）`,
    };
  return { ok: true, metres };
}

/** What is wrong with one typed distance, in both languages (plain text: the token is the user's). */
export interface BufferListError {
  token: string;
  zh: string;
  en: string;
}

/** The tokens of a typed list: split at commas, semicolons and spaces; a unit standing alone joins its number. */
export function bufferTokens(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(/[,，;；]/)) {
    const words: string[] = [];
    for (const w of piece.trim().split(/\s+/)) {
      if (!w) continue;
      if (UNIT.test(w) && words.length > 0) words[words.length - 1] += ` ${w}`;
      else words.push(w);
    }
    out.push(...words);
  }
  return out;
}

/**
 * A list of distances such as "500, 1km；5 公里": every token must be a distance (parseBufferDistance), else the
 * whole list is refused with one error per bad token. Metres sorted, without repeats; an empty list is no buffers.
 * The panel and `--buffer` both call this.
 */
export function parseBufferList(
  text: string,
): { ok: true; metres: number[] } | { ok: false; errors: BufferListError[] } {
  const metres: number[] = [];
  const errors: BufferListError[] = [];
  for (const token of bufferTokens(text)) {
    const b = parseBufferDistance(token);
    if (b.ok) metres.push(b.metres);
    else {
      const shown = token.length > 40 ? `${token.slice(0, 39)}…` : token;
      errors.push({ token, zh: `“${shown}”：${b.zh}`, en: `“${shown}”: ${b.why}` });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, metres: [...new Set(metres)].sort((a, b) => a - b) };
}
