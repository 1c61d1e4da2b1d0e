/**
 * Exact arithmetic on doubles with BigInt, as an oracle independent of robust-predicates: every double is
 * m · 2^e exactly, so sums and products of them are exact in BigInt once brought to one exponent.
 */

function decompose(x: number): { m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const expBits = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (expBits === 0) return { m: sign * frac, e: -1074 };
  return { m: sign * (frac | (1n << 52n)), e: expBits - 1075 };
}

/** The values as integers on one common scale (all multiplied by the same power of two). */
function scaled(values: number[]): bigint[] {
  const parts = values.map(decompose);
  const e0 = Math.min(...parts.map((p) => p.e));
  return parts.map((p) => p.m << BigInt(p.e - e0));
}

/** Sign of twice the shoelace area of an open ring [[x, y], ...], computed exactly. */
export function exactRingSign(ring: readonly (readonly number[])[]): number {
  const flat = scaled(ring.flatMap((p) => [p[0] as number, p[1] as number]));
  const n = ring.length;
  let s = 0n;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    s +=
      (flat[2 * i] as bigint) * (flat[2 * j + 1] as bigint) -
      (flat[2 * j] as bigint) * (flat[2 * i + 1] as bigint);
  }
  return s > 0n ? 1 : s < 0n ? -1 : 0;
}
