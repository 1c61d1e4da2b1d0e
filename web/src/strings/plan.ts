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
} as const satisfies Area;
