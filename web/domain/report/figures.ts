/** Figures as shown in the panel, the report and the CSV: m² 1 decimal, 公顷 and 亩 2 decimals, % 2 decimals. */
export const fmtM2 = (m2: number): string => m2.toFixed(1);
export const fmtHa = (m2: number): string => (m2 / 10_000).toFixed(2);
export const fmtMu = (m2: number): string => (m2 / (10_000 / 15)).toFixed(2);
export const fmtShare = (share: number): string => `${(share * 100).toFixed(2)}%`;

/** Parses "500, 1000, 5km" into metres, sorted and without repeats; ignores what is not a number in (0, 100 km]. */
export function parseBuffers(text: string): number[] {
  const out: number[] = [];
  for (const part of text.split(/[,，;；\s]+/)) {
    const m = /^(\d+(?:\.\d+)?)(km|千米|公里|m|米)?$/i.exec(part.trim());
    if (!m) continue;
    const v = Number(m[1]) * (m[2] && /km|千米|公里/i.test(m[2]) ? 1000 : 1);
    if (v > 0 && v <= 100_000) out.push(v);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}
