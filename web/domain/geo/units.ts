/** Area units used in Chinese planning reports: m², 公顷 (ha), 亩 (1 ha = 15 亩), km², 万亩. */
export const M2_PER_HA = 10_000;
export const MU_PER_HA = 15;
export const M2_PER_MU = M2_PER_HA / MU_PER_HA; // 666.67 m²

export interface AreaFigures {
  m2: number;
  /** 公顷, rounded to 2 decimals as in reports */
  ha: number;
  /** 亩, rounded to 2 decimals */
  mu: number;
  km2: number;
  /** 万亩 */
  wanMu: number;
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export const m2ToHa = (m2: number): number => m2 / M2_PER_HA;
export const m2ToMu = (m2: number): number => m2 / M2_PER_MU;

export function areaFigures(m2: number): AreaFigures {
  return {
    m2,
    ha: round(m2ToHa(m2), 2),
    mu: round(m2ToMu(m2), 2),
    km2: m2 / 1e6,
    wanMu: m2ToMu(m2) / 1e4,
  };
}

/** "12.34 公顷（185.10 亩）"; large areas switch to km² and 万亩. */
export function formatAreaZh(m2: number): string {
  const ha = m2ToHa(m2);
  if (ha >= 10_000) return `${(m2 / 1e6).toFixed(2)} 平方千米（${(m2ToMu(m2) / 1e4).toFixed(2)} 万亩）`;
  return `${ha.toFixed(2)} 公顷（${m2ToMu(m2).toFixed(2)} 亩）`;
}

export function formatAreaEn(m2: number): string {
  const ha = m2ToHa(m2);
  if (ha >= 10_000) return `${(m2 / 1e6).toFixed(2)} km² (${(m2ToMu(m2) / 1e4).toFixed(2)} × 10⁴ mu)`;
  return `${ha.toFixed(2)} ha (${m2ToMu(m2).toFixed(2)} mu)`;
}
