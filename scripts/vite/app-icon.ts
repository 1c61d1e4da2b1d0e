/**
 * The app's icon, drawn from one description: a ridge of two mountains (the barrier) over a band of grassland on
 * the plan's brown, inside the central 60 % of the square so the maskable crop (a circle of 80 %) keeps it whole.
 * The same shapes are written as SVG and rasterised to PNG here (4×4 supersampling, a small PNG encoder on
 * node:zlib), so no image tool or native dependency is needed at build time.
 */
import { deflateSync } from 'node:zlib';
import { THEME } from '../../layers/theme.ts';

type Point = readonly [number, number];
interface Shape {
  colour: string;
  /** a closed ring in units of the icon's side (0..1), y down */
  ring: readonly Point[];
}

export const ICON_BACKGROUND = THEME.league.selectedLine;
export const ICON_SHAPES: readonly Shape[] = [
  {
    colour: THEME.region.fill,
    ring: [
      [0.2, 0.64],
      [0.4, 0.33],
      [0.5, 0.48],
      [0.61, 0.27],
      [0.8, 0.64],
    ],
  },
  {
    colour: THEME.status.achieved,
    ring: [
      [0.2, 0.68],
      [0.8, 0.68],
      [0.8, 0.75],
      [0.2, 0.75],
    ],
  },
];

/** The icon as SVG text. */
export function iconSvg(): string {
  const shapes = ICON_SHAPES.map(
    (s) =>
      `<polygon fill="${s.colour}" points="${s.ring.map(([x, y]) => `${x * 512},${y * 512}`).join(' ')}"/>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="${ICON_BACKGROUND}"/>${shapes.join('')}</svg>\n`;
}

const rgb = (hex: string): [number, number, number] => {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

function inside(ring: readonly Point[], x: number, y: number): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Point;
    const [xj, yj] = ring[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

const SS = 4;

/** The icon's pixels, RGB, `size` × `size`. */
export function iconPixels(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 3);
  const bg = rgb(ICON_BACKGROUND);
  const shapes = ICON_SHAPES.map((s) => ({ ring: s.ring, colour: rgb(s.colour) }));
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      const acc = [0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (pxl + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          let c = bg;
          for (const s of shapes) if (inside(s.ring, x, y)) c = s.colour;
          acc[0] = (acc[0] as number) + c[0];
          acc[1] = (acc[1] as number) + c[1];
          acc[2] = (acc[2] as number) + c[2];
        }
      }
      const o = (py * size + pxl) * 3;
      for (let k = 0; k < 3; k++) px[o + k] = Math.round((acc[k] as number) / (SS * SS));
    }
  }
  return px;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 255] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An 8-bit RGB PNG of `rgbPixels` (`width` × `height`). */
export function encodePng(width: number, height: number, rgbPixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, filter 0, no interlace
  const rows = Buffer.alloc(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) {
    rows[y * (width * 3 + 1)] = 0; // filter: none
    rows.set(rgbPixels.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export const iconPng = (size: number): Buffer => encodePng(size, size, iconPixels(size));
