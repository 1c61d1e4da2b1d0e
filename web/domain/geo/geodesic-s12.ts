/**
 * S12 of GeographicLib's geodesic Inverse(lat1, lon1, lat2, lon2, AREA), allocation-free.
 *
 * A port of Geodesic.Inverse from geographiclib-geodesic 2.2.0 (src/Geodesic.js, src/Math.js) restricted to
 * outmask = AREA, keeping the floating-point operations and their order, so S12 is bit-identical to the
 * library's (tests/unit/geo/geodesic-s12.test.ts compares them). Dropped because they cannot reach S12: s12,
 * m12, M12, M21, a12, the azimuths, the normalised longitudes and the final Lengths call (whose mask is AREA
 * alone, so it computes nothing). Lengths still runs as in the library: DISTANCE | REDUCEDLENGTH on a
 * meridian, REDUCEDLENGTH in Lambda12 (dlam12) and in InverseStart when f < 0.
 *
 * No JavaScript function on the per-call path takes or returns a double: TurboFan boxes those (a heap number
 * per argument and result) whenever it does not inline the call, and it does not inline even tiny functions
 * at call sites reached on fewer than 15 % of calls (--min-inlining-frequency). So each step reads its inputs from and writes its results to
 * mutable number fields ("registers") of the one InverseS12 object, series coefficients go to its
 * Float64Arrays, and Math.js's helpers are written out where used: m.sq(x) as x * x (parenthesised where
 * the grouping matters), m.hypot(x, y) as Math.sqrt(x * x + y * y), m.copysign(x, y) as
 * Math.abs(x) * (y < 0 || (y === 0 && 1 / y < 0) ? -1 : 1).
 * Allocation was checked with Node 20's sampling heap profiler (node:inspector HeapProfiler.startSampling,
 * samplingInterval 1024, objects collected by minor GCs included) over 200,000 warm calls from a loop reading
 * Float64Arrays: 0 bytes per call (the library: ~3 KB for short edges, ~5 KB anywhere). The closure passes
 * arguments and result through the registers, so a caller that inlines it boxes nothing; a caller that does
 * not boxes the four arguments and the result (80 bytes), as for any call of a JavaScript function.
 *
 * Copyright (c) Charles Karney (2011-2022) <karney@alum.mit.edu> and licensed under the MIT/X11 License.
 * For more information, see https://geographiclib.sourceforge.io/
 */

const GEODESIC_ORDER = 6;
const nA3x = GEODESIC_ORDER;
const nC1 = GEODESIC_ORDER;
const nC2 = GEODESIC_ORDER;
const nC3 = GEODESIC_ORDER;
const nC4 = GEODESIC_ORDER;
const nC3x = (nC3 * (nC3 - 1)) / 2;
const nC4x = (nC4 * (nC4 + 1)) / 2;
const DEGREE = Math.PI / 180;
const tol0 = 0.5 ** 52;
const tol1 = 200 * tol0;
const tol2 = Math.sqrt(tol0);
const tolb = tol0;
const xthresh = 1000 * tol2;
const maxit1 = 20;
const maxit2 = maxit1 + 53 + 10;
const tiny = Math.sqrt(Number.MIN_VALUE / Number.EPSILON);
/** AngRound's z */
const Z = 1 / 16;

const A1M1F_COEFF: readonly number[] = [1, 4, 64, 0, 256];
const C1F_COEFF: readonly number[] = [
  -1, 6, -16, 32, -9, 64, -128, 2048, 9, -16, 768, 3, -5, 512, -7, 1280, -7, 2048,
];
const A2M1F_COEFF: readonly number[] = [-11, -28, -192, 0, 256];
const C2F_COEFF: readonly number[] = [
  1, 2, 16, 32, 35, 64, 384, 2048, 15, 80, 768, 7, 35, 512, 63, 1280, 77, 2048,
];
const A3_COEFF: readonly number[] = [-3, 128, -2, -3, 64, -1, -3, -1, 16, 3, -1, -2, 8, 1, -1, 2, 1, 1];
const C3_COEFF: readonly number[] = [
  3, 128, 2, 5, 128, -1, 3, 3, 64, -1, 0, 1, 8, -1, 1, 4, 5, 256, 1, 3, 128, -3, -2, 3, 64, 1, -3, 2, 32, 7,
  512, -10, 9, 384, 5, -9, 5, 192, 7, 512, -14, 7, 512, 21, 2560,
];
const C4_COEFF: readonly number[] = [
  97, 15015, 1088, 156, 45045, -224, -4784, 1573, 45045, -10656, 14144, -4576, -858, 45045, 64, 624, -4576,
  6864, -3003, 15015, 100, 208, 572, 3432, -12012, 30030, 45045, 1, 9009, -2944, 468, 135135, 5792, 1040,
  -1287, 135135, 5952, -11648, 9152, -2574, 135135, -64, -624, 4576, -6864, 3003, 135135, 8, 10725, 1856,
  -936, 225225, -8448, 4992, -1144, 225225, -1440, 4160, -4576, 1716, 225225, -136, 63063, 1024, -208, 105105,
  3584, -3328, 1144, 315315, -128, 135135, -2560, 832, 405405, 128, 99099,
];

