import type { Area } from './types.ts';

/**
 * The printable one-page zone brief (components/ZoneBrief.tsx). Placeholders: {n}, {a}, {b}, {date}, {year},
 * {name}, {list}, {title}, {doc}, {from}. Notes it shares with the panel (示意, 示例, region-wide targets, the
 * unofficial English titles, not for publication) are their catalogue entries, said once.
 */
export const BRIEF_TEXT = {
  zoneBrief: { zh: '一页简报', en: 'One-page brief' },
  zoneBriefTitle: {
    zh: '打印本区域的一页简报：地图、任务、指标与来源',
    en: 'Print a one-page brief of this zone: map, tasks, indicators and sources',
  },
  briefHeading: { zh: '区域规划简报', en: 'Zone plan brief' },
  briefMade: { zh: '制作日期 {date}', en: 'Made {date}' },
  briefAsOf: { zh: '指标状态按 {year} 年计算', en: 'statuses as of {year}' },
  briefTaskCount: { zh: '规划任务 {n} 项', en: '{n} plan tasks' },
  briefTaskSplit: {
    zh: '：点名本区域 {a} 项，点名区内地点 {b} 项',
    en: ': {a} name this zone, {b} name places within it',
  },
  briefTitlesOnly: {
    zh: '为排入一页，此处仅列任务标题，按章、节分组；关联方式与任务全文见区域面板。',
    en: 'To fit one page, titles only, grouped by chapter and section; how each task is linked and its full text are in the zone panel.',
  },
  briefDenser: {
    zh: '为排入一页，各任务所涉地点从简（列出部分或只计数）；完整关联见区域面板或导出的 CSV。',
    en: 'To fit one page, the places each task is linked through are shortened (some named, or only counted); the zone panel and the exported CSV have them all.',
  },
  briefPlacesCount: { zh: '{n} 处', en: '{n} places' },
  briefPlaceCount: { zh: '{name}（{n}）', en: '{name} ({n})' },
  briefPlacesWithin: {
    zh: '任务点名的区内地点（括号内为任务数）',
    en: 'Places within it that tasks name (number of tasks)',
  },
  briefColon: { zh: '：', en: ': ' },
  briefChapterHead: { zh: '{no}、{title}', en: '{no}. {title}' },
  briefSectionHead: { zh: '（{no}）{title}', en: '{no} {title}' },
  briefLineSeparator: { zh: '；', en: '; ' },
  briefLatest: { zh: '{year}：{v}', en: '{year}: {v}' },
  briefSourceRef: { zh: '［{n}］', en: ' [{n}]' },
  briefWhose: { zh: '{whose}：', en: '{whose}: ' },
  briefMorePlaces: { zh: ' 等，另 {n} 处', en: ' and {n} more' },
  briefThroughCount: { zh: '经由“{via}”{n} 处', en: '{n} through “{via}”' },
  briefIndicatorCount: {
    zh: '指标：本区域 {a} 项，全区 {b} 项',
    en: 'Indicators: {a} for this zone, {b} region-wide',
  },
  colIndicator: { zh: '指标', en: 'Indicator' },
  colTargets: { zh: '目标', en: 'Targets' },
  colScope: { zh: '范围', en: 'Scope' },
  colStatus: { zh: '状态 · 原因', en: 'Status · reason' },
  colStatusRegionWide: { zh: '全区状态 · 原因', en: 'Region-wide status · reason' },
  colLatest: { zh: '最新值［来源］', en: 'Latest [source]' },
  briefNoData: { zh: '暂无观测数据（{n}）', en: 'No observations yet ({n})' },
  briefNoDataItem: { zh: '{name}（{targets}）', en: '{name} ({targets})' },
  briefNoDataItemScope: { zh: '{name}（{targets}；{scope}）', en: '{name} ({targets}; {scope})' },
  briefSources: { zh: '观测值来源', en: 'Sources of the observations' },
  briefPlanSource: {
    zh: '规划：《{title}》（{doc}，{date}；转载来源：{from}）',
    en: 'Plan: 《{title}》 ({doc}, {date}; republished from {from})',
  },
  briefMapSources: { zh: '地图数据：{list}', en: 'Map data: {list}' },
  briefMapLayers: { zh: '图中图层：{list}', en: 'Layers shown: {list}' },
  briefMapFailed: {
    zh: '地图图片未能生成（地图尚未就绪或浏览器不支持 WebGL），简报其余内容不受影响。',
    en: 'The map picture could not be made (the map is not ready or the browser lacks WebGL); the rest of the brief is complete.',
  },
  briefFolded: { zh: '“…”处为过长文字截短。', en: '“…” marks text shortened to fit the page.' },
  briefOverflow: {
    zh: '内容超出一页 A4，打印时会分页。',
    en: 'This brief runs over one A4 page and will print on more than one.',
  },
} as const satisfies Area;
