/** Display words for comparators and statuses, in Chinese and English. */
import type { StatusCode } from './status.ts';
import type { Target } from './types.ts';

type Lang = 'zh' | 'en';

/** "≥ 45 %" / "稳定在 45 % 以上" style label of a target. */
export function comparatorLabel(
  target: Pick<Target, 'comparator' | 'value' | 'max'>,
  unit: string,
  lang: Lang,
): string {
  const v = `${target.value}${unit === '%' ? '%' : ` ${unit}`}`;
  const max = `${target.max ?? target.value}${unit === '%' ? '%' : ` ${unit}`}`;
  switch (target.comparator) {
    case '>=':
      return lang === 'zh' ? `≥ ${v}` : `≥ ${v}`;
    case '<=':
      return `≤ ${v}`;
    case '>':
      return `> ${v}`;
    case '<':
      return `< ${v}`;
    case '=':
      return lang === 'zh' ? `达到 ${v}` : `reach ${v}`;
    case 'stable>=':
      return lang === 'zh' ? `稳定在 ${v} 以上` : `stable at or above ${v}`;
    case 'stable<=':
      return lang === 'zh' ? `稳定在 ${v} 以下` : `stable at or below ${v}`;
    case 'between':
      return `${target.value}–${max}`;
  }
}

export const STATUS_LABELS: Record<StatusCode, { zh: string; en: string }> = {
  achieved: { zh: '已实现', en: 'Achieved' },
  'on-track': { zh: '进度正常', en: 'On track' },
  'at-risk': { zh: '存在风险', en: 'At risk' },
  'off-track': { zh: '进度滞后', en: 'Off track' },
  'no-data': { zh: '暂无数据', en: 'No data' },
};