/** m.sq, for the constructor only: see the file comment. */
function sq(x: number): number {
  return x * x;
}

/** m.polyval, for the constructor only. */
function polyval(N: number, p: readonly number[], s: number, x: number): number {
  let y = N < 0 ? 0 : (p[s++] as number);
  while (--N >= 0) y = y * x + (p[s++] as number);
  return y;
}

class InverseS12 {
  private readonly a: number;
  private readonly f: number;
  private readonly f1: number;
  private readonly e2: number;
  private readonly ep2: number;
  private readonly n: number;
  private readonly c2: number;
  private readonly etol2: number;
  private readonly A3x = new Float64Array(nA3x);
  private readonly C3x = new Float64Array(nC3x);
  private readonly C4x = new Float64Array(nC4x);
  private readonly C1a = new Float64Array(nC1 + 1);
  private readonly C2a = new Float64Array(nC2 + 1);
  private readonly C3a = new Float64Array(nC3);
  private readonly C4a = new Float64Array(nC4);

  // Registers. inverse: lat1, lon1, lat2, lon2 → S12. sincosd: x, t → sinx, cosx. sbet1 … clam12: set by
  // inverse for inverseStart and lambda12. Lengths, seriesDiff, c12f, c3f, c4f, a3f: eps, sig12, ssig1, csig1,
  // ssig2, csig2 (and dn1, dn2) → m12b, m0, series, C1a … C4a, a3. inverseStart → sig12, salp1, calp1 and
  // salp2, calp2, dnm. lambda12: salp1, calp1 → v (its lam12), salp2, calp2, domg12, dlam12.
  lat1 = Number.NaN;
  lon1 = Number.NaN;
  lat2 = Number.NaN;
  lon2 = Number.NaN;
  S12 = Number.NaN;
  private x = Number.NaN;
  private t = Number.NaN;
  private sinx = Number.NaN;
  private cosx = Number.NaN;
  private sbet1 = Number.NaN;
  private cbet1 = Number.NaN;
  private dn1 = Number.NaN;
  private sbet2 = Number.NaN;
  private cbet2 = Number.NaN;
  private dn2 = Number.NaN;
  private lam12 = Number.NaN;
  private slam12 = Number.NaN;
  private clam12 = Number.NaN;
  private eps = Number.NaN;
  private sig12 = Number.NaN;
  private ssig1 = Number.NaN;
  private csig1 = Number.NaN;
  private ssig2 = Number.NaN;
  private csig2 = Number.NaN;
  private m12b = Number.NaN;
  private m0 = Number.NaN;
  private series = Number.NaN;
  private a3 = Number.NaN;
  private salp1 = Number.NaN;
  private calp1 = Number.NaN;
  private salp2 = Number.NaN;
  private calp2 = Number.NaN;
  private dnm = Number.NaN;
  private v = Number.NaN;
  private domg12 = Number.NaN;
  private dlam12 = Number.NaN;

  constructor(a: number, f: number) {
    this.a = a;
    this.f = f;
    this.f1 = 1 - f;
    this.e2 = f * (2 - f);
    this.ep2 = this.e2 / sq(this.f1);
    this.n = f / (2 - f);
    const b = a * this.f1;
    this.c2 =
      (sq(a) +
        sq(b) *
          (this.e2 === 0
            ? 1
            : (this.e2 > 0 ? Math.atanh(Math.sqrt(this.e2)) : Math.atan(Math.sqrt(-this.e2))) /
              Math.sqrt(Math.abs(this.e2)))) /
      2;
    this.etol2 = (0.1 * tol2) / Math.sqrt((Math.max(0.001, Math.abs(f)) * Math.min(1, 1 - f / 2)) / 2);
    if (!(Number.isFinite(a) && a > 0)) throw new Error('Equatorial radius is not positive');
    if (!(Number.isFinite(b) && b > 0)) throw new Error('Polar semi-axis is not positive');
    let o = 0;
    let k = 0;
    for (let j = nA3x - 1; j >= 0; --j) {
      const p = Math.min(nA3x - j - 1, j);
      this.A3x[k++] = polyval(p, A3_COEFF, o, this.n) / (A3_COEFF[o + p + 1] as number);
      o += p + 2;
    }
    o = 0;
    k = 0;
    for (let l = 1; l < nC3; ++l) {
      for (let j = nC3 - 1; j >= l; --j) {
        const p = Math.min(nC3 - j - 1, j);
        this.C3x[k++] = polyval(p, C3_COEFF, o, this.n) / (C3_COEFF[o + p + 1] as number);
        o += p + 2;
      }
    }
    o = 0;
    k = 0;
    for (let l = 0; l < nC4; ++l) {
      for (let j = nC4 - 1; j >= l; --j) {
        const p = nC4 - j - 1;
        this.C4x[k++] = polyval(p, C4_COEFF, o, this.n) / (C4_COEFF[o + p + 1] as number);
        o += p + 2;
      }
    }
  }

