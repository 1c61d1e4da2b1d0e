import { OfflineStatus } from '../offline/OfflineStatus.tsx';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';

const fmt = (v: number, pos: string, neg: string) => `${Math.abs(v).toFixed(5)}°${v >= 0 ? pos : neg}`;

export function StatusBar() {
  const lang = useAppStore((s) => s.lang);
  const pointer = useAppStore((s) => s.pointer);
  const status = useAppStore((s) => s.mapStatus);
  const error = useAppStore((s) => s.mapError);
  return (
    <footer className="status-bar">
      <span className="coords" aria-live="off" data-testid="coords">
        {t('coords', lang)}: {pointer ? `${fmt(pointer.lng, 'E', 'W')}, ${fmt(pointer.lat, 'N', 'S')}` : '—'}
      </span>
      <span className="map-status" data-status={status} role="status">
        {status === 'loading'
          ? t('mapLoading', lang)
          : status === 'error'
            ? `${t('mapError', lang)}: ${error ?? ''}`
            : ''}
      </span>
      <OfflineStatus />
      <span className="disclaimer">{t('notForPublication', lang)}</span>
    </footer>
  );
}
