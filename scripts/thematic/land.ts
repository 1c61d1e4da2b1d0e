import { DAQINGSHAN, GREATER_KHINGAN, HELAN, YANSHAN, YINSHAN } from './mountains.ts';
import type { Pt, ThematicLayerSpec } from './types.ts';

/** Land (plan 2.1.2, 2.2.3, 4.3): mountain ranges and corridors, plains, irrigation districts, black soil, parks. */

const RANGE =
  'Schematic extent of the range from published descriptions; the foot of a range is a zone, not a line: ±20–40 km.';
const FARM =
  'Schematic extent from published descriptions of the farming area; not the registered farmland boundary: ±20–50 km.';

export const MOUNTAINS: ThematicLayerSpec = {
  id: 'thematic-mountains',
  method:
    'The mountain ranges the outline names as ecological corridors, as schematic extents clipped to the region.',
  specs: [
    {
      zoneId: 'mountain-greater-khingan',
      shape: { type: 'area', outline: GREATER_KHINGAN, smooth: 2 },
      crossesBorder: true,
      drawnFrom:
        'NNE-trending range from northern Chifeng (Hexigten) through Arxan to Mohe, ~117.8–125.2E 43.3–53.3N, ~100 km wide in the south and ~250 km in the north; the region part only (it continues into Heilongjiang)',
      accuracy: RANGE,
    },
    {
      zoneId: 'mountain-yinshan',
      shape: { type: 'area', outline: YINSHAN, smooth: 2 },
      drawnFrom:
        'Langshan, Wulashan, Daqingshan and Huitengliang north of the Hetao and Tumochuan plains, ~106.2–114.2E 40.7–41.8N',
      accuracy: RANGE,
    },
    {
      zoneId: 'mountain-helan',
      shape: { type: 'area', outline: HELAN, smooth: 2 },
      crossesBorder: true,
      drawnFrom:
        'N–S range on the Alxa–Ningxia border, ~105.75–106.4E 38.05–39.5N; the region part (the west slope) only',
      accuracy: RANGE,
    },
    {
      zoneId: 'mountain-yanshan',
      shape: { type: 'area', outline: YANSHAN, smooth: 2 },
      drawnFrom:
        'hills of the northern Yanshan in southern Chifeng (Ningcheng, Karqin, Aohan), ~117.4–120.0E 41.3–42.5N',
      accuracy: RANGE,
    },
  ],
};

const HETAO_PLAIN: readonly Pt[] = [
  [107.0, 40.3],
  [107.3, 40.62],
  [107.8, 40.82],
  [108.3, 40.8],
  [108.75, 40.6],
  [109.3, 40.55],
  [109.1, 40.75],
  [108.6, 41.0],
  [108.0, 41.1],
  [107.4, 41.05],
  [106.95, 40.85],
  [106.8, 40.55],
];
const TUMOCHUAN: readonly Pt[] = [
  [109.9, 40.58],
  [110.4, 40.6],
  [111.0, 40.72],
  [111.6, 40.82],
  [112.0, 40.78],
  [111.9, 40.45],
  [111.4, 40.25],
  [110.9, 40.3],
  [110.4, 40.45],
];
const SOUTH_BANK: readonly Pt[] = [
  [107.3, 40.3],
  [108.2, 40.72],
  [109.2, 40.48],
  [110.2, 40.45],
  [111.1, 40.22],
  [111.05, 40.05],
  [110.2, 40.25],
  [109.2, 40.3],
  [108.2, 40.5],
  [107.4, 40.1],
];

