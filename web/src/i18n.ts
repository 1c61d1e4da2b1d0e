import type { Lang } from '../../layers/types.ts';

const STRINGS = {
  title: { zh: '北疆生态屏障一张图', en: 'Northern Ecological Barrier Map' },
  subtitle: {
    zh: '全面推进美丽内蒙古建设筑牢我国北方重要生态安全屏障规划纲要(2025—2035年)',
    en: 'Plan outline for a Beautiful Inner Mongolia and the northern ecological security barrier (2025–2035)',
  },
  layers: { zh: '图层', en: 'Layers' },
  opacity: { zh: '透明度', en: 'Opacity' },
  info: { zh: '说明', en: 'About' },
  close: { zh: '关闭', en: 'Close' },
  source: { zh: '数据来源', en: 'Source' },
  licence: { zh: '许可', en: 'Licence' },
  attribution: { zh: '署名', en: 'Attribution' },
  method: { zh: '制作方法', en: 'How it was made' },
  accuracy: { zh: '精度', en: 'Accuracy' },
  schematic: { zh: '示意', en: 'Schematic' },
  schematicNote: {
    zh: '示意图层：非测绘数据，依据公开资料绘制，不可用于精确量算或对外发布。',
    en: 'Schematic layer: not surveyed data; drawn from public knowledge; not for measurement or publication.',
  },
  surveyed: { zh: '来自公开数据集', en: 'From a public dataset' },
  language: { zh: 'English', en: '中文' },
  languageLabel: { zh: '切换到英文', en: 'Switch to Chinese' },
  coords: { zh: '经纬度（CGCS2000 ≈ WGS84）', en: 'Lon/lat (CGCS2000 ≈ WGS84)' },
  selected: { zh: '已选区域', en: 'Selected zone' },
  clear: { zh: '取消选择', en: 'Clear selection' },
  mapLoading: { zh: '地图加载中…', en: 'Loading map…' },
  mapError: { zh: '地图出错', en: 'Map error' },
  loadingPlan: { zh: '正在载入规划任务…', en: 'Loading plan tasks…' },
  planTasks: { zh: '规划任务', en: 'Plan tasks' },
  noTasks: { zh: '规划纲要未直接点名此区域。', en: 'The outline does not name this zone directly.' },
  indicators: { zh: '指标与目标', en: 'Indicators and targets' },
  sample: { zh: '示例', en: 'Sample' },
  sampleNote: {
    zh: '状态依据示例观测值计算（示例，非统计数据），仅演示评估规则。',
    en: 'Status computed from sample observations (示例, not statistics), only to show the rule.',
  },
  userData: { zh: '用户权威数据', en: 'Your authoritative data' },
  userDataHint: {
    zh: '可载入权威数据（GeoJSON 或含 .prj 的 Shapefile 压缩包）替换此图层；数据只保存在本浏览器，不会上传。',
    en: 'Load an authoritative dataset (GeoJSON, or a zipped Shapefile with its .prj) to replace this layer; it stays in this browser and is never uploaded.',
  },
  userDataActive: { zh: '正在使用用户数据', en: 'Showing your data' },
  features: { zh: '个要素', en: 'features' },
  restoreSchematic: { zh: '移除并恢复示意图层', en: 'Remove and restore the schematic layer' },
  restoreBuiltIn: { zh: '移除并恢复内置图层', en: 'Remove and restore the built-in layer' },
  coordSource: { zh: '坐标来源', en: 'Coordinates from' },
  loadFile: { zh: '选择文件', en: 'Choose file' },
  importing: { zh: '正在读取…', en: 'Reading…' },
  userBuiltInBelow: {
    zh: '以下来源说明针对内置图层；地图上显示的是您载入的数据。',
    en: 'The sources below describe the built-in layer; the map shows the data you loaded.',
  },
  userBadge: { zh: '用户数据', en: 'Your data' },
  searchZones: { zh: '搜索区域（盟市、沙地、湖泊…）', en: 'Find a zone (league, sandy land, lake…)' },
  alsoHere: { zh: '此处还有', en: 'Also here' },
  notForPublication: {
    zh: '内部规划工具：底图边界未经审图，不用于公开发布。',
    en: 'Internal planning tool: basemap borders are not an approved (审图号) map; not for publication.',
  },
  screening: { zh: '选址审查', en: 'Screening' },
} as const;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Lang): string {
  return STRINGS[key][lang];
}