  /** m.sincosd(x), or m.sincosde(x, t) when corrected → sinx, cosx */
  private sincosd(corrected: boolean): void {
    const x = this.x;
    const t = this.t;
    let d = x % 360;
    const q = Math.round(d / 90);
    if (corrected) {
      const e = d - 90 * q + t;
      let y = Math.abs(e);
      y = y < Z ? Z - (Z - y) : y;
      d = Math.abs(y) * (e < 0 || (e === 0 && 1 / e < 0) ? -1 : 1);
    } else d -= 90 * q;
    const r = d * DEGREE;
    let s = Math.sin(r);
    let c = Math.cos(r);
    if (Math.abs(d) === 45) {
      c = Math.sqrt(0.5);
      s = Math.abs(c) * (r < 0 || (r === 0 && 1 / r < 0) ? -1 : 1);
    } else if (Math.abs(d) === 30) {
      c = Math.sqrt(0.75);
      s = Math.abs(0.5) * (r < 0 || (r === 0 && 1 / r < 0) ? -1 : 1);
    }
    let sinx: number;
    let cosx: number;
    switch (q & 3) {
      case 0:
        sinx = s;
        cosx = c;
        break;
      case 1:
        sinx = c;
        cosx = -s;
        break;
      case 2:
        sinx = -s;
        cosx = -c;
        break;
      default:
        sinx = -c;
        cosx = s;
        break;
    }
    cosx += 0;
    if (sinx === 0) {
      const z = corrected ? x + t : x;
      sinx = Math.abs(sinx) * (z < 0 || (z === 0 && 1 / z < 0) ? -1 : 1);
    }
    this.sinx = sinx;
    this.cosx = cosx;
  }

  /** A1m1f, C1f, A2m1f, C2f: c[1..6] from the coefficient table, eps → c */
  private c12f(coeff: readonly number[], c: Float64Array): void {
    const eps = this.eps;
    const eps2 = eps * eps;
    let d = eps;
    let o = 0;
    for (let l = 1; l <= nC1; ++l) {
      const p = Math.floor((nC1 - l) / 2);
      let y = coeff[o] as number;
      for (let i = 1; i <= p; i++) y = y * eps2 + (coeff[o + i] as number);
      c[l] = (d * y) / (coeff[o + p + 1] as number);
      o += p + 2;
      d *= eps;
    }
  }

  /** C3f: eps → C3a */
  private c3f(): void {
    const eps = this.eps;
    const C3x = this.C3x;
    let mult = 1;
    let o = 0;
    for (let l = 1; l < nC3; ++l) {
      const p = nC3 - l - 1;
      mult *= eps;
      let y = C3x[o] as number;
      for (let i = 1; i <= p; i++) y = y * eps + (C3x[o + i] as number);
      this.C3a[l] = mult * y;
      o += p + 1;
    }
  }

  /** C4f: eps → C4a */
  private c4f(): void {
    const eps = this.eps;
    const C4x = this.C4x;
    let mult = 1;
    let o = 0;
    for (let l = 0; l < nC4; ++l) {
      const p = nC4 - l - 1;
      let y = C4x[o] as number;
      for (let i = 1; i <= p; i++) y = y * eps + (C4x[o + i] as number);
      this.C4a[l] = mult * y;
      o += p + 1;
      mult *= eps;
    }
  }

  /** A3f: eps → a3 */
  private a3f(): void {
    const eps = this.eps;
    const A3x = this.A3x;
    let y = A3x[0] as number;
    for (let i = 1; i < nA3x; i++) y = y * eps + (A3x[i] as number);
    this.a3 = y;
  }

  /** SinCosSeries(sinp, ssig2, csig2, c) − SinCosSeries(sinp, ssig1, csig1, c) → series */
  private seriesDiff(sinp: boolean, c: Float64Array): void {
    let b1 = 0;
    for (let point = 1; point <= 2; point++) {
      const sinx = point === 1 ? this.ssig1 : this.ssig2;
      const cosx = point === 1 ? this.csig1 : this.csig2;
      let k = c.length;
      let n = k - (sinp ? 1 : 0);
      const ar = 2 * (cosx - sinx) * (cosx + sinx);
      let y0 = n & 1 ? (c[--k] as number) : 0;
      let y1 = 0;
      n = Math.floor(n / 2);
      while (n--) {
        y1 = ar * y0 - y1 + (c[--k] as number);
        y0 = ar * y1 - y0 + (c[--k] as number);
      }
      const b = sinp ? 2 * sinx * cosx * y0 : cosx * (y0 - y1);
      if (point === 1) b1 = b;
      else this.series = b - b1;
    }
  }

