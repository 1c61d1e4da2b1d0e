import type { Lang } from '../../../layers/types.ts';
import { runCommand } from '../commands/registry.ts';
import { t } from '../strings/index.ts';

/** 一页简报: opens the printable brief of the selected zone (command zone.brief; the brief itself loads lazily). */
export function ZoneBriefButton({ lang }: { lang: Lang }) {
  return (
    <button
      type="button"
      className="zone-brief-button"
      onClick={() => runCommand('zone.brief')}
      title={t('zoneBriefTitle', lang)}
    >
      {t('zoneBrief', lang)}
    </button>
  );
}
