/**
 * The shareable part of the app state in the URL: `zone=<id>` opens a zone, `lang=en` switches to English
 * (Chinese is the default and leaves no parameter). Anything else in the query is left as it was.
 */

export type UrlLang = 'zh' | 'en';

export interface UrlState {
  zone: string | null;
  lang: UrlLang | null;
}

/** What is read from and written to a query string (URLSearchParams has this shape). */
export interface QueryParams {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
}

/** Zone ids are lower-case ASCII words joined by hyphens (docs/zone-ids.md). */
export const ZONE_ID = /^[a-z0-9-]{1,80}$/;

/** Reads zone and language; a value that is not one the app writes is ignored (null), never passed on. */
export function parseUrlState(params: Pick<QueryParams, 'get'>): UrlState {
  const zone = params.get('zone');
  const lang = params.get('lang');
  return {
    zone: zone !== null && ZONE_ID.test(zone) ? zone : null,
    lang: lang === 'en' || lang === 'zh' ? lang : null,
  };
}

/** Writes the state into params, keeping every other parameter. */
export function writeUrlState(params: QueryParams, state: { zone: string | null; lang: UrlLang }): void {
  if (state.zone) params.set('zone', state.zone);
  else params.delete('zone');
  if (state.lang === 'en') params.set('lang', 'en');
  else params.delete('lang');
}