  /**
   * Lengths with outmask DISTANCE | REDUCEDLENGTH (distance) or REDUCEDLENGTH → m12b, m0. s12b is not
   * computed: with AREA it only feeds outputs that are dropped.
   */
  private lengths(distance: boolean): void {
    const eps = this.eps;
    const sig12 = this.sig12;
    const C1a = this.C1a;
    const C2a = this.C2a;
    const eps2 = eps * eps;
    let t = A1M1F_COEFF[0] as number;
    for (let i = 1; i <= 3; i++) t = t * eps2 + (A1M1F_COEFF[i] as number);
    t = t / (A1M1F_COEFF[4] as number);
    let A1 = (t + eps) / (1 - eps);
    this.c12f(C1F_COEFF, C1a);
    t = A2M1F_COEFF[0] as number;
    for (let i = 1; i <= 3; i++) t = t * eps2 + (A2M1F_COEFF[i] as number);
    t = t / (A2M1F_COEFF[4] as number);
    let A2 = (t - eps) / (1 + eps);
    this.c12f(C2F_COEFF, C2a);
    const m0x = A1 - A2;
    A2 = 1 + A2;
    A1 = 1 + A1;
    let J12: number;
    if (distance) {
      this.seriesDiff(true, C1a);
      const B1 = this.series;
      this.seriesDiff(true, C2a);
      const B2 = this.series;
      J12 = m0x * sig12 + (A1 * B1 - A2 * B2);
    } else {
      for (let l = 1; l <= nC2; ++l) C2a[l] = A1 * (C1a[l] as number) - A2 * (C2a[l] as number);
      this.seriesDiff(true, C2a);
      J12 = m0x * sig12 + this.series;
    }
    const ssig1 = this.ssig1;
    const csig1 = this.csig1;
    const ssig2 = this.ssig2;
    const csig2 = this.csig2;
    this.m0 = m0x;
    this.m12b = this.dn2 * (csig1 * ssig2) - this.dn1 * (ssig1 * csig2) - csig1 * csig2 * J12;
  }