export const PLAINS: ThematicLayerSpec = {
  id: 'thematic-plains',
  method: 'The plains and farming belts the outline names, as schematic extents clipped to the region.',
  specs: [
    {
      zoneId: 'plain-hetao',
      shape: { type: 'area', outline: HETAO_PLAIN },
      drawnFrom:
        'Houtao plain between the Yellow River and the Langshan–Wulashan foot, Dengkou to Xishanzui, ~106.8–109.3E 40.3–41.1N',
      accuracy: FARM,
    },
    {
      zoneId: 'plain-tumochuan',
      shape: { type: 'area', outline: TUMOCHUAN },
      drawnFrom:
        'plain between the Daqingshan and the Yellow River from Baotou to Hohhot and Togtoh, ~109.9–112.0E 40.25–40.85N',
      accuracy: FARM,
    },
    {
      zoneId: 'plain-west-liao',
      shape: {
        type: 'area',
        outline: [
          [119.6, 43.1],
          [120.5, 43.55],
          [121.5, 43.7],
          [122.5, 44.0],
          [123.3, 43.9],
          [123.6, 43.4],
          [122.8, 43.3],
          [121.8, 43.1],
          [120.8, 42.95],
          [119.9, 42.75],
        ],
      },
      drawnFrom:
        'alluvial plain of the Xar Moron–West Liao in Tongliao and eastern Chifeng, ~119.6–123.6E 42.75–44.0N',
      accuracy: FARM,
    },
    {
      zoneId: 'plain-songnen',
      shape: {
        type: 'area',
        outline: [
          [122.2, 46.2],
          [122.9, 46.0],
          [123.6, 46.4],
          [123.9, 47.2],
          [124.2, 48.0],
          [124.5, 48.6],
          [124.3, 49.0],
          [123.7, 48.6],
          [123.0, 47.9],
          [122.6, 47.2],
        ],
      },
      drawnFrom:
        "the region's west edge of the Songnen Plain east of the Greater Khingan along the Nen (Morin Dawa, Arun, Zhalantun, Jalaid), ~122.2–124.5E 46.0–49.0N",
      accuracy: FARM,
    },
    {
      zoneId: 'plain-greater-khingan-foothills',
      shape: {
        type: 'areas',
        outlines: [
          [
            [119.2, 48.6],
            [120.0, 48.7],
            [120.4, 49.5],
            [120.6, 50.4],
            [120.2, 50.9],
            [119.6, 50.3],
            [119.3, 49.4],
          ],
          [
            [121.5, 46.2],
            [122.4, 46.4],
            [123.2, 47.4],
            [124.0, 48.4],
            [124.4, 49.3],
            [123.6, 49.4],
            [122.6, 48.3],
            [121.8, 47.2],
          ],
        ],
      },
      drawnFrom:
        'farming–pasture belts on both foothills: west (Hailar–Ergun farmland, ~119.2–120.6E 48.6–50.9N) and east (Zhalantun–Arun–Morin Dawa–Jalaid, ~121.5–124.4E 46.2–49.4N)',
      accuracy: FARM,
    },
    {
      zoneId: 'plain-yinshan-foothills',
      shape: {
        type: 'area',
        outline: [
          [108.4, 41.3],
          [109.6, 41.25],
          [110.5, 41.35],
          [111.5, 41.45],
          [112.5, 41.4],
          [113.5, 41.45],
          [114.3, 41.6],
          [114.3, 42.0],
          [113.3, 41.95],
          [112.3, 41.9],
          [111.2, 41.85],
          [110.2, 41.75],
          [109.2, 41.65],
          [108.4, 41.6],
        ],
        smooth: 2,
      },
      drawnFrom:
        'farming–pasture belt on the north piedmont of the Yinshan (Urad Middle, Guyang, Wuchuan, Siziwang, Chahar Right, Shangdu), ~108.4–114.3E 41.25–42.0N',
      accuracy: FARM,
    },
    {
      zoneId: 'plain-yellow-river-mainstream',
      shape: { type: 'areas', outlines: [HETAO_PLAIN, TUMOCHUAN, SOUTH_BANK] },
      drawnFrom:
        'the Hetao and Tumochuan plain outlines of this layer with the irrigated south-bank strip of Ordos (Hangjin to Dalad)',
      accuracy: FARM,
    },
  ],
};

