/**
 * A seeded farmland-like layer for the benchmark and browser tests (never shown as real data): hundreds of
 * thousands of small parcels like a 永久基本农田 layer, in blocks of about 1 km² on the plains of 河套, 土默川,
 * 西辽河 and 嫩江 west bank. A block (rotated up to 10°) is cut into m × n cells; each cell holds one irregular
 * quadrilateral, some with a fifth or sixth vertex, a few with a hole (a pond or farmstead). Each edge of a
 * parcel stays in a strip along its cell's side, so parcels are simple, never overlap, and their area is
 * 0.54–0.88 of the cell's: 0.5–20 ha. Coordinates are rounded to 1e-7° so a GeoJSON copy reads back exactly.
 */
import type { LayerData, LayerFeatureProps } from './layer.ts';
import { seededRandom } from './synthetic-layer.ts';

export interface Plain {
  nameZh: string;
  /** centre lon, lat and half-axes in degrees */
  lon: number;
  lat: number;
  rx: number;
  ry: number;
  /** share of the parcels */
  weight: number;
}

export const FARMLAND_PLAINS: readonly Plain[] = [
  { nameZh: '河套平原', lon: 107.9, lat: 40.85, rx: 1.3, ry: 0.35, weight: 0.35 },
  { nameZh: '土默川平原', lon: 111.3, lat: 40.6, rx: 0.8, ry: 0.3, weight: 0.15 },
  { nameZh: '西辽河平原', lon: 121.5, lat: 43.5, rx: 1.6, ry: 0.5, weight: 0.4 },
  { nameZh: '嫩江西岸平原', lon: 123.6, lat: 47.9, rx: 0.4, ry: 0.7, weight: 0.1 },
];

export interface FarmlandOptions {
  seed: number;
  parcels: number;
  layerId?: string;
  zoneType?: string;
  /** share of parcels with a hole */
  holeFraction?: number;
}

export const FARMLAND_BENCH: FarmlandOptions = { seed: 20251130, parcels: 300_000 };

/** Block pitch in metres: a 1 km block rotated by 10° spans 1158 m. */
const PITCH = 1200;
const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_EQ = 111_320;
const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

export const farmlandName = (n: number): string => `永久基本农田图斑 ${String(n).padStart(6, '0')}`;

