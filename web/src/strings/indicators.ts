import type { Area } from './types.ts';

/**
 * Indicator rows on a zone: scope, status reason, the region-wide group. Placeholders: {year}, {scope}, {via},
 * {zone}, {n}, {source}.
 */
export const INDICATOR_TEXT = {
  reasonNoObservations: { zh: '无观测数据', en: 'no observations' },
  reasonMet: { zh: '已达到目标', en: 'target met' },
  reasonMetOnce: { zh: '仅一期数据，尚未显示稳定', en: 'one observation only, not yet shown to hold' },
  reasonMetNotYetStable: { zh: '刚达到，尚未显示稳定', en: 'just reached, not yet shown to hold' },
  reasonStandingNotMet: { zh: '未达到持续性目标', en: 'standing target not met' },
  reasonPastDueNotMet: { zh: '{year} 目标未达成', en: '{year} target missed' },
  reasonAboveRange: { zh: '超出目标区间', en: 'above the target range' },
  reasonSingleObservation: { zh: '仅一期数据，无法判断趋势', en: 'one observation only, no trend' },
  reasonRegressed: { zh: '曾达到，现已回落', en: 'was met, has fallen back' },
  reasonAheadOfPath: { zh: '达到或快于目标路径', en: 'on or ahead of the path to the target' },
  reasonBehindPath: { zh: '落后于目标路径', en: 'behind the path to the target' },
  reasonFarBehindPath: { zh: '远落后于目标路径', en: 'far behind the path to the target' },
  listSeparator: { zh: '、', en: ', ' },
  indicatorScope: { zh: '范围：{scope}', en: 'Scope: {scope}' },
  scopeRegion: { zh: '全区', en: 'whole region' },
  scopeOwn: { zh: '本区域', en: 'this zone' },
  scopeMember: { zh: '{scope}（本区域为其一）', en: '{scope} (this zone is one of them)' },
  scopeInside: { zh: '{scope}（本区域位于{via}）', en: '{scope} (this zone lies in {via})' },
  statusRegionWide: { zh: '全区状态', en: 'region-wide status' },
  statusScopeWide: { zh: '{scope}整体状态', en: 'status for {scope} as a whole' },
  statusForZone: { zh: '{zone}的状态', en: 'status for {zone}' },
  regionWideHeading: { zh: '全区指标（{n}）', en: 'Region-wide indicators ({n})' },
  regionWideNote: {
    zh: '以下为自治区整体目标，不是本区域的分解目标；状态为全区状态。',
    en: 'Targets for the region as a whole, not targets of this zone; statuses are the region’s.',
  },
  noLocalIndicators: {
    zh: '规划纲要没有以本区域为范围的指标。',
    en: 'The outline sets no indicator scoped to this zone.',
  },
  observedValue: { zh: '最新 {year}：{v}', en: 'latest {year}: {v}' },
  observationSource: { zh: '来源：{source}', en: 'source: {source}' },
} as const satisfies Area;
