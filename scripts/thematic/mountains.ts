import type { Pt } from './types.ts';

/** Control outlines of the named mountain ranges, shared by the land layer and the illustrative red line. */

/** NNE band from northern Chifeng (Hexigten) to Mohe; the north part is ~250 km wide. Clipped to the region. */
export const GREATER_KHINGAN: readonly Pt[] = [
  [117.8, 43.7],
  [118.6, 44.6],
  [119.2, 45.6],
  [119.4, 46.6],
  [119.8, 47.5],
  [120.0, 48.6],
  [120.0, 49.6],
  [119.9, 50.5],
  [120.3, 51.5],
  [121.0, 52.5],
  [122.0, 53.3],
  [124.0, 53.2],
  [125.0, 52.0],
  [125.2, 51.0],
  [124.5, 50.0],
  [123.6, 49.2],
  [122.6, 48.2],
  [121.9, 47.3],
  [121.2, 46.4],
  [120.5, 45.5],
  [119.9, 44.6],
  [119.0, 43.6],
  [118.4, 43.3],
];

/** Langshan, Wulashan, Daqingshan, Huitengliang: E–W range north of the Hetao and Tumochuan plains. */
export const YINSHAN: readonly Pt[] = [
  [106.4, 40.9],
  [107.3, 41.0],
  [108.0, 41.05],
  [108.5, 40.8],
  [109.2, 40.68],
  [109.8, 40.72],
  [110.5, 40.72],
  [111.3, 40.82],
  [112.0, 40.85],
  [112.8, 40.85],
  [113.6, 40.9],
  [114.2, 41.0],
  [114.2, 41.35],
  [113.4, 41.35],
  [112.5, 41.25],
  [111.5, 41.3],
  [110.5, 41.25],
  [109.6, 41.15],
  [108.8, 41.25],
  [108.0, 41.6],
  [107.2, 41.8],
  [106.5, 41.5],
  [106.2, 41.1],
];

/** N–S range on the Alxa–Ningxia border; the region holds the west slope. */
export const HELAN: readonly Pt[] = [
  [105.75, 38.2],
  [105.95, 38.05],
  [106.15, 38.3],
  [106.3, 38.8],
  [106.4, 39.3],
  [106.3, 39.5],
  [106.1, 39.3],
  [105.9, 38.9],
  [105.75, 38.55],
];

/** Hills of the northern Yanshan in southern Chifeng (Ningcheng, Karqin, Aohan). */
export const YANSHAN: readonly Pt[] = [
  [117.4, 41.4],
  [118.3, 41.3],
  [119.3, 41.4],
  [120.0, 41.7],
  [119.8, 42.2],
  [119.0, 42.4],
  [118.2, 42.5],
  [117.6, 42.2],
];

/** Daqingshan, north of Hohhot and Baotou. */
export const DAQINGSHAN: readonly Pt[] = [
  [109.7, 40.75],
  [110.4, 40.68],
  [111.1, 40.78],
  [111.8, 40.82],
  [112.4, 40.9],
  [112.35, 41.04],
  [111.7, 40.99],
  [110.9, 40.93],
  [110.2, 40.84],
  [109.75, 40.88],
];
