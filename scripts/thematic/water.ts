import { ellipse } from './geometry.ts';
import type { Pt, ThematicLayerSpec } from './types.ts';

/**
 * Water (plan 4.2): lakes, rivers, reservoirs, diversion works and basins the outline names that the base layers do
 * not already hold. The base layers have 黄河, 额尔古纳河, 海拉尔河, 西拉木伦河, 西辽河 (rivers.geojson) and 呼伦湖, 贝尔湖,
 * 岱海 (lakes.geojson); those are reused by zone id and not redrawn.
 */

const RIVER = 'Schematic course through published control places; ±5–20 km, no survey behind it.';

export const WATER_AREAS: ThematicLayerSpec = {
  id: 'thematic-water-areas',
  method:
    'Lakes the outline names that no npm dataset holds, drawn schematically from published coordinates and areas.',
  specs: [
    {
      zoneId: 'lake-ulansuhai',
      shape: {
        type: 'area',
        outline: [
          [108.818, 40.62],
          [108.851, 40.65],
          [108.873, 40.75],
          [108.89, 40.85],
          [108.9, 40.95],
          [108.873, 41.04],
          [108.84, 41.03],
          [108.818, 40.95],
          [108.796, 40.85],
          [108.78, 40.75],
          [108.79, 40.66],
        ],
        smooth: 2,
      },
      drawnFrom:
        'elongated N–S lake at the east end of the Hetao irrigation district, published extent 40°36′–41°03′N, 108°43′–108°57′E',
      accuracy:
        'Schematic outline inside the published extent; open water and reed beds vary with the season.',
      cited: {
        km2: 293,
        source:
          'Ulansuhai (乌梁素海), commonly cited 293 km² (the regional government and the lake administration)',
      },
    },
    {
      zoneId: 'lake-chagan-nur',
      shape: { type: 'area', outline: ellipse([113.92, 41.52], 5, 3.5, 20, 12), smooth: 2 },
      clip: 'none',
      crossesBorder: true,
      drawnFrom:
        'small lake on the Shangdu (Ulanqab)–Shangyi (Hebei) border; centre from the gazetteer hint (~113.9E 41.6N) moved onto the border of the base leagues layer, drawn as a 10 × 7 km ellipse',
      accuracy:
        'Illustrative: position uncertain to ~15 km and size not from a published figure; the lake has largely dried up in recent years.',
    },
  ],
};

/** Ten Kongdui, west to east: mouths on the Yellow River, sources on the Ordos plateau ridge (~39.7–39.9N). */
const KONGDUI_MOUTH_LONS = [108.45, 108.7, 108.95, 109.25, 109.5, 109.7, 109.9, 110.1, 110.3, 110.5];

