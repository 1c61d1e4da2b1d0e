import type { DataSource } from './provenance.ts';
import { type Spec, styleFor } from './thematic-style.ts';
import { THEME } from './theme.ts';
import type { GroupDef, LayerDef } from './types.ts';

/**
 * Thematic layers: every spatial entity the plan outline names, grouped as the outline groups them. The geometry is
 * authored in scripts/thematic/*.ts and built by `npm run build:thematic`; all of it is schematic (示意), so every
 * layer is badged 示意 and drawn dashed and lighter until the user replaces it (layers/badge.ts). Names carry no badge.
 */

export const THEMATIC_GROUPS: GroupDef[] = [
  { id: 'battles', name: { zh: '三北攻坚战', en: 'Three-North battles' } },
  { id: 'thematic-water', name: { zh: '水系与水利', en: 'Water and water works' } },
  { id: 'land', name: { zh: '山脉·平原·灌区', en: 'Mountains, plains, farmland' } },
  { id: 'eco', name: { zh: '生态功能区与格局', en: 'Ecological areas and layout' } },
  { id: 'energy', name: { zh: '能源与产业', en: 'Energy and industry' } },
  { id: 'places', name: { zh: '旗县与口岸', en: 'Banners and ports' } },
  { id: 'redline', name: { zh: '生态保护红线', en: 'Ecological red line' } },
];

export const THEMATIC_LABELS = 'thematic-labels.geojson';

export const SCHEMATIC_SOURCE: DataSource = {
  name: 'Schematic geometry authored for this project (scripts/thematic/*.ts)',
  licence: 'Project data (drawn from public descriptions)',
  attribution: '示意 Schematic: drawn from public descriptions, not surveyed',
  note: 'Each feature records what it was drawn from (source), how (method) and how far to trust it (accuracy).',
};

const SCHEMATIC_ACCURACY = {
  zh: '示意图层：依据公开资料（范围、中心、面积）手工绘制并平滑，非测绘成果；边界误差约 10–50 km，仅供规划示意。',
  en: 'Schematic (示意): drawn by hand from public descriptions (extents, centres, areas) and smoothed; not surveyed. Edges may be off by 10–50 km; for orientation only.',
};

function def(s: Spec): LayerDef {
  const sw = THEME.thematic[s.palette];
  const kind = s.geoms[0] === 'line' ? 'line' : s.geoms[0] === 'point' ? 'point' : 'fill';
  return {
    id: s.id,
    name: s.name,
    group: s.group,
    data: `${s.id}.geojson`,
    ...(s.geoms.includes('area') ? { labels: THEMATIC_LABELS } : {}),
    sources: [SCHEMATIC_SOURCE],
    method: s.method,
    accuracy: s.accuracy ?? SCHEMATIC_ACCURACY,
    schematic: true,
    interactive: true,
    defaultVisible: s.defaultVisible ?? false,
    ...(s.zoneType ? { zoneType: s.zoneType } : {}),
    labelRank: 2,
    legend: kind === 'line' ? { kind, color: sw.line } : { kind, color: sw.fill, outline: sw.line },
    style: styleFor(s),
  };
}

const M_AREA =
  'Control outlines from published extents, centres and areas, smoothed by Chaikin corner cutting, clipped to the region unless the entity crosses its border (scripts/thematic).';

