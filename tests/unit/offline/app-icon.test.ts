import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { THEME } from '../../../layers/theme.ts';
import { ICON_BACKGROUND, iconPng, iconSvg } from '../../../scripts/vite/app-icon.ts';

/** The chunks of a PNG, each CRC checked with zlib's own crc32. */
function chunks(png: Buffer): { type: string; data: Buffer }[] {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out: { type: string; data: Buffer }[] = [];
  for (let o = 8; o < png.length; ) {
    const len = png.readUInt32BE(o);
    const type = png.toString('latin1', o + 4, o + 8);
    const data = png.subarray(o + 8, o + 8 + len);
    expect(png.readUInt32BE(o + 8 + len), type).toBe(crc32(png.subarray(o + 4, o + 8 + len)));
    out.push({ type, data });
    o += 12 + len;
  }
  return out;
}

const hex = (r: number, g: number, b: number) =>
  `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

describe('the app icon (scripts/vite/app-icon.ts)', () => {
  for (const size of [192, 512]) {
    it(`${size}×${size} PNG: valid chunks, the declared size, the drawing's colours where the drawing puts them`, () => {
      const cs = chunks(iconPng(size));
      expect(cs.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
      const ihdr = cs[0]?.data as Buffer;
      expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([size, size, 8, 2]);
      const rows = inflateSync(cs[1]?.data as Buffer);
      expect(rows.length).toBe(size * (size * 3 + 1));
      const at = (x: number, y: number) => {
        const o = Math.floor(y * size) * (size * 3 + 1) + 1 + Math.floor(x * size) * 3;
        return hex(rows[o] as number, rows[o + 1] as number, rows[o + 2] as number);
      };
      expect(at(0.02, 0.02)).toBe(ICON_BACKGROUND); // corner: background (full bleed, maskable)
      expect(at(0.6, 0.5)).toBe(THEME.region.fill); // inside the ridge
      expect(at(0.5, 0.715)).toBe(THEME.status.achieved); // the grass band
      expect(at(0.5, 0.9)).toBe(ICON_BACKGROUND);
    });
  }

  it('keeps the drawing inside the maskable safe zone (a circle of 40 % radius) and writes the same shapes as SVG', () => {
    const svg = iconSvg();
    const points = [...svg.matchAll(/points="([^"]+)"/g)].flatMap((m) =>
      (m[1] as string).split(' ').map((p) => p.split(',').map(Number) as [number, number]),
    );
    expect(points.length).toBeGreaterThan(6);
    for (const [x, y] of points) expect(Math.hypot(x / 512 - 0.5, y / 512 - 0.5)).toBeLessThanOrEqual(0.4);
    expect(svg).toContain(`fill="${ICON_BACKGROUND}"`);
  });
});
