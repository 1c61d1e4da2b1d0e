import { runCommand } from '../commands/registry.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';

/** The locate button over the map: a big target; pressed again (even while locating), it asks for a new fix. */
export function LocateButton() {
  const lang = useAppStore((s) => s.lang);
  const status = useAppStore((s) => s.field.status);
  const locating = status === 'locating';
  return (
    <button
      type="button"
      className="locate-button"
      data-status={status}
      aria-busy={locating}
      title={t('posLocateHint', lang)}
      onClick={() => runCommand('field.locate')}
    >
      <span aria-hidden="true" className="locate-icon">
        ◎
      </span>
      <span>{locating ? t('posLocating', lang) : t('posLocate', lang)}</span>
      <span className="visually-hidden"> {t('posLocateHint', lang)}</span>
    </button>
  );
}