  /** InverseStart → sig12, salp1, calp1 and, when sig12 ≥ 0, salp2, calp2, dnm */
  private inverseStart(): void {
    const f = this.f;
    const sbet1 = this.sbet1;
    const cbet1 = this.cbet1;
    const sbet2 = this.sbet2;
    const cbet2 = this.cbet2;
    const lam12 = this.lam12;
    const slam12 = this.slam12;
    const clam12 = this.clam12;
    let sig12 = -1;
    const sbet12 = sbet2 * cbet1 - cbet2 * sbet1;
    const cbet12 = cbet2 * cbet1 + sbet2 * sbet1;
    let sbet12a = sbet2 * cbet1;
    sbet12a += cbet2 * sbet1;
    const shortline = cbet12 >= 0 && sbet12 < 0.5 && cbet2 * lam12 < 0.5;
    let somg12: number;
    let comg12: number;
    if (shortline) {
      const sbetsum = sbet1 + sbet2;
      const cbetsum = cbet1 + cbet2;
      let sbetm2 = sbetsum * sbetsum;
      sbetm2 /= sbetm2 + cbetsum * cbetsum;
      this.dnm = Math.sqrt(1 + this.ep2 * sbetm2);
      const omg12 = lam12 / (this.f1 * this.dnm);
      somg12 = Math.sin(omg12);
      comg12 = Math.cos(omg12);
    } else {
      somg12 = slam12;
      comg12 = clam12;
    }
    let salp1 = cbet2 * somg12;
    let calp1 =
      comg12 >= 0
        ? sbet12 + (cbet2 * sbet1 * (somg12 * somg12)) / (1 + comg12)
        : sbet12a - (cbet2 * sbet1 * (somg12 * somg12)) / (1 - comg12);
    const ssig12 = Math.sqrt(salp1 * salp1 + calp1 * calp1);
    const csig12 = sbet1 * sbet2 + cbet1 * cbet2 * comg12;
    if (shortline && ssig12 < this.etol2) {
      let salp2 = cbet1 * somg12;
      let calp2 = sbet12 - cbet1 * sbet2 * (comg12 >= 0 ? (somg12 * somg12) / (1 + comg12) : 1 - comg12);
      const t = Math.sqrt(salp2 * salp2 + calp2 * calp2);
      salp2 /= t;
      calp2 /= t;
      this.salp2 = salp2;
      this.calp2 = calp2;
      sig12 = Math.atan2(ssig12, csig12);
    } else if (
      Math.abs(this.n) > 0.1 ||
      csig12 >= 0 ||
      ssig12 >= 6 * Math.abs(this.n) * Math.PI * (cbet1 * cbet1)
    ) {
      // Zeroth-order spherical approximation is OK.
    } else {
      const lam12x = Math.atan2(-slam12, -clam12);
      let x: number;
      let y: number;
      let lamscale: number;
      let betscale: number;
      if (f >= 0) {
        const k2 = sbet1 * sbet1 * this.ep2;
        this.eps = k2 / (2 * (1 + Math.sqrt(1 + k2)) + k2);
        this.a3f();
        lamscale = f * cbet1 * this.a3 * Math.PI;
        betscale = lamscale * cbet1;
        x = lam12x / lamscale;
        y = sbet12a / betscale;
      } else {
        const cbet12a = cbet2 * cbet1 - sbet2 * sbet1;
        const bet12a = Math.atan2(sbet12a, cbet12a);
        this.eps = this.n;
        this.sig12 = Math.PI + bet12a;
        this.ssig1 = sbet1;
        this.csig1 = -cbet1;
        this.ssig2 = sbet2;
        this.csig2 = cbet2;
        this.lengths(false);
        x = -1 + this.m12b / (cbet1 * cbet2 * this.m0 * Math.PI);
        betscale = x < -0.01 ? sbet12a / x : -f * (cbet1 * cbet1) * Math.PI;
        lamscale = betscale / cbet1;
        y = lam12 / lamscale;
      }
      if (y > -tol1 && x > -1 - xthresh) {
        if (f >= 0) {
          salp1 = Math.min(1, -x);
          calp1 = -Math.sqrt(1 - salp1 * salp1);
        } else {
          calp1 = Math.max(x > -tol1 ? 0 : -1, x);
          salp1 = Math.sqrt(1 - calp1 * calp1);
        }
      } else {
        // k = astroid(x, y): the positive root of k⁴ + 2k³ − (x² + y² − 1)k² − 2y²k − y² = 0
        let k: number;
        const p = x * x;
        const q = y * y;
        const r = (p + q - 1) / 6;
        if (!(q === 0 && r <= 0)) {
          const S = (p * q) / 4;
          const r2 = r * r;
          const r3 = r * r2;
          const disc = S * (S + 2 * r3);
          let u = r;
          if (disc >= 0) {
            let T3 = S + r3;
            T3 += T3 < 0 ? -Math.sqrt(disc) : Math.sqrt(disc);
            const T = Math.cbrt(T3);
            u += T + (T !== 0 ? r2 / T : 0);
          } else {
            const ang = Math.atan2(Math.sqrt(-disc), -(S + r3));
            u += 2 * r * Math.cos(ang / 3);
          }
          const v = Math.sqrt(u * u + q);
          const uv = u < 0 ? q / (v - u) : u + v;
          const w = (uv - q) / (2 * v);
          k = uv / (Math.sqrt(uv + w * w) + w);
        } else k = 0;
        const omg12a = lamscale * (f >= 0 ? (-x * k) / (1 + k) : (-y * (1 + k)) / k);
        somg12 = Math.sin(omg12a);
        comg12 = -Math.cos(omg12a);
        salp1 = cbet2 * somg12;
        calp1 = sbet12a - (cbet2 * sbet1 * (somg12 * somg12)) / (1 - comg12);
      }
    }
    // Backwards check allows NaN through.
    if (!(salp1 <= 0)) {
      const t = Math.sqrt(salp1 * salp1 + calp1 * calp1);
      salp1 /= t;
      calp1 /= t;
    } else {
      salp1 = 1;
      calp1 = 0;
    }
    this.sig12 = sig12;
    this.salp1 = salp1;
    this.calp1 = calp1;
  }

