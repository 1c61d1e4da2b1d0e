import { scaleAbout } from './geometry.ts';
import type { Pt, ThematicLayerSpec } from './types.ts';

/**
 * 三北工程 battles (plan 1.2.2, 2.3.1–2.3.3): the deserts and sandy lands, the battle zones and the treatment areas.
 * Every outline is schematic: control points placed from published extents, centres and areas; no survey behind them.
 */

const SHAPE_ONLY =
  'Schematic: extent and centre from published descriptions, shape plausible; edges ±10–30 km.';

// Where a sand body has no border to respect, its control outline is scaled about its centre (the factor after the
// points) so the drawn area comes near the cited one; the shape and extent stay those of the description.
// Extents quoted in the notes are the ones in general references (Chinese encyclopaedias, the desert and sandy land
// entries of the Encyclopedia of China, and the descriptions the gazetteer quotes); areas are the figures most
// often cited for the whole sand body, which the test in tests/unit/thematic holds the drawing to.

export const KUBUQI: readonly Pt[] = [
  [107.1, 40.25],
  [107.35, 40.45],
  [107.7, 40.55],
  [108.1, 40.62],
  [108.5, 40.55],
  [108.9, 40.42],
  [109.3, 40.38],
  [109.8, 40.38],
  [110.3, 40.32],
  [110.7, 40.2],
  [111.0, 40.12],
  [111.1, 40.02],
  [110.8, 39.95],
  [110.3, 40.02],
  [109.8, 40.03],
  [109.3, 39.97],
  [108.8, 39.87],
  [108.3, 39.77],
  [107.8, 39.7],
  [107.35, 39.78],
  [107.1, 39.98],
];

export const ULAN_BUH: readonly Pt[] = [
  [106.55, 39.35],
  [106.72, 39.7],
  [106.68, 40.0],
  [106.95, 40.25],
  [107.05, 40.45],
  [106.95, 40.65],
  [106.55, 40.72],
  [106.1, 40.55],
  [105.8, 40.2],
  [105.75, 39.85],
  [106.05, 39.5],
];

export const MU_US: readonly Pt[] = scaleAbout(
  [
    [107.4, 37.7],
    [108.0, 37.55],
    [108.8, 37.7],
    [109.6, 38.1],
    [110.3, 38.6],
    [110.5, 39.0],
    [110.1, 39.3],
    [109.5, 39.45],
    [108.8, 39.3],
    [108.2, 39.05],
    [107.7, 38.6],
    [107.35, 38.15],
  ],
  1.07,
);

export const TENGGER: readonly Pt[] = scaleAbout(
  [
    [103.1, 37.75],
    [103.9, 37.55],
    [104.6, 37.45],
    [105.05, 37.5],
    [105.35, 37.85],
    [105.35, 38.35],
    [105.2, 38.8],
    [104.9, 39.3],
    [104.4, 39.65],
    [103.9, 39.75],
    [103.5, 39.5],
    [103.5, 39.0],
    [103.3, 38.6],
    [103.0, 38.2],
  ],
  1.075,
);

export const BADAIN_JARAN: readonly Pt[] = scaleAbout(
  [
    [100.0, 40.0],
    [100.6, 39.7],
    [101.4, 39.45],
    [102.2, 39.5],
    [102.8, 39.75],
    [103.3, 39.9],
    [103.9, 40.4],
    [104.1, 40.9],
    [103.6, 41.2],
    [102.8, 41.4],
    [102.0, 41.5],
    [101.2, 41.3],
    [100.5, 41.0],
    [100.0, 40.6],
    [99.85, 40.25],
  ],
  0.945,
);

export const HORQIN: readonly Pt[] = scaleAbout(
  [
    [118.6, 42.9],
    [119.2, 42.6],
    [120.0, 42.45],
    [120.8, 42.5],
    [121.6, 42.75],
    [122.4, 43.05],
    [123.2, 43.2],
    [123.5, 43.6],
    [123.1, 44.0],
    [122.4, 44.3],
    [121.6, 44.45],
    [120.8, 44.3],
    [120.0, 43.9],
    [119.2, 43.5],
    [118.7, 43.2],
  ],
  0.887,
);

