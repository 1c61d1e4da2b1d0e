/** What validation of a project boundary reports, and how it names places (zh + en). */

export type ValidationCode =
  | 'not-polygon'
  | 'empty'
  | 'bad-coordinate'
  | 'not-lonlat'
  | 'unclosed-ring'
  | 'too-few-points'
  | 'zero-area'
  | 'too-large'
  | 'antimeridian'
  | 'self-intersection'
  | 'rings-cross'
  | 'hole-outside'
  | 'parts-overlap'
  | 'duplicate-points';

export interface ValidationIssue {
  code: ValidationCode;
  severity: 'error' | 'warning';
  zh: string;
  en: string;
  /** 0-based part (polygon) index, ring index within the part (0 = outer), vertex index */
  part?: number;
  ring?: number;
  vertex?: number;
  /** where, as [lon, lat] */
  at?: [number, number];
}

export const fmt = (x: number, y: number): string => `${x.toFixed(6)}, ${y.toFixed(6)}`;

export const where = (part: number, ring: number, vertex?: number): string =>
  `${part > 0 ? `part ${part + 1}, ` : ''}${ring === 0 ? 'outer ring' : `hole ${ring}`}${vertex !== undefined ? `, point ${vertex + 1}` : ''}`;

export const whereZh = (part: number, ring: number, vertex?: number): string =>
  `${part > 0 ? `第 ${part + 1} 个地块，` : ''}${ring === 0 ? '外环' : `第 ${ring} 个内环（洞）`}${vertex !== undefined ? `第 ${vertex + 1} 个点` : ''}`;

/** English text starting a sentence. */
export const whereCap = (part: number, ring: number, vertex?: number): string => {
  const s = where(part, ring, vertex);
  return s.charAt(0).toUpperCase() + s.slice(1);
};

export function error(
  code: ValidationCode,
  zh: string,
  en: string,
  place: Pick<ValidationIssue, 'part' | 'ring' | 'vertex' | 'at'> = {},
): ValidationIssue {
  return { code, severity: 'error', zh, en, ...place };
}