export function farmlandLayer(o: FarmlandOptions): LayerData {
  const rnd = seededRandom(o.seed);
  const zoneType = o.zoneType ?? 'farmland-permanent';
  const layerId = o.layerId ?? 'farmland-synthetic';
  const holeFraction = o.holeFraction ?? 0.04;
  const coords: number[] = [];
  const ringStarts: number[] = [0];
  const partRingStarts: number[] = [0];
  const props: LayerFeatureProps[] = [];
  const weights = FARMLAND_PLAINS.reduce((s, p) => s + p.weight, 0);
  let made = 0;

  FARMLAND_PLAINS.forEach((plain, pi) => {
    const last = pi === FARMLAND_PLAINS.length - 1;
    const quota = last ? o.parcels : made + Math.round((o.parcels * plain.weight) / weights);
    const mx = M_PER_DEG_LON_EQ * Math.cos((plain.lat * Math.PI) / 180);
    const halfX = Math.floor((plain.rx * mx) / PITCH);
    const halfY = Math.floor((plain.ry * M_PER_DEG_LAT) / PITCH);
    const sites: [number, number, number][] = [];
    for (let j = -halfY; j <= halfY; j++) {
      for (let i = -halfX; i <= halfX; i++) {
        const d2 = (i / halfX) ** 2 + (j / halfY) ** 2;
        if (d2 <= 1) sites.push([i, j, d2]);
      }
    }
    for (let k = sites.length - 1; k > 0; k--) {
      const r = Math.floor(rnd() * (k + 1));
      [sites[k], sites[r]] = [sites[r] as [number, number, number], sites[k] as [number, number, number]];
    }
    // denser near the middle of the plain; a second pass takes every block left
    const first = sites.map((s) => rnd() < 1 - 0.6 * s[2]);
    const order = [...sites.filter((_, k) => first[k]), ...sites.filter((_, k) => !first[k])];
    for (const [i, j] of order) {
      if (made >= quota) break;
      const bx = i * PITCH;
      const by = j * PITCH;
      const lat0 = plain.lat + by / M_PER_DEG_LAT;
      const mxHere = M_PER_DEG_LON_EQ * Math.cos((lat0 * Math.PI) / 180);
      const W = 800 + 200 * rnd();
      const H = 800 + 200 * rnd();
      const theta = ((rnd() - 0.5) * 20 * Math.PI) / 180;
      const [ct, st] = [Math.cos(theta), Math.sin(theta)];
      // cells of 1–20 ha: 5 ≤ m·n ≤ W·H / 1 ha
      let m = 0;
      let n = 0;
      do {
        m = 1 + Math.floor(rnd() * 12);
        n = 1 + Math.floor(rnd() * 12);
      } while (m * n < 5 || m * n > (W * H) / 10_000);
      const cw = W / m;
      const ch = H / n;
      const toLonLat = (u: number, v: number) => {
        // u, v in metres from the block's lower left corner
        const x = u - W / 2;
        const y = v - H / 2;
        const ex = bx + x * ct - y * st;
        const ey = by + x * st + y * ct;
        coords.push(round7(plain.lon + ex / mxHere), round7(plain.lat + ey / M_PER_DEG_LAT));
      };
      for (let r = 0; r < n && made < quota; r++) {
        for (let c = 0; c < m && made < quota; c++) {
          const u0 = c * cw;
          const v0 = r * ch;
          // a corner in each corner zone: 3–12% in from both sides
          const inset = () => 0.03 + 0.09 * rnd();
          const ring: [number, number][] = [
            [inset(), inset()],
            [1 - inset(), inset()],
            [1 - inset(), 1 - inset()],
            [inset(), 1 - inset()],
          ];
          // a bend on one or two sides, inside that side's strip
          const extra = rnd();
          const bends = extra < 0.15 ? 1 : extra < 0.22 ? 2 : 0;
          for (let b = 0; b < bends; b++) {
            const side = Math.floor(rnd() * ring.length);
            const a = ring[side] as [number, number];
            const z = ring[(side + 1) % ring.length] as [number, number];
            const t = 0.3 + 0.4 * rnd();
            const mid: [number, number] = [a[0] + t * (z[0] - a[0]), a[1] + t * (z[1] - a[1])];
            // move the bend across the strip (a and z each lie in it, on the same side's axis)
            const horizontal = Math.abs(z[0] - a[0]) > Math.abs(z[1] - a[1]);
            const inner = 0.03 + 0.09 * rnd();
            if (horizontal) mid[1] = mid[1] < 0.5 ? inner : 1 - inner;
            else mid[0] = mid[0] < 0.5 ? inner : 1 - inner;
            ring.splice(side + 1, 0, mid);
          }
          for (const [a, b] of ring) toLonLat(u0 + a * cw, v0 + b * ch);
          ringStarts.push(coords.length / 2);
          if (rnd() < holeFraction) {
            // clockwise, inside the cell's middle fifth
            const s = 0.06 + 0.04 * rnd();
            const hx = 0.5 + (rnd() - 0.5) * 0.08;
            const hy = 0.5 + (rnd() - 0.5) * 0.08;
            for (const [a, b] of [
              [hx - s, hy - s],
              [hx - s, hy + s],
              [hx + s, hy + s],
              [hx + s, hy - s],
            ] as const)
              toLonLat(u0 + a * cw, v0 + b * ch);
            ringStarts.push(coords.length / 2);
          }
          partRingStarts.push(ringStarts.length - 1);
          made++;
          props.push({
            id: `p${made}`,
            zoneId: `${layerId}-${made}`,
            zoneType,
            name: farmlandName(made),
          });
        }
      }
    }
    if (made < quota) throw new Error(`${plain.nameZh}: room for ${made} parcels, ${quota} asked`);
  });
  return {
    meta: {
      id: layerId,
      nameZh: '合成永久基本农田（测试用）',
      nameEn: 'Synthetic permanent basic farmland (test data)',
      version: `synthetic-farmland-seed-${o.seed}-${o.parcels}`,
      defaultZoneType: zoneType,
    },
    coords: new Float64Array(coords),
    ringStarts: Uint32Array.from(ringStarts),
    partRingStarts: Uint32Array.from(partRingStarts),
    featurePartStarts: Uint32Array.from({ length: made + 1 }, (_, i) => i),
    props,
  };
}