export const OTINDAG: readonly Pt[] = scaleAbout(
  [
    [112.6, 42.55],
    [113.3, 42.35],
    [114.2, 42.3],
    [115.0, 42.3],
    [115.8, 42.35],
    [116.5, 42.5],
    [117.0, 42.75],
    [117.1, 43.1],
    [116.6, 43.3],
    [115.8, 43.25],
    [115.0, 43.05],
    [114.2, 42.9],
    [113.3, 42.85],
    [112.7, 42.8],
  ],
  0.915,
);

export const SANDS: ThematicLayerSpec = {
  id: 'thematic-sands',
  method:
    'Schematic outlines of the deserts and sandy lands the outline names, drawn from published extents and held to published areas; smoothed by Chaikin corner cutting; clipped to the region unless the sand body crosses its border.',
  specs: [
    {
      zoneId: 'desert-kubuqi',
      shape: { type: 'area', outline: KUBUQI },
      drawnFrom:
        'belt on the south bank of the Yellow River bend, ~107.1–111.1E 39.8–40.6N, widest in the west (Hangjin), narrowing east to Jungar; kept south of the Natural Earth Yellow River',
      accuracy: SHAPE_ONLY,
      cited: {
        km2: 18_600,
        source: 'Kubuqi Desert, commonly cited 18,600 km² (1.86万 km²; e.g. UNEP 2015 Kubuqi report)',
      },
    },
    {
      zoneId: 'sandland-mu-us',
      shape: { type: 'area', outline: MU_US },
      clip: 'none',
      crossesBorder: true,
      drawnFrom:
        'NE-trending sand body from Yanchi (Ningxia) through Uxin and Otog Front (Ordos) to Yulin–Shenmu (Shaanxi), ~107.3–110.5E 37.5–39.5N; drawn whole, most of it lies in Shaanxi',
      accuracy: `${SHAPE_ONLY} Drawn across the border into Shaanxi and Ningxia.`,
      cited: {
        km2: 40_000,
        source:
          'Mu Us Sandy Land, commonly cited about 40,000 km² (约4万 km²; figures 32,000–42,200 km² occur)',
      },
    },
    {
      zoneId: 'desert-ulan-buh',
      shape: { type: 'area', outline: ULAN_BUH, smooth: 3 },
      drawnFrom:
        'west bank of the Yellow River from Wuhai north to Dengkou, west to the Jilantai salt lake, ~105.9–107.1E 39.4–40.7N',
      accuracy: SHAPE_ONLY,
      cited: { km2: 9_900, source: 'Ulan Buh Desert, commonly cited about 9,900 km² (约 0.99万 km²)' },
    },
    {
      zoneId: 'desert-tengger',
      shape: { type: 'area', outline: TENGGER },
      clip: 'none',
      crossesBorder: true,
      drawnFrom:
        'between the Yabrai Mountains, the Helan Mountains and the Minqin–Wuwei oases to Shapotou (Zhongwei), ~103.0–105.4E 37.45–39.75N; drawn whole, the southern part lies in Gansu and Ningxia',
      accuracy: `${SHAPE_ONLY} Drawn across the border into Gansu and Ningxia.`,
      cited: { km2: 42_700, source: 'Tengger Desert, commonly cited 42,700 km² (4.27万 km²), whole desert' },
    },
    {
      zoneId: 'desert-badain-jaran',
      shape: { type: 'area', outline: BADAIN_JARAN },
      drawnFrom:
        'Alxa Right Banner and southern Ejina Banner, from the Heihe oasis east to the Yabrai Mountains, ~99.8–104.1E 39.4–41.5N; clipped to the region (its small Gansu fringe is not drawn)',
      accuracy: SHAPE_ONLY,
      cited: {
        km2: 49_000,
        source: 'Badain Jaran Desert, commonly cited 49,000 km² (4.9万 km²; 47,000–52,000 also cited)',
      },
    },
    {
      zoneId: 'sandland-horqin',
      shape: { type: 'area', outline: HORQIN },
      clip: 'none',
      crossesBorder: true,
      drawnFrom:
        'along the Xar Moron and West Liao rivers from Ongniud (Chifeng) through Tongliao to Shuangliao (Jilin) and Zhangwu (Liaoning), ~118.6–123.5E 42.45–44.45N',
      accuracy: `${SHAPE_ONLY} The eastern tip crosses into Jilin and Liaoning. Published areas vary widely with the definition.`,
      cited: {
        km2: 42_300,
        source:
          'Horqin Sandy Land, sandy land area commonly cited about 42,300 km² (4.23万 km²); other definitions give 50,600 km² or more',
      },
    },
    {
      zoneId: 'sandland-otindag',
      shape: { type: 'area', outline: OTINDAG },
      drawnFrom:
        'E–W belt across southern Xilingol (Sonid, Zhenglan, Plain Blue, Duolun) to western Hexigten (Chifeng), north of the Hebei border, ~112.6–117.1E 42.3–43.3N',
      accuracy: SHAPE_ONLY,
      cited: {
        km2: 21_400,
        source:
          'Otindag (Hunshandake) Sandy Land, commonly cited 21,400 km² (2.14万 km²); broader definitions reach 53,000 km²',
      },
    },
  ],
};

