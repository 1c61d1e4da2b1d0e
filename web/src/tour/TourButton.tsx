import { runCommand } from '../commands/registry.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';

/** The header button that starts presenting the built-in tour (command `tour.start`). */
export function TourButton() {
  const lang = useAppStore((s) => s.lang);
  return (
    <button
      type="button"
      className="tour-start"
      title={t('tourPresentHint', lang)}
      onClick={() => runCommand('tour.start')}
    >
      {t('tourPresent', lang)}
    </button>
  );
}
