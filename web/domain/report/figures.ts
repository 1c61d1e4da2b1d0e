/** Figures as shown in the panel, the report and the CSV: m² 1 decimal, 公顷 and 亩 2 decimals, % 2 decimals. */
export const fmtM2 = (m2: number): string => m2.toFixed(1);
export const fmtHa = (m2: number): string => (m2 / 10_000).toFixed(2);
export const fmtMu = (m2: number): string => (m2 / (10_000 / 15)).toFixed(2);
export const fmtShare = (share: number): string => `${(share * 100).toFixed(2)}%`;