const BATTLE =
  'Schematic campaign zone: the outline names the battle and its sands, not a boundary; drawn as an envelope of the named sands and treatment areas.';

export const BATTLES: ThematicLayerSpec = {
  id: 'thematic-battles',
  method:
    'The three landmark battles of the Three-North programme in Inner Mongolia, drawn as schematic envelopes of the sands and treatment areas the outline assigns to each; clipped to the region.',
  specs: [
    {
      zoneId: 'battle-yellow-river-bend',
      shape: {
        type: 'area',
        outline: [
          [105.9, 39.4],
          [106.3, 38.3],
          [107.0, 37.7],
          [108.5, 37.6],
          [110.0, 38.2],
          [111.3, 39.2],
          [112.0, 40.2],
          [113.1, 40.6],
          [113.2, 41.4],
          [112.0, 41.9],
          [110.0, 42.0],
          [108.0, 41.9],
          [106.6, 41.4],
          [105.6, 40.8],
        ],
        smooth: 2,
      },
      drawnFrom:
        'envelope of the Mu Us, Kubuqi and Ulan Buh sands and the central-western Yinshan (Bayannur to Ulanqab), ~105.6–113.2E 37.6–42.0N, the region part only',
      accuracy: BATTLE,
    },
    {
      zoneId: 'battle-horqin-otindag',
      shape: { type: 'areas', outlines: [scaleAbout(HORQIN, 1.25), scaleAbout(OTINDAG, 1.35)], smooth: 3 },
      drawnFrom:
        'the Horqin and Otindag sandy land outlines of this layer set enlarged by 25 % and 35 % about their centres, the region part only (the Hebei Bashang is a separate feature)',
      accuracy: BATTLE,
    },
    {
      zoneId: 'battle-hexi-taklamakan',
      shape: {
        type: 'area',
        outline: [
          [99.6, 40.1],
          [100.4, 39.4],
          [101.6, 39.0],
          [102.7, 38.7],
          [103.4, 38.0],
          [104.4, 37.5],
          [105.3, 37.7],
          [105.6, 38.6],
          [105.1, 39.5],
          [104.5, 40.3],
          [104.3, 41.2],
          [103.2, 41.8],
          [101.8, 41.9],
          [100.6, 41.6],
          [99.8, 41.0],
        ],
        smooth: 2,
      },
      drawnFrom:
        "Inner Mongolia's part: the Badain Jaran and Tengger deserts with their locking belts and the Alxa Right / Ejina wind gaps, ~99.6–105.6E 37.5–41.9N, clipped to the region",
      accuracy: BATTLE,
    },
  ],
};

const WIND_GAP =
  'Illustrative location only: the outline names the banners, not the gaps; placed on a sand passage widely described in the banner.';