export const FARMLAND: ThematicLayerSpec = {
  id: 'thematic-farmland',
  method:
    'Irrigation districts and black-soil areas the outline names, as schematic extents clipped to the region.',
  specs: [
    {
      zoneId: 'irrigation-hetao',
      shape: {
        type: 'area',
        outline: [
          [106.95, 40.25],
          [107.3, 40.55],
          [107.8, 40.72],
          [108.3, 40.72],
          [108.75, 40.52],
          [109.35, 40.5],
          [109.2, 40.85],
          [108.6, 41.12],
          [108.0, 41.2],
          [107.3, 41.15],
          [106.8, 40.9],
          [106.65, 40.5],
        ],
      },
      drawnFrom:
        'irrigated Hetao plain fed by the Sanshenggong headworks, from Dengkou to Ulansuhai, ~106.7–109.3E 40.25–41.2N',
      accuracy: FARM,
      cited: {
        km2: 11_190,
        source:
          'Hetao Irrigation District total area 1,679万亩 ≈ 11,190 km² (Bayannur water authority; irrigated area ~1,150万亩)',
      },
    },
    {
      zoneId: 'irrigation-west-liao',
      shape: {
        type: 'area',
        outline: [
          [120.3, 43.2],
          [121.2, 43.55],
          [122.2, 43.75],
          [123.0, 43.95],
          [123.4, 43.6],
          [122.6, 43.35],
          [121.6, 43.2],
          [120.7, 43.0],
        ],
      },
      drawnFrom:
        'irrigated farmland of the West Liao plain around Tongliao (Horqin, Kailu, Horqin Left Middle), ~120.3–123.4E 43.0–43.95N',
      accuracy: FARM,
    },
    {
      zoneId: 'black-soil-northeast',
      shape: {
        type: 'area',
        outline: [
          [119.0, 48.4],
          [120.3, 48.6],
          [120.8, 50.5],
          [121.5, 50.2],
          [121.6, 48.2],
          [121.0, 46.5],
          [120.0, 45.0],
          [119.3, 43.6],
          [120.3, 42.9],
          [121.8, 43.0],
          [123.5, 43.6],
          [123.6, 45.0],
          [124.1, 47.0],
          [124.6, 48.6],
          [124.3, 49.5],
          [122.8, 49.4],
          [121.9, 51.0],
          [120.3, 51.4],
          [119.3, 50.2],
        ],
        smooth: 2,
      },
      drawnFrom:
        "the region's share of the northeast black-soil region: farmland of Hulunbuir (both sides of the Greater Khingan), Hinggan, Tongliao and northern Chifeng, excluding the forest core",
      accuracy:
        'Very rough envelope (±50 km) of the four eastern leagues’ black-soil farmland; not a soil survey.',
    },
    {
      zoneId: 'black-soil-greater-khingan-northwest',
      shape: {
        type: 'area',
        outline: [
          [119.1, 48.6],
          [120.2, 48.7],
          [120.7, 49.6],
          [120.8, 50.6],
          [120.2, 51.0],
          [119.5, 50.2],
          [119.2, 49.3],
        ],
      },
      drawnFrom:
        'west of the Greater Khingan in Hulunbuir (Hailar–Ergun farmland), ~119–121E 48.5–51N per the gazetteer hint',
      accuracy: FARM,
    },
    {
      zoneId: 'black-soil-greater-khingan-southeast',
      shape: {
        type: 'area',
        outline: [
          [121.0, 45.6],
          [121.9, 45.4],
          [122.7, 46.2],
          [123.5, 47.2],
          [124.2, 48.3],
          [124.4, 49.2],
          [123.6, 49.3],
          [122.7, 48.3],
          [121.9, 47.3],
          [121.2, 46.5],
        ],
      },
      drawnFrom:
        'east slope of the Greater Khingan: Zhalantun, Arun, Morin Dawa, Hinggan and northern Tongliao, ~121–124.4E 45.4–49.3N',
      accuracy: FARM,
    },
    {
      zoneId: 'black-soil-yanshan',
      shape: {
        type: 'area',
        outline: [
          [118.0, 41.6],
          [119.0, 41.45],
          [119.9, 41.8],
          [119.7, 42.3],
          [118.8, 42.45],
          [118.1, 42.2],
        ],
      },
      drawnFrom: 'southern Chifeng hills of the Yanshan (Ningcheng, Karqin, Aohan), ~118–120E 41.45–42.45N',
      accuracy: FARM,
    },
  ],
};

export const PARKS: ThematicLayerSpec = {
  id: 'thematic-parks',
  method:
    'The national parks the outline names (大青山, 贺兰山; in creation, no published boundary), drawn over the national nature reserves they build on, sized to those reserves’ published areas.',
  specs: [
    {
      zoneId: 'park-daqingshan',
      shape: { type: 'area', outline: DAQINGSHAN, smooth: 3 },
      drawnFrom:
        'the Daqingshan ridge north of Baotou and Hohhot to Zhuozi, ~109.7–112.4E 40.7–41.1N, over the Daqingshan national nature reserve',
      accuracy:
        'Schematic: the park boundary is not published; drawn as the ridge band of the reserve it builds on.',
      cited: {
        km2: 3_886,
        source:
          'Daqingshan national nature reserve, 388,577 ha (≈ 3,886 km²), the core of the proposed national park',
      },
    },
    {
      zoneId: 'park-helanshan',
      shape: {
        type: 'area',
        outline: [
          [105.77, 38.4],
          [105.95, 38.3],
          [106.05, 38.6],
          [106.15, 39.0],
          [106.1, 39.25],
          [105.95, 39.15],
          [105.83, 38.8],
        ],
        smooth: 3,
      },
      drawnFrom:
        'west slope of the Helan Mountains in Alxa Left Banner, ~105.8–106.15E 38.3–39.2N, over the Inner Mongolia Helanshan national nature reserve',
      accuracy:
        'Schematic: the park boundary is not published; drawn as the west-slope reserve it builds on.',
      cited: { km2: 677, source: 'Inner Mongolia Helanshan national nature reserve, 67,710 ha (≈ 677 km²)' },
    },
  ],
};
