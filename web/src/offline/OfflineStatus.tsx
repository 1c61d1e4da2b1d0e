import { onlineBasemapFromEnv } from '../map/online-basemap.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { copyComplete, offlineText } from './offline-text.ts';
import { countUserData, reloadToNewVersion } from './register.ts';

const basemap = onlineBasemapFromEnv(import.meta.env);

/**
 * The offline state in the status bar: a chip (network · the offline copy) that opens what is available offline
 * and how old the copy is, and, when a new version is waiting, the button that switches to it (never automatic).
 */
export function OfflineStatus() {
  const lang = useAppStore((s) => s.lang);
  const state = useAppStore((s) => s.offline);
  const { chip, lines } = offlineText(state, lang, basemap?.attribution ?? null);
  return (
    <span className="offline">
      <details
        className="offline-status"
        data-online={state.online}
        data-ready={copyComplete(state)}
        data-support={state.support}
        onToggle={(e) => {
          if ((e.currentTarget as HTMLDetailsElement).open) void countUserData(useAppStore);
        }}
      >
        <summary>
          {chip}
          <span className="visually-hidden"> {t('offlineLabel', lang)}</span>
        </summary>
        <div className="offline-details">
          {lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      </details>
      {state.waiting !== null ? (
        <button type="button" className="offline-update" onClick={reloadToNewVersion}>
          {t('offlineUpdate', lang)}
        </button>
      ) : null}
    </span>
  );
}
