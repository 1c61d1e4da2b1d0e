import { describe, expect, it } from 'vitest';

import {
  type Bbox,
  fits,
  frame,
  overflow,
  PROJECTOR_SCREENS,
  type Screen,
  unionBbox,
} from '../../../web/domain/tour/viewport.ts';

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
});