export const RIVERS: ThematicLayerSpec = {
  id: 'thematic-rivers',
  method:
    'Rivers the outline names that the base layers lack, drawn schematically through published control places; tributaries end on the base layer rivers and lakes.',
  specs: [
    {
      zoneId: 'river-nen',
      shape: {
        type: 'line',
        path: [
          [125.1, 51.45],
          [125.6, 51.1],
          [125.85, 50.7],
          [125.6, 50.2],
          [125.3, 49.75],
          [125.25, 49.2],
          [124.9, 48.85],
          [124.55, 48.5],
          [124.3, 48.0],
          [124.1, 47.6],
          [123.95, 47.3],
          [123.9, 46.9],
          [124.05, 46.4],
          [124.3, 45.8],
          [124.45, 45.45],
        ],
      },
      clip: 'none',
      crossesBorder: true,
      drawnFrom:
        'from the Nanweng headwaters in the Yilehuli Mountains south along the Oroqen border past Nenjiang, Nierji (Morin Dawa) and Qiqihar to the Songhua confluence at Sanchahe',
      accuracy: `${RIVER} Much of it is the border with Heilongjiang; the lower course lies in Heilongjiang and Jilin.`,
    },
    {
      zoneId: 'river-hei',
      shape: {
        type: 'lines',
        paths: [
          [
            [99.5, 40.0],
            [99.7, 40.35],
            [99.95, 40.7],
            [100.35, 41.05],
            [100.75, 41.5],
            [101.07, 41.96],
            [101.25, 42.28],
          ],
          [
            [100.35, 41.05],
            [100.45, 41.5],
            [100.5, 41.9],
            [100.38, 42.33],
          ],
        ],
      },
      clip: 'none',
      crossesBorder: true,
      drawnFrom:
        'lower Heihe from Dingxin (Gansu) into Ejina Banner; splits at Langxinshan into the East River (past Dalaihob to Sogo Nur) and the West River (to Gaxun Nur)',
      accuracy: `${RIVER} The lower channels are ephemeral; enters from Gansu.`,
    },
    {
      zoneId: 'river-orshun',
      shape: {
        type: 'line',
        path: [
          [117.7, 47.99],
          [117.78, 48.2],
          [117.72, 48.4],
          [117.62, 48.57],
        ],
        snapStart: 'lake-buir',
        snapEnd: 'lake-hulun',
      },
      drawnFrom:
        'from the north end of Buir Lake north to the south shore of Hulun Lake (the fish migration passage of task 4.2.4)',
      accuracy: RIVER,
    },
    {
      zoneId: 'river-gongba',
      shape: {
        type: 'line',
        path: [
          [112.42, 40.76],
          [112.5, 40.68],
          [112.62, 40.6],
        ],
        snapEnd: 'lake-daihai',
      },
      drawnFrom: 'short inflow entering Daihai from the northwest (Liangcheng County)',
      accuracy: `${RIVER} Direction of approach not verified; length ~20 km illustrative.`,
    },
    {
      zoneId: 'river-muhua',
      shape: {
        type: 'line',
        path: [
          [112.9, 40.74],
          [112.82, 40.66],
          [112.74, 40.6],
        ],
        snapEnd: 'lake-daihai',
      },
      drawnFrom: 'short inflow entering Daihai from the northeast (Liangcheng County)',
      accuracy: `${RIVER} Direction of approach not verified; length ~20 km illustrative.`,
    },
    {
      zoneId: 'river-tiancheng',
      shape: {
        type: 'line',
        path: [
          [112.6, 40.41],
          [112.64, 40.48],
          [112.67, 40.54],
        ],
        snapEnd: 'lake-daihai',
      },
      drawnFrom: 'short inflow entering Daihai from the south (Liangcheng County)',
      accuracy: `${RIVER} Direction of approach not verified; length ~15 km illustrative.`,
    },
    {
      zoneId: 'river-ten-kongdui',
      shape: {
        type: 'lines',
        paths: KONGDUI_MOUTH_LONS.map((lon, i): Pt[] => [
          [lon - 0.08, 39.72 + (i % 3) * 0.06],
          [lon - 0.03 + (i % 2) * 0.04, 40.05],
          [lon, 40.7],
        ]),
        smooth: 2,
        snapEnd: 'river-yellow',
      },
      drawnFrom:
        'ten seasonal gullies (Maobula, Buriggasitai, Heilai, Xiliu, Hantai, Haoqing, Hashila, Muhar, Dongliu, Husitai) running north from the Ordos ridge through the Kubuqi to the Yellow River between ~108.4E and 110.5E',
      accuracy: `${RIVER} Sources and mouths spaced evenly along the published stretch; individual gullies not located.`,
    },
  ],
};

export const WATER_WORKS: ThematicLayerSpec = {
  id: 'thematic-water-works',
  method: 'Diversion works the outline names, drawn as schematic routes between their published end points.',
  specs: [
    {
      zoneId: 'water-works-chaoer-to-xiliao',
      shape: {
        type: 'line',
        path: [
          [121.9, 46.9],
          [122.0, 46.45],
          [122.0, 46.15],
          [121.65, 46.0],
          [121.55, 45.75],
          [121.45, 45.3],
          [121.45, 45.05],
          [121.6, 44.6],
          [121.9, 44.2],
          [122.1, 43.85],
        ],
      },
      drawnFrom:
        'from the Wendegen reservoir on the Chaor River (Jalaid Banner) south past Ulanhot and Horqin Right Middle Banner to the Molimiao reservoir near Tongliao; published length ~390 km',
      accuracy:
        'Schematic route between the published end points; the real route (tunnels and pipelines) is not drawn.',
      props: {
        citedLengthKm: 390,
        citedLengthSource:
          'Chaor-to-West-Liao diversion, total water conveyance length ~390 km (Ministry of Water Resources project descriptions)',
      },
    },
  ],
};

