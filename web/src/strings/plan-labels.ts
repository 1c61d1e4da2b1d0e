import type { Lang } from '../../../layers/types.ts';
import type { StatusCode } from '../../domain/plan/status.ts';
import type { Target } from '../../domain/plan/types.ts';
import type { LinkKind } from '../../domain/plan/zone-tasks.ts';
import { type StringKey, t } from './index.ts';

const STATUS_KEY: Record<StatusCode, StringKey> = {
  achieved: 'statusAchieved',
  'on-track': 'statusOnTrack',
  'at-risk': 'statusAtRisk',
  'off-track': 'statusOffTrack',
  'no-data': 'statusNoData',
};

const LINK_KIND_KEY: Record<LinkKind, StringKey> = {
  region: 'linkRegion',
  named: 'linkNamed',
  group: 'linkGroup',
  inside: 'linkInside',
  crosses: 'linkCrosses',
};

/** How a task is linked to a zone, in words: 直接点名 / 区内地点 (`group` has a {via} placeholder). */
export const linkKindLabel = (kind: LinkKind, lang: Lang): string => t(LINK_KIND_KEY[kind], lang);

export const statusLabel = (status: StatusCode, lang: Lang): string => t(STATUS_KEY[status], lang);

/** "≥ 45%" / "稳定在 45% 以上" style label of a target. */
export function targetLabel(
  target: Pick<Target, 'comparator' | 'value' | 'max'>,
  unit: string,
  lang: Lang,
): string {
  const withUnit = (x: number) => `${x}${unit === '%' ? '%' : ` ${unit}`}`;
  const v = withUnit(target.value);
  const phrase = (key: StringKey) => t(key, lang).replace('{v}', () => v);
  switch (target.comparator) {
    case '>=':
      return `≥ ${v}`;
    case '<=':
      return `≤ ${v}`;
    case '>':
      return `> ${v}`;
    case '<':
      return `< ${v}`;
    case '=':
      return phrase('targetReach');
    case 'stable>=':
      return phrase('targetStableAbove');
    case 'stable<=':
      return phrase('targetStableBelow');
    case 'between':
      return `${target.value}–${target.max ?? target.value}`;
  }
}
