import { GREATER_KHINGAN, HELAN, YINSHAN } from './mountains.ts';
import type { Pt, ThematicLayerSpec } from './types.ts';

/** Key ecological function areas and the territorial layout (plan 2.1.1, 2.1.2, 2.2.1, 4.1). */

const ECO = 'Schematic extent of a planning zone described in words; no published boundary: ±30–80 km.';

const BEND: readonly Pt[] = [
  [106.2, 39.2],
  [106.6, 38.2],
  [107.3, 37.7],
  [108.6, 37.65],
  [110.1, 38.3],
  [111.3, 39.2],
  [111.8, 40.2],
  [112.3, 40.9],
  [111.5, 41.3],
  [109.8, 41.2],
  [108.2, 41.35],
  [106.8, 41.2],
  [106.0, 40.5],
];

export const ECO_AREAS: ThematicLayerSpec = {
  id: 'thematic-eco-areas',
  method:
    'Key ecological function areas and ecological zones the outline names, as schematic extents clipped to the region.',
  specs: [
    {
      zoneId: 'eco-area-yellow-river-key',
      shape: {
        type: 'area',
        outline: [
          [105.3, 38.6],
          [106.2, 37.6],
          [108.5, 37.5],
          [110.3, 38.2],
          [111.5, 39.3],
          [112.2, 39.9],
          [113.0, 40.3],
          [112.9, 40.85],
          [112.2, 41.2],
          [110.5, 41.1],
          [108.8, 41.15],
          [107.4, 41.3],
          [106.2, 40.9],
          [105.4, 39.8],
        ],
        smooth: 2,
      },
      drawnFrom:
        "the Yellow River basin part of the region: Alxa's Helan piedmont, Wuhai, the Hetao and Tumochuan plains, the Ordos plateau and the Daihai–Liangcheng area",
      accuracy: ECO,
    },
    {
      zoneId: 'eco-area-northern-sand-belt',
      shape: {
        type: 'area',
        outline: [
          [98.5, 41.8],
          [100.5, 39.2],
          [103.0, 37.7],
          [105.0, 37.6],
          [107.5, 38.0],
          [109.5, 39.4],
          [111.5, 41.3],
          [113.5, 41.6],
          [116.0, 41.8],
          [118.5, 42.3],
          [121.0, 42.5],
          [123.6, 43.3],
          [123.0, 44.6],
          [120.5, 45.0],
          [118.0, 44.3],
          [115.5, 43.8],
          [112.5, 43.2],
          [109.5, 42.5],
          [106.0, 42.4],
          [102.5, 42.6],
          [100.0, 42.6],
        ],
        smooth: 2,
      },
      drawnFrom:
        'the national sand-prevention belt across the plateau: the Alxa deserts, the Hetao and Ordos sands, the Otindag and the Horqin, ~98.5–123.6E 37.6–45N',
      accuracy: ECO,
    },
    {
      zoneId: 'eco-area-northeast-forest-belt',
      shape: {
        type: 'area',
        outline: [
          [119.6, 46.2],
          [120.2, 47.5],
          [119.9, 49.5],
          [119.9, 50.5],
          [120.5, 52.0],
          [121.5, 53.3],
          [124.5, 53.3],
          [126.1, 51.5],
          [125.5, 49.8],
          [123.8, 48.8],
          [122.6, 47.6],
          [121.6, 46.2],
          [120.6, 45.8],
        ],
        smooth: 2,
      },
      drawnFrom: 'the Greater Khingan forests of Hulunbuir and Hinggan, ~119.6–126E 45.8–53.3N',
      accuracy: ECO,
    },
    {
      zoneId: 'eco-area-greater-khingan-barrier-belt',
      shape: { type: 'scaled', of: 'mountain-greater-khingan', factor: 1.1, smooth: 2 },
      drawnFrom: 'the Greater Khingan outline of the land layer enlarged by 10 % about its centre',
      accuracy: ECO,
    },
    {
      zoneId: 'eco-area-greater-khingan-central-nen-headwaters',
      shape: {
        type: 'area',
        outline: [
          [121.3, 47.8],
          [122.5, 47.6],
          [123.8, 48.6],
          [124.8, 50.0],
          [125.5, 51.2],
          [124.6, 51.6],
          [123.2, 51.0],
          [122.0, 49.8],
          [121.3, 48.8],
        ],
      },
      drawnFrom:
        'central Greater Khingan forests from Zhalantun north to the Nen (Nanweng) headwaters, northeast Hulunbuir, ~121.3–125.5E 47.6–51.6N',
      accuracy: ECO,
    },
    {
      zoneId: 'eco-area-horqin-grassland',
      shape: {
        type: 'area',
        outline: [
          [119.4, 43.4],
          [120.6, 43.8],
          [121.6, 44.3],
          [122.6, 45.0],
          [123.2, 45.8],
          [122.6, 46.1],
          [121.6, 45.6],
          [120.5, 45.0],
          [119.5, 44.3],
        ],
      },
      drawnFrom:
        'Horqin steppe of northern Tongliao (Jarud, Horqin Left Middle) and southern Hinggan, ~119.4–123.2E 43.4–46.1N',
      accuracy: ECO,
    },
    {
      zoneId: 'eco-area-wuhai-and-surroundings',
      shape: {
        type: 'area',
        outline: [
          [106.55, 39.3],
          [106.95, 39.15],
          [107.25, 39.4],
          [107.2, 39.85],
          [106.9, 40.0],
          [106.6, 39.75],
        ],
      },
      drawnFrom:
        'Wuhai with Wusitai (Alxa Left Banner) and Qipanjing (Otog Banner) industrial areas, ~106.55–107.25E 39.15–40.0N',
      accuracy: ECO,
    },
    {
      zoneId: 'eco-area-yellow-river-bend',
      shape: { type: 'area', outline: BEND, smooth: 2 },
      drawnFrom:
        'the Yellow River bend in the region: Ordos plateau, Hetao plain and the Yinshan south slope, ~106–112.3E 37.65–41.35N',
      accuracy: ECO,
    },
  ],
};

