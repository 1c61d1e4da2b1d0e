import type { Lang } from '../../../layers/types.ts';
import type { IndicatorStatus } from '../../domain/plan/status.ts';
import { t } from '../strings/index.ts';
import { reasonLabel } from '../strings/indicator-labels.ts';
import { statusLabel } from '../strings/plan-labels.ts';

/** A status in words with its reason, and 示例 when it rests on a sample value (the zone panel's classes). */
export function StatusLine({ status, lang }: { status: IndicatorStatus; lang: Lang }) {
  return (
    <span
      className={`status status-${status.status}`}
      data-status={status.status}
      data-reason={status.reason}
    >
      {statusLabel(status.status, lang)}
      <span className="status-reason"> · {reasonLabel(status, lang)}</span>
      {status.sample ? <span className="badge-sample">{t('sample', lang)}</span> : null}
    </span>
  );
}

/** A value with the indicator's unit: 45.6% / 1.7 亿千瓦. */
export const withUnit = (value: number, unit: string): string => `${value}${unit === '%' ? '%' : ` ${unit}`}`;
