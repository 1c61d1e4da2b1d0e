import type { Area } from './types.ts';

/**
 * The indicator dashboard (view=indicators) and its colours on the map. Placeholders: {n}, {year}, {id},
 * {title}, {no}, {numeral}, {phrase}, {reason}, {name}, {zone}, {status}, {whose}, {zones}, {from}, {to}, {v}.
 */
export const DASHBOARD_TEXT = {
  dashIntro: {
    zh: '规划纲要的 {n} 项指标，按章分组；状态按同一规则由观测值计算（截至 {year} 年）。',
    en: 'The outline’s {n} indicators, by chapter; each status comes from the observations by one rule (as of {year}).',
  },
  dashFilter: { zh: '按状态筛选', en: 'Filter by status' },
  dashFilterAll: { zh: '全部', en: 'All' },
  dashListLabel: { zh: '指标列表', en: 'Indicator list' },
  dashKeysHint: {
    zh: '↑↓ 在列表中移动，Enter 打开，Esc 关闭看板。',
    en: '↑↓ move in the list, Enter opens, Esc closes the dashboard.',
  },
  dashNoneWithStatus: { zh: '没有此状态的指标。', en: 'No indicator has this status.' },
  dashChapter: { zh: '{numeral}、{title}', en: 'Chapter {no}. {title}' },
  dashBack: { zh: '← 全部指标', en: '← All indicators' },
  dashTargets: { zh: '目标', en: 'Targets' },
  dashStanding: { zh: '持续', en: 'standing' },
  dashByYear: { zh: '{year} 年', en: 'by {year}' },
  dashOutline: { zh: '原文：{phrase}', en: 'outline: {phrase}' },
  dashFromTask: { zh: '出自任务', en: 'From task' },
  dashStatusHeading: { zh: '状态', en: 'Status' },
  dashPerZone: { zh: '分区域', en: 'By zone' },
  dashZone: { zh: '区域', en: 'Zone' },
  dashYear: { zh: '年份', en: 'Year' },
  dashValue: { zh: '数值', en: 'Value' },
  dashSource: { zh: '来源', en: 'Source' },
  dashNote: { zh: '备注', en: 'Note' },
  dashStatusCol: { zh: '状态', en: 'Status' },
  dashLatest: { zh: '最新值', en: 'Latest' },
  dashChart: { zh: '观测值与目标路径', en: 'Observations against the path' },
  dashObservations: { zh: '观测值及来源', en: 'Observations and their sources' },
  dashNoObservations: { zh: '尚无观测值。', en: 'No observations yet.' },
  dashPath: {
    zh: '目标路径：{from} → {to}（状态规则所用直线）',
    en: 'Path: {from} → {to} (the straight line the status rule uses)',
  },
  dashPathAt: { zh: '路径在 {year} 年的值 {v}', en: 'path value in {year}: {v}' },
  dashNoPath: { zh: '状态未依据路径：{reason}。', en: 'The status uses no path: {reason}.' },
  dashChartAlt: {
    zh: '{name}折线图：{points}；目标 {targets}。{path}',
    en: 'Chart of {name}: {points}; targets {targets}. {path}',
  },
  dashSeparator: { zh: '；', en: '; ' },
  dashYearValue: { zh: '{year} 年：{v}', en: '{year}: {v}' },
  dashZoneLabel: { zh: '{zone}：', en: '{zone}: ' },
  dashWithSample: { zh: '{v}（示例）', en: '{v} (sample)' },
  dashWhole: { zh: '{zone}（整体）', en: '{zone} (as a whole)' },
  dashShowOnMap: { zh: '在地图上显示', en: 'Show on map' },
  dashShowOnMapHint: {
    zh: '按状态为范围内的区域着色',
    en: 'Colour the zones in scope by status',
  },
  paintTitle: { zh: '{name}：状态', en: '{name}: status' },
  paintHover: { zh: '{zone}：{status}', en: '{zone}: {status}' },
  paintHoverWhose: { zh: '{zone}：{status}（{whose}）', en: '{zone}: {status} ({whose})' },
  paintNoteRegion: {
    zh: '全区指标：着色的是自治区整体，状态为全区状态，不是各盟市的状态。',
    en: 'Region-wide indicator: the whole region is coloured with the region’s status, not each league’s.',
  },
  paintNoteFallback: {
    zh: '有本区域观测值的用其本身状态，其余显示{whose}。',
    en: 'Zones with observations of their own show their status; the others show the {whose}.',
  },
  paintNoteSample: {
    zh: '示例：{zones}的状态依据示例数据（非统计）。',
    en: '示例 Sample: the status of {zones} rests on sample data (not statistics).',
  },
} as const satisfies Area;
