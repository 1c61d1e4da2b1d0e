import type { Area } from './types.ts';

/** Indicator statuses and target phrases in the zone panel ({v} is the value with its unit). */
export const PLAN_TEXT = {
  statusAchieved: { zh: '已实现', en: 'Achieved' },
  statusOnTrack: { zh: '进度正常', en: 'On track' },
  statusAtRisk: { zh: '存在风险', en: 'At risk' },
  statusOffTrack: { zh: '进度滞后', en: 'Off track' },
  statusNoData: { zh: '暂无数据', en: 'No data' },
  targetReach: { zh: '达到 {v}', en: 'reach {v}' },
  targetStableAbove: { zh: '稳定在 {v} 以上', en: 'stable at or above {v}' },
  targetStableBelow: { zh: '稳定在 {v} 以下', en: 'stable at or below {v}' },
  regionAllTasks: {
    zh: '全区：规划纲要的全部任务都属于本区域，按章、节分组。',
    en: 'The whole region: every task of the outline is its own, grouped by chapter and section.',
  },
  tasksNaming: { zh: '点名此区域的任务', en: 'Tasks naming this zone' },
  tasksWithin: { zh: '点名区内地点的任务', en: 'Tasks naming places within it' },
  placesWithin: { zh: '任务点名的区内地点', en: 'Places within it that tasks name' },
  placesCrossing: { zh: '部分位于区内的地点', en: 'Places partly within it' },
  placeTasks: { zh: '{n} 项任务', en: '{n} tasks' },
  withinRule: {
    zh: '区内：地名录所列所属盟市仅为本盟市；部分位于区内：所列盟市包括本盟市及其他盟市。',
    en: 'Within: the gazetteer lists this league alone for the place; partly within: this league among others.',
  },
  linkHow: { zh: '关联方式', en: 'Linked' },
  linkRegion: { zh: '全区任务', en: 'region-wide task' },
  linkNamed: { zh: '直接点名', en: 'named directly' },
  linkGroup: { zh: '经由合称“{via}”', en: 'through the group “{via}”' },
  linkInside: { zh: '区内地点', en: 'place within' },
  linkCrosses: { zh: '部分在区内', en: 'partly within' },
  linkThrough: { zh: '（经由“{via}”）', en: ' (through “{via}”)' },
  exportZoneCsv: { zh: '导出 CSV', en: 'Export CSV' },
  exportZoneCsvTitle: {
    zh: '下载本区域的任务与指标（CSV）',
    en: 'Download this zone’s tasks and indicators (CSV)',
  },
  placeSeparator: { zh: '、', en: ', ' },
} as const satisfies Area;