  /** Lambda12: salp1, calp1 → v, salp2, calp2, domg12 and, when diffp, dlam12 */
  private lambda12(diffp: boolean): void {
    const sbet1 = this.sbet1;
    const cbet1 = this.cbet1;
    const sbet2 = this.sbet2;
    const cbet2 = this.cbet2;
    const slam120 = this.slam12;
    const clam120 = this.clam12;
    const salp1 = this.salp1;
    let calp1 = this.calp1;
    if (sbet1 === 0 && calp1 === 0) calp1 = -tiny;
    const salp0 = salp1 * cbet1;
    const salp1sbet1 = salp1 * sbet1;
    const calp0 = Math.sqrt(calp1 * calp1 + salp1sbet1 * salp1sbet1);
    let ssig1 = sbet1;
    const somg1 = salp0 * sbet1;
    let csig1 = calp1 * cbet1;
    const comg1 = csig1;
    let t = Math.sqrt(ssig1 * ssig1 + csig1 * csig1);
    ssig1 /= t;
    csig1 /= t;
    const salp2 = cbet2 !== cbet1 ? salp0 / cbet2 : salp1;
    const calp2 =
      cbet2 !== cbet1 || Math.abs(sbet2) !== -sbet1
        ? Math.sqrt(
            comg1 * comg1 + // sq(calp1 * cbet1)
              (cbet1 < -sbet1 ? (cbet2 - cbet1) * (cbet1 + cbet2) : (sbet1 - sbet2) * (sbet1 + sbet2)),
          ) / cbet2
        : Math.abs(calp1);
    let ssig2 = sbet2;
    const somg2 = salp0 * sbet2;
    let csig2 = calp2 * cbet2;
    const comg2 = csig2;
    t = Math.sqrt(ssig2 * ssig2 + csig2 * csig2);
    ssig2 /= t;
    csig2 /= t;
    const sig12 = Math.atan2(Math.max(0, csig1 * ssig2 - ssig1 * csig2), csig1 * csig2 + ssig1 * ssig2);
    const somg12 = Math.max(0, comg1 * somg2 - somg1 * comg2);
    const comg12 = comg1 * comg2 + somg1 * somg2;
    const eta = Math.atan2(somg12 * clam120 - comg12 * slam120, comg12 * clam120 + somg12 * slam120);
    const k2 = calp0 * calp0 * this.ep2;
    this.eps = k2 / (2 * (1 + Math.sqrt(1 + k2)) + k2);
    this.sig12 = sig12;
    this.ssig1 = ssig1;
    this.csig1 = csig1;
    this.ssig2 = ssig2;
    this.csig2 = csig2;
    this.c3f();
    this.seriesDiff(true, this.C3a);
    const B312 = this.series;
    this.a3f();
    const domg12 = -this.f * this.a3 * salp0 * (sig12 + B312);
    this.v = eta + domg12;
    this.domg12 = domg12;
    this.salp2 = salp2;
    this.calp2 = calp2;
    if (diffp) {
      if (calp2 === 0) this.dlam12 = (-2 * this.f1 * this.dn1) / sbet1;
      else {
        this.lengths(false);
        let dlam12 = this.m12b;
        dlam12 *= this.f1 / (calp2 * cbet2);
        this.dlam12 = dlam12;
      }
    }
  }