export const LAYOUT_LAYER: ThematicLayerSpec = {
  id: 'thematic-layout',
  method:
    "The parts of the territorial layout “三山一弯，两带十区，一核双星多点” (task 2.1.1) that the outline's own text locates: the three ranges and the bend, the core (呼包鄂乌) and the two stars (赤峰, 通辽, task 2.1.2). 两带十区 and 多点 are not located by the outline and are not drawn.",
  specs: [
    {
      zoneId: 'layout-three-mountains-one-bend',
      shape: { type: 'areas', outlines: [GREATER_KHINGAN, YINSHAN, HELAN, BEND], smooth: 2 },
      drawnFrom:
        'the Greater Khingan, Yinshan and Helan outlines of the land layer with the Yellow River bend outline of this layer; reading 三山 as the three ranges task 2.1.2 names as ecological corridors',
      accuracy: `${ECO} The reading of 三山一弯 follows task 2.1.2; the official layout map is not public.`,
    },
    {
      zoneId: 'layout-one-core',
      shape: {
        type: 'leagues',
        leagues: ['league-hohhot', 'league-baotou', 'league-ordos', 'league-ulanqab'],
      },
      drawnFrom: 'reading 一核 as 呼包鄂乌 (task 2.1.2: 呼包鄂乌高质量发展); the four leagues’ outlines',
      accuracy: 'Interpretation of the layout phrase; the four whole leagues stand in for the core.',
    },
    {
      zoneId: 'layout-star-chifeng',
      shape: { type: 'point', at: [118.89, 42.26] },
      drawnFrom:
        'reading 双星 as the two eastern regional centres of task 2.1.2; point at Chifeng city (Hongshan District)',
      accuracy: 'Interpretation of the layout phrase; point at the city centre.',
    },
    {
      zoneId: 'layout-star-tongliao',
      shape: { type: 'point', at: [122.26, 43.62] },
      drawnFrom:
        'reading 双星 as the two eastern regional centres of task 2.1.2; point at Tongliao city (Horqin District)',
      accuracy: 'Interpretation of the layout phrase; point at the city centre.',
    },
  ],
};