export const RESERVOIRS: ThematicLayerSpec = {
  id: 'thematic-reservoirs',
  method:
    'The five reservoirs the outline names as nodes of the water network, as points at their published locations.',
  specs: [
    {
      zoneId: 'reservoir-haibowan',
      shape: { type: 'point', at: [106.8, 39.62], snapTo: 'river-yellow' },
      drawnFrom: 'the Haibowan dam on the Yellow River at Wuhai (the Wuhai lake), ~106.8E 39.6N',
      accuracy: 'Point at the published location, ±5 km; the reservoir itself is not outlined.',
    },
    {
      zoneId: 'reservoir-nierji',
      shape: { type: 'point', at: [124.45, 48.55] },
      drawnFrom:
        'the Nierji dam on the Nen River at Morin Dawa Banner, ~124.5E 48.5N, placed on the region side of the border',
      accuracy: 'Point at the published location, ±10 km; the dam sits on the Heilongjiang border.',
    },
    {
      zoneId: 'reservoir-hongshan',
      shape: { type: 'point', at: [119.73, 42.75] },
      drawnFrom: 'the Hongshan dam on the Laoha River, Ongniud Banner, ~119.7E 42.75N',
      accuracy: 'Point at the published location, ±10 km.',
    },
    {
      zoneId: 'reservoir-dongtaizi',
      shape: { type: 'point', at: [118.2, 43.3], snapTo: 'river-xar-moron' },
      drawnFrom:
        'on the upper-middle Xar Moron River near Linxi County, ~118.2E 43.3N, moved onto the base Xar Moron line',
      accuracy: 'Point at the published location, ±10 km.',
    },
    {
      zoneId: 'reservoir-wendegen',
      shape: { type: 'point', at: [121.9, 46.9] },
      drawnFrom:
        'the Wendegen dam on the Chaor River, Jalaid Banner, ~121.9E 46.9N (head of the Chaor-to-West-Liao diversion)',
      accuracy: 'Point at the published location, ±10 km.',
    },
  ],
};

const BASIN =
  'Very rough schematic basin extent (±50 km): drawn by hand along the main divides, not from a DEM.';

export const BASINS: ThematicLayerSpec = {
  id: 'thematic-basins',
  method:
    'River basins the outline names as wholes (Hai, Liao, northwest inland rivers), as rough schematic extents clipped to the region.',
  specs: [
    {
      zoneId: 'river-liao',
      shape: {
        type: 'area',
        outline: [
          [116.6, 42.5],
          [117.3, 43.3],
          [118.5, 44.2],
          [119.8, 45.0],
          [121.0, 45.3],
          [122.3, 45.0],
          [123.3, 44.4],
          [123.8, 43.5],
          [123.2, 42.5],
          [121.5, 41.9],
          [120.0, 41.3],
          [118.3, 41.2],
          [117.0, 41.6],
        ],
        smooth: 2,
      },
      drawnFrom:
        'the West Liao basin with the Xar Moron, Laoha, Xinkai and Jiaolai rivers: Chifeng, Tongliao, southern Hinggan and the Xilingol edge',
      accuracy: BASIN,
    },
    {
      zoneId: 'river-hai',
      shape: {
        type: 'areas',
        outlines: [
          [
            [115.5, 41.6],
            [116.1, 41.75],
            [116.7, 42.1],
            [116.6, 42.5],
            [116.0, 42.45],
            [115.6, 42.1],
          ],
          [
            [112.8, 40.35],
            [113.4, 40.3],
            [114.0, 40.6],
            [114.1, 41.1],
            [113.4, 41.15],
            [112.9, 40.8],
          ],
        ],
        smooth: 2,
      },
      drawnFrom:
        'two small shares: the upper Luan (Shandian River, Duolun and Zhenglan, Xilingol) and the Yongding headwaters (Fengzhen and Xinghe, Ulanqab)',
      accuracy: BASIN,
    },
    {
      zoneId: 'river-northwest-inland',
      shape: {
        type: 'areas',
        outlines: [
          [
            [96.8, 39.5],
            [99.5, 38.7],
            [102.0, 37.3],
            [104.3, 37.2],
            [105.2, 38.5],
            [105.6, 39.6],
            [106.0, 40.9],
            [107.5, 41.5],
            [110.0, 41.6],
            [112.5, 41.9],
            [114.5, 42.3],
            [116.3, 42.7],
            [117.3, 43.6],
            [118.6, 44.6],
            [119.8, 45.6],
            [120.0, 46.8],
            [118.0, 47.8],
            [113.0, 46.5],
            [108.0, 44.0],
            [100.0, 43.5],
            [96.8, 42.8],
          ],
          [
            [107.6, 39.0],
            [108.4, 38.6],
            [109.3, 39.0],
            [109.5, 39.5],
            [108.7, 39.75],
            [107.8, 39.6],
          ],
        ],
        smooth: 2,
      },
      drawnFrom:
        'endorheic basins: Alxa and the Heihe lower reaches, the plateau north of the Yinshan (Bayannur, Baotou, Ulanqab), most of Xilingol, and the Ordos interior basin',
      accuracy: BASIN,
    },
  ],
};
