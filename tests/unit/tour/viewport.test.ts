import { describe, expect, it } from 'vitest';
import { REGION_BBOX } from '../../../web/domain/tour/validate.ts';
import {
  type Bbox,
  fits,
  frame,
  overflow,
  PROJECTOR_SCREENS,
  reframe,
  type Screen,
  unionBbox,
} from '../../../web/domain/tour/viewport.ts';
import { seedTour, ZONE_INDEX } from './helpers.ts';

const small = PROJECTOR_SCREENS[1] as Screen;
const kubuqi: Bbox = [107.1, 39.71844, 111.0625, 40.6025];
const flat = { bearing: 0, pitch: 0 };

describe('viewport arithmetic', () => {
  it('puts the centre in the middle of the screen and a box 90° east a quarter world right', () => {
    const o = overflow(
      [90, 0, 90, 0],
      { center: [0, 0], zoom: 1, ...flat },
      { ...small, coverLeft: 0, margin: 0 },
    );
    // world 1024 px at zoom 1: 90° is 256 px right of the centre (640 + 256 = 896 px from the left)
    expect(o?.right).toBeCloseTo(896 - 1280);
    expect(o?.left).toBeCloseTo(-896);
    expect(o?.top).toBeCloseTo(-360);
  });

  it('frames a box in the part of the screen the caption panel leaves free', () => {
    const camera = frame(kubuqi, small);
    expect(fits(kubuqi, camera, small)).toBe(true);
    expect(fits(kubuqi, { ...camera, zoom: camera.zoom + 0.2 }, small)).toBe(false);
    // the centre sits west of the box: the box is drawn right of the panel
    expect(camera.center[0]).toBeLessThan((kubuqi[0] + kubuqi[2]) / 2);
    expect(fits(kubuqi, { ...camera, center: [(kubuqi[0] + kubuqi[2]) / 2, camera.center[1]] }, small)).toBe(
      false,
    );
  });

  it('does not judge a rotated or tilted camera', () => {
    expect(overflow(kubuqi, { center: [109, 40], zoom: 5, bearing: 10, pitch: 0 }, small)).toBeNull();
    expect(fits(kubuqi, { center: [109, 40], zoom: 5, bearing: 0, pitch: 30 }, small)).toBe(false);
  });

  it('joins boxes', () => {
    expect(
      unionBbox([
        [1, 2, 3, 4],
        [0, 3, 5, 3.5],
      ]),
    ).toEqual([0, 2, 5, 4]);
    expect(unionBbox([])).toBeNull();
  });

  it('a caption along the foot of the screen leaves the part above it free', () => {
    const phone: Screen = { width: 390, height: 844, coverLeft: 0, coverBottom: 422, margin: 12 };
    const camera = frame(kubuqi, phone);
    expect(fits(kubuqi, camera, phone)).toBe(true);
    // the same camera with nothing at the foot would be framed lower: its centre lies south of the box's middle
    expect(camera.center[1]).toBeLessThan((kubuqi[1] + kubuqi[3]) / 2);
    expect(fits(kubuqi, camera, { ...phone, coverBottom: 700 })).toBe(false);
  });

  it("reframes every default chapter for a phone's caption at the foot: its zones in the part above it", () => {
    const phone: Screen = { width: 390, height: 844, coverLeft: 0, coverBottom: 422, margin: 12 };
    for (const c of seedTour().chapters) {
      const box = unionBbox(c.zones.map((z) => ZONE_INDEX[z]?.bbox ?? REGION_BBOX));
      if (!box) throw new Error(`${c.id}: no zones`);
      const moved = reframe(c.camera, small, phone);
      expect(fits(box, c.camera, phone), `${c.id} as framed for the projector`).toBe(false);
      expect(fits(box, moved, phone), c.id).toBe(true);
      // zoomed out only as far as the smaller free part asks: 780−48 px wide beside the panel, 390−24 here
      expect(moved.zoom).toBeCloseTo(c.camera.zoom + Math.log2(366 / 732), 6);
    }
    // on the screen it was framed for, it is the same camera
    const first = seedTour().chapters[0];
    if (!first) throw new Error('no chapter');
    const same = reframe(first.camera, small, small);
    expect(same.zoom).toBeCloseTo(first.camera.zoom, 9);
    expect(same.center[0]).toBeCloseTo(first.camera.center[0], 9);
    expect(same.center[1]).toBeCloseTo(first.camera.center[1], 9);
    // a rotated camera is left as it is
    const turned = { center: [109, 40] as [number, number], zoom: 5, bearing: 30, pitch: 0 };
    expect(reframe(turned, small, phone)).toBe(turned);
  });
});