/** Bottom to top, after the base layers. */
export const THEMATIC_LAYERS: LayerDef[] = [
  def({
    id: 'thematic-basins',
    name: { zh: '流域', en: 'River basins' },
    group: 'thematic-water',
    palette: 'basin',
    geoms: ['area'],
    method: `${M_AREA} Basins are very rough (±50 km), drawn along the main divides by hand.`,
  }),
  def({
    id: 'thematic-battles',
    name: { zh: '三北工程三大标志性战役', en: 'Three-North battles' },
    group: 'battles',
    palette: 'battle',
    geoms: ['area'],
    method: `${M_AREA} Each battle zone is an envelope of the sands and treatment areas the outline assigns to it.`,
    defaultVisible: true,
    dash: [4, 3],
    labelSize: 12,
  }),
  def({
    id: 'thematic-treatment-areas',
    name: { zh: '综合治理区与风沙口', en: 'Treatment areas and wind gaps' },
    group: 'battles',
    palette: 'treatment',
    geoms: ['area'],
    method: M_AREA,
  }),
  def({
    id: 'thematic-sands',
    name: { zh: '沙漠与沙地', en: 'Deserts and sandy lands' },
    group: 'battles',
    palette: 'sand',
    geoms: ['area'],
    method: `${M_AREA} Drawn areas are held to the published areas (see each feature's citedAreaKm2).`,
    defaultVisible: true,
  }),
  def({
    id: 'thematic-water-areas',
    name: { zh: '湖泊与湿地', en: 'Lakes and wetlands' },
    zoneType: 'lake-wetland',
    group: 'thematic-water',
    palette: 'lake',
    geoms: ['area'],
    method: `${M_AREA} 呼伦湖, 贝尔湖 and 岱海 are in the surveyed base lakes layer and are not redrawn.`,
  }),
  def({
    id: 'thematic-rivers',
    name: { zh: '河流', en: 'Rivers' },
    group: 'thematic-water',
    palette: 'river',
    geoms: ['line'],
    method:
      'Courses through published control places, smoothed by Chaikin; tributaries end on the base rivers and lakes. 黄河, 额尔古纳河, 西辽河 are in the base rivers layer.',
    lineWidth: 1.3,
  }),
  def({
    id: 'thematic-water-works',
    name: { zh: '引调水工程', en: 'Water diversion works' },
    group: 'thematic-water',
    palette: 'works',
    geoms: ['line'],
    method: 'Schematic route between the published end points.',
    dash: [1.5, 1.5],
    lineWidth: 2.2,
  }),
  def({
    id: 'thematic-mountains',
    name: { zh: '山脉与生态廊道', en: 'Mountain ranges and corridors' },
    group: 'land',
    palette: 'mountain',
    geoms: ['area'],
    method: M_AREA,
  }),
  def({
    id: 'thematic-plains',
    name: { zh: '平原与农牧带', en: 'Plains and farming belts' },
    group: 'land',
    palette: 'plain',
    geoms: ['area'],
    method: M_AREA,
  }),
  def({
    id: 'thematic-farmland',
    name: { zh: '灌区与黑土区', en: 'Irrigation districts and black soil' },
    group: 'land',
    palette: 'farmland',
    geoms: ['area'],
    method: M_AREA,
  }),
  def({
    id: 'thematic-parks',
    name: { zh: '国家公园（创建中）', en: 'National parks (in creation)' },
    zoneType: 'national-park-general',
    group: 'land',
    palette: 'park',
    geoms: ['area'],
    method: `${M_AREA} Sized to the published areas of the national nature reserves the parks build on.`,
  }),
  def({
    id: 'thematic-eco-areas',
    name: { zh: '重点生态功能区', en: 'Key ecological function areas' },
    group: 'eco',
    palette: 'eco',
    geoms: ['area'],
    method: M_AREA,
  }),
  def({
    id: 'thematic-layout',
    name: { zh: '国土空间格局', en: 'Territorial layout' },
    group: 'eco',
    palette: 'layout',
    geoms: ['area', 'point'],
    method:
      '三山一弯 from the range outlines and the bend; 一核 as the four leagues 呼包鄂乌; 双星 as Chifeng and Tongliao (task 2.1.2). 两带十区 and 多点 are not located by the outline and are not drawn.',
  }),
  def({
    id: 'thematic-wind-bases',
    name: { zh: '千万千瓦级风电基地', en: '10-GW wind power bases' },
    group: 'energy',
    palette: 'wind',
    geoms: ['area'],
    method:
      'Illustrative ellipses over the parts of each league the descriptions name; the farms’ sites are not drawn.',
  }),
  def({
    id: 'thematic-industry',
    name: { zh: '产业基地与园区', en: 'Industrial bases and zones' },
    group: 'energy',
    palette: 'industry',
    geoms: ['area', 'point'],
    method: 'Park clusters as small illustrative ellipses at their published places; single zones as points.',
  }),
  def({
    id: 'thematic-pilots',
    name: { zh: '试点城市与试验区', en: 'Pilot cities and zones' },
    group: 'energy',
    palette: 'pilot',
    geoms: ['area', 'point'],
    method:
      'Pilot zones without a published extent drawn as their whole league; pilot cities as points at the city centre.',
  }),
  def({
    id: 'thematic-places',
    name: { zh: '旗县与口岸', en: 'Banners, counties and ports' },
    group: 'places',
    palette: 'place',
    geoms: ['point'],
    method: 'Seat points of the banners, counties and county-level cities the outline names (±5 km).',
  }),
  def({
    id: 'redline-illustrative',
    name: { zh: '生态保护红线', en: 'Ecological protection red line' },
    zoneType: 'redline',
    group: 'redline',
    palette: 'redline',
    geoms: ['area'],
    method:
      'ILLUSTRATIVE ONLY: official red-line boundaries are not public. Parts drawn where red lines plausibly lie (forests, ranges, lakes and wetlands, cores of the sands, a few national nature reserves as zoneType nature-reserve-core); parts do not overlap.',
    accuracy: {
      zh: '示意：官方生态保护红线边界未公开，本图层仅为示意，绝不能作为法定边界或用于合规判断。',
      en: 'Illustrative (示意): official red-line boundaries are not public. Never use this layer as the legal boundary or for compliance decisions.',
    },
    dash: [2, 2],
  }),
  def({
    id: 'thematic-reservoirs',
    name: { zh: '大中型水库', en: 'Reservoirs' },
    group: 'thematic-water',
    palette: 'reservoir',
    geoms: ['point'],
    method: 'Points at the published dam locations (±5–10 km).',
  }),
];