export const TREATMENT: ThematicLayerSpec = {
  id: 'thematic-treatment-areas',
  method:
    'Treatment areas and closure zones the battles name, drawn schematically from the outline text and published descriptions.',
  specs: [
    {
      zoneId: 'treatment-area-kubuqi-mu-us',
      shape: {
        type: 'area',
        outline: [
          [106.95, 40.15],
          [107.4, 40.55],
          [108.2, 40.7],
          [109.2, 40.45],
          [110.3, 40.4],
          [111.15, 40.15],
          [111.0, 39.75],
          [110.2, 39.5],
          [110.0, 38.85],
          [109.3, 38.4],
          [108.3, 37.75],
          [107.3, 37.75],
          [106.8, 38.3],
          [107.1, 39.1],
          [106.85, 39.7],
        ],
        smooth: 2,
      },
      drawnFrom:
        'Ordos plateau from the Kubuqi in the north to the Mu Us in the south, excluding the Jungar loess hills in the east, ~106.8–111.2E 37.7–40.7N',
      accuracy: 'Schematic: the outline names the area, not its boundary; drawn as the Ordos sand belt.',
    },
    {
      zoneId: 'treatment-area-yinshan-central-west',
      shape: {
        type: 'area',
        outline: [
          [106.5, 40.85],
          [107.2, 41.3],
          [108.5, 41.55],
          [110.0, 41.75],
          [111.5, 41.85],
          [113.0, 41.75],
          [113.2, 41.2],
          [112.4, 40.85],
          [111.2, 40.8],
          [110.0, 40.75],
          [108.8, 40.95],
          [107.6, 40.95],
          [106.8, 40.55],
        ],
        smooth: 2,
      },
      drawnFrom:
        'both slopes of the Langshan, Wulashan, Daqingshan and Huitengliang, Bayannur to Ulanqab, ~106.5–113.2E 40.5–41.9N',
      accuracy:
        'Schematic: the outline names the area, not its boundary; drawn as a belt along the central-western Yinshan.',
    },
    {
      zoneId: 'treatment-area-zhangcheng-bashang',
      shape: {
        type: 'area',
        outline: [
          [113.9, 41.2],
          [114.6, 41.05],
          [115.4, 41.15],
          [116.2, 41.3],
          [117.0, 41.4],
          [117.9, 41.7],
          [117.8, 42.35],
          [117.2, 42.5],
          [116.4, 42.2],
          [115.6, 42.05],
          [114.7, 42.1],
          [114.2, 41.8],
        ],
        smooth: 2,
      },
      clip: 'outside',
      outsideRegion: true,
      drawnFrom:
        'Bashang plateau of Zhangjiakou (Shangyi, Zhangbei, Kangbao, Guyuan) and Chengde (Fengning, Weichang), Hebei, ~113.9–117.9E 41.0–42.5N; the region is cut out',
      accuracy:
        'Schematic, in Hebei (outside the region): shown because the battle names it as the neighbour downwind.',
    },
    {
      zoneId: 'treatment-area-alxa-right-wind-gap',
      shape: {
        type: 'area',
        outline: [
          [102.45, 39.3],
          [102.85, 39.15],
          [103.25, 39.3],
          [103.4, 39.65],
          [103.15, 39.95],
          [102.75, 39.9],
          [102.5, 39.65],
        ],
      },
      drawnFrom:
        'the Yabrai gap between the Badain Jaran and Tengger deserts (Yabrai, Alxa Right Banner), ~102.5–103.4E 39.2–39.95N',
      accuracy: WIND_GAP,
    },
    {
      zoneId: 'treatment-area-ejina-wind-gap',
      shape: {
        type: 'area',
        outline: [
          [101.55, 41.35],
          [102.1, 41.2],
          [102.75, 41.25],
          [102.95, 41.55],
          [102.5, 41.8],
          [101.9, 41.8],
          [101.55, 41.6],
        ],
      },
      drawnFrom:
        'the northern edge of the Badain Jaran between Gurinai and Guaizihu (Ejina Banner), on the dust path from the Mongolian Gobi, ~101.5–103.0E 41.2–41.8N',
      accuracy: WIND_GAP,
    },
  ],
};