  /** Inverse(lat1, lon1, lat2, lon2, AREA) → S12 */
  inverse(): void {
    let lat1 = this.lat1;
    const lon1 = this.lon1;
    let lat2 = this.lat2;
    const lon2 = this.lon2;
    const f = this.f;
    const f1 = this.f1;
    // LatFix, then AngRound
    lat1 = Math.abs(lat1) > 90 ? Number.NaN : lat1;
    lat2 = Math.abs(lat2) > 90 ? Number.NaN : lat2;
    let y = Math.abs(lat1);
    y = y < Z ? Z - (Z - y) : y;
    lat1 = Math.abs(y) * (lat1 < 0 || (lat1 === 0 && 1 / lat1 < 0) ? -1 : 1);
    y = Math.abs(lat2);
    y = y < Z ? Z - (Z - y) : y;
    lat2 = Math.abs(y) * (lat2 < 0 || (lat2 === 0 && 1 / lat2 < 0) ? -1 : 1);

    // AngDiff(lon1, lon2) → lon12 + lon12s, with m.remainder(·, 360) and m.sum written out
    let u = -lon1 % 360;
    u = u < -180 ? u + 360 : u < 180 ? u : u - 360;
    let v = lon2 % 360;
    v = v < -180 ? v + 360 : v < 180 ? v : v - 360;
    let s = u + v;
    let up = s - v;
    let vpp = s - up;
    up -= u;
    vpp -= v;
    let t = s ? 0 - (up + vpp) : s;
    u = s % 360;
    u = u < -180 ? u + 360 : u < 180 ? u : u - 360;
    v = t;
    s = u + v;
    up = s - v;
    vpp = s - up;
    up -= u;
    vpp -= v;
    t = s ? 0 - (up + vpp) : s;
    let lon12 = s;
    let lon12s = t;
    if (lon12 === 0 || Math.abs(lon12) === 180) {
      const z = lon12s === 0 ? lon2 - lon1 : -lon12s;
      lon12 = Math.abs(lon12) * (z < 0 || (z === 0 && 1 / z < 0) ? -1 : 1);
    }

    let lonsign = Math.abs(1) * (lon12 < 0 || (lon12 === 0 && 1 / lon12 < 0) ? -1 : 1);
    lon12 *= lonsign;
    lon12s *= lonsign;
    const lam12 = lon12 * DEGREE;
    this.x = lon12;
    this.t = lon12s;
    this.sincosd(true);
    const slam12 = this.sinx;
    const clam12 = this.cosx;
    lon12s = 180 - lon12 - lon12s;

    const swapp = Math.abs(lat1) < Math.abs(lat2) || Number.isNaN(lat2) ? -1 : 1;
    if (swapp < 0) {
      lonsign *= -1;
      const tmp = lat1;
      lat1 = lat2;
      lat2 = tmp;
    }
    const nlat1 = -lat1;
    const latsign = Math.abs(1) * (nlat1 < 0 || (nlat1 === 0 && 1 / nlat1 < 0) ? -1 : 1);
    lat1 *= latsign;
    lat2 *= latsign;

    this.x = lat1;
    this.sincosd(false);
    let sbet1 = f1 * this.sinx;
    let cbet1 = this.cosx;
    t = Math.sqrt(sbet1 * sbet1 + cbet1 * cbet1);
    sbet1 /= t;
    cbet1 /= t;
    cbet1 = Math.max(tiny, cbet1);

    this.x = lat2;
    this.sincosd(false);
    let sbet2 = f1 * this.sinx;
    let cbet2 = this.cosx;
    t = Math.sqrt(sbet2 * sbet2 + cbet2 * cbet2);
    sbet2 /= t;
    cbet2 /= t;
    cbet2 = Math.max(tiny, cbet2);

    if (cbet1 < -sbet1) {
      if (cbet2 === cbet1) sbet2 = Math.abs(sbet1) * (sbet2 < 0 || (sbet2 === 0 && 1 / sbet2 < 0) ? -1 : 1);
    } else if (Math.abs(sbet2) === -sbet1) cbet2 = cbet1;

    const dn1 = Math.sqrt(1 + this.ep2 * (sbet1 * sbet1));
    const dn2 = Math.sqrt(1 + this.ep2 * (sbet2 * sbet2));
    this.sbet1 = sbet1;
    this.cbet1 = cbet1;
    this.dn1 = dn1;
    this.sbet2 = sbet2;
    this.cbet2 = cbet2;
    this.dn2 = dn2;
    this.lam12 = lam12;
    this.slam12 = slam12;
    this.clam12 = clam12;

    let salp1 = Number.NaN;
    let calp1 = Number.NaN;
    let salp2 = Number.NaN;
    let calp2 = Number.NaN;
    let omg12 = Number.NaN;
    let somg12 = 2;
    let comg12 = Number.NaN;

    let meridian = lat1 === -90 || slam12 === 0;
    if (meridian) {
      calp1 = clam12;
      salp1 = slam12;
      calp2 = 1;
      salp2 = 0;
      const ssig1 = sbet1;
      const csig1 = calp1 * cbet1;
      const ssig2 = sbet2;
      const csig2 = calp2 * cbet2;
      const sig12 = Math.atan2(Math.max(0, csig1 * ssig2 - ssig1 * csig2), csig1 * csig2 + ssig1 * ssig2);
      this.eps = this.n;
      this.sig12 = sig12;
      this.ssig1 = ssig1;
      this.csig1 = csig1;
      this.ssig2 = ssig2;
      this.csig2 = csig2;
      this.lengths(true);
      // Otherwise m12 < 0: prolate and too close to anti-podal.
      if (!(sig12 < tol2 || this.m12b >= 0)) meridian = false;
    }

    if (!meridian && sbet1 === 0 && (f <= 0 || lon12s >= f * 180)) {
      // Geodesic runs along the equator.
      calp1 = calp2 = 0;
      salp1 = salp2 = 1;
      omg12 = lam12 / f1;
    } else if (!meridian) {
      this.inverseStart();
      salp1 = this.salp1;
      calp1 = this.calp1;
      if (this.sig12 >= 0) {
        salp2 = this.salp2;
        calp2 = this.calp2;
        omg12 = lam12 / (f1 * this.dnm);
      } else {
        // Newton's method on lambda12(alp1) − lam12, with the root bracketed by (alp1a, alp1b).
        let numit = 0;
        let salp1a = tiny;
        let calp1a = 1;
        let salp1b = tiny;
        let calp1b = -1;
        for (let tripn = false, tripb = false; ; ++numit) {
          this.salp1 = salp1;
          this.calp1 = calp1;
          this.lambda12(numit < maxit1);
          const v = this.v;
          salp2 = this.salp2;
          calp2 = this.calp2;
          const dv = this.dlam12;
          // Reversed test to allow escape with NaNs.
          if (tripb || !(Math.abs(v) >= (tripn ? 8 : 1) * tol0) || numit === maxit2) break;
          if (v > 0 && (numit < maxit1 || calp1 / salp1 > calp1b / salp1b)) {
            salp1b = salp1;
            calp1b = calp1;
          } else if (v < 0 && (numit < maxit1 || calp1 / salp1 < calp1a / salp1a)) {
            salp1a = salp1;
            calp1a = calp1;
          }
          if (numit < maxit1 && dv > 0) {
            const dalp1 = -v / dv;
            if (Math.abs(dalp1) < Math.PI) {
              const sdalp1 = Math.sin(dalp1);
              const cdalp1 = Math.cos(dalp1);
              const nsalp1 = salp1 * cdalp1 + calp1 * sdalp1;
              if (nsalp1 > 0) {
                calp1 = calp1 * cdalp1 - salp1 * sdalp1;
                salp1 = nsalp1;
                t = Math.sqrt(salp1 * salp1 + calp1 * calp1);
                salp1 /= t;
                calp1 /= t;
                tripn = Math.abs(v) <= 16 * tol0;
                continue;
              }
            }
          }
          salp1 = (salp1a + salp1b) / 2;
          calp1 = (calp1a + calp1b) / 2;
          t = Math.sqrt(salp1 * salp1 + calp1 * calp1);
          salp1 /= t;
          calp1 /= t;
          tripn = false;
          tripb =
            Math.abs(salp1a - salp1) + (calp1a - calp1) < tolb ||
            Math.abs(salp1 - salp1b) + (calp1 - calp1b) < tolb;
        }
        const sdomg12 = Math.sin(this.domg12);
        const cdomg12 = Math.cos(this.domg12);
        somg12 = slam12 * cdomg12 - clam12 * sdomg12;
        comg12 = clam12 * cdomg12 + slam12 * sdomg12;
      }
    }

    let S12: number;
    const salp0 = salp1 * cbet1;
    const salp1sbet1 = salp1 * sbet1;
    const calp0 = Math.sqrt(calp1 * calp1 + salp1sbet1 * salp1sbet1);
    if (calp0 !== 0 && salp0 !== 0) {
      let ssig1 = sbet1;
      let csig1 = calp1 * cbet1;
      let ssig2 = sbet2;
      let csig2 = calp2 * cbet2;
      const k2 = calp0 * calp0 * this.ep2;
      this.eps = k2 / (2 * (1 + Math.sqrt(1 + k2)) + k2);
      const A4 = this.a * this.a * calp0 * salp0 * this.e2;
      t = Math.sqrt(ssig1 * ssig1 + csig1 * csig1);
      ssig1 /= t;
      csig1 /= t;
      t = Math.sqrt(ssig2 * ssig2 + csig2 * csig2);
      ssig2 /= t;
      csig2 /= t;
      this.ssig1 = ssig1;
      this.csig1 = csig1;
      this.ssig2 = ssig2;
      this.csig2 = csig2;
      this.c4f();
      this.seriesDiff(false, this.C4a);
      S12 = A4 * this.series;
    } else S12 = 0; // Avoid problems with indeterminate sig1, sig2 on the equator.
    if (!meridian && somg12 === 2) {
      somg12 = Math.sin(omg12);
      comg12 = Math.cos(omg12);
    }
    let alp12: number;
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: GeographicLib's threshold, kept as written
    if (!meridian && comg12 > -0.7071 && sbet2 - sbet1 < 1.75) {
      // tan(Gamma/2) = tan(omg12/2) * (tan(bet1/2) + tan(bet2/2)) / (1 + tan(bet1/2) * tan(bet2/2))
      const domg12 = 1 + comg12;
      const dbet1 = 1 + cbet1;
      const dbet2 = 1 + cbet2;
      alp12 =
        2 * Math.atan2(somg12 * (sbet1 * dbet2 + sbet2 * dbet1), domg12 * (sbet1 * sbet2 + dbet1 * dbet2));
    } else {
      let salp12 = salp2 * calp1 - calp2 * salp1;
      let calp12 = calp2 * calp1 + salp2 * salp1;
      if (salp12 === 0 && calp12 < 0) {
        salp12 = tiny * calp1;
        calp12 = -1;
      }
      alp12 = Math.atan2(salp12, calp12);
    }
    S12 += this.c2 * alp12;
    S12 *= swapp * lonsign * latsign;
    S12 += 0;
    this.S12 = S12;
  }
}

/** S12 of GeographicLib's Inverse(lat1, lon1, lat2, lon2, AREA) for this ellipsoid, with no allocation per call. */
export function makeInverseS12(
  a: number,
  f: number,
): (lat1: number, lon1: number, lat2: number, lon2: number) => number {
  const g = new InverseS12(a, f);
  // Through registers, so that a caller that inlines this closure boxes neither the arguments nor the result.
  return (lat1, lon1, lat2, lon2) => {
    g.lat1 = lat1;
    g.lon1 = lon1;
    g.lat2 = lat2;
    g.lon2 = lon2;
    g.inverse();
    return g.S12;
  };
}
