import type { LayerBadge } from '../../../layers/badge.ts';
import type { Lang } from '../../../layers/types.ts';
import type { PlanBundle } from '../plan/plan-data.ts';
import { download } from '../screening/download.ts';
import { t } from '../strings/index.ts';
import { reasonLabel } from '../strings/indicator-labels.ts';
import { statusLabel } from '../strings/plan-labels.ts';

/** 导出 CSV: the zone's tasks and indicators as `<zone-id>-plan.csv` (web/domain/plan/zone-csv.ts). */
export function ZoneCsvButton({
  bundle,
  zoneId,
  badge,
  lang,
}: {
  bundle: PlanBundle;
  zoneId: string;
  badge: LayerBadge;
  lang: Lang;
}) {
  const onClick = async () => {
    // the CSV code loads on the first click, not with the app
    const [{ zoneCsv, zoneCsvFileName }, { localDay }] = await Promise.all([
      import('../../domain/plan/zone-csv.ts'),
      import('../../domain/plan/zone-brief.ts'),
    ]);
    const now = new Date();
    const csv = zoneCsv(bundle.plan, bundle.gazetteer, bundle.observations, zoneId, now.getFullYear(), {
      date: localDay(now),
      lang,
      badge,
      statusWords: (s) => ({ status: statusLabel(s.status, lang), reason: reasonLabel(s, lang) }),
    });
    download(zoneCsvFileName(zoneId), csv, 'text/csv;charset=utf-8');
  };
  return (
    <button
      type="button"
      className="zone-csv"
      onClick={() => void onClick()}
      title={t('exportZoneCsvTitle', lang)}
    >
      {t('exportZoneCsv', lang)}
    </button>
  );
}
