import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';

/** What the colours on the map mean while a view colours zones, with the hovered zone's figure. */
export function ZonePaintLegend() {
  const paint = useAppStore((s) => s.zonePaint);
  const hovered = useAppStore((s) => s.hoveredZoneId);
  const lang = useAppStore((s) => s.lang);
  if (!paint) return null;
  const hover = hovered ? paint.hover?.[hovered] : undefined;
  return (
    <aside className="zone-paint-legend" aria-label={paint.title[lang]}>
      <h2>{paint.title[lang]}</h2>
      <ul>
        {paint.legend.map((e) => (
          <li key={e.colour + e.zh}>
            <span className="swatch" style={{ background: e.colour }} aria-hidden="true" />
            {e[lang]} <span className="zone-paint-count">({e.count})</span>
          </li>
        ))}
      </ul>
      {paint.note ? <p className="zone-paint-note">{paint.note[lang]}</p> : null}
      <p className="zone-paint-hover" aria-live="polite">
        {hover ? hover[lang] : ''}
      </p>
      <button type="button" onClick={() => useAppStore.getState().setZonePaint(null)}>
        {t('zonePaintClear', lang)}
      </button>
    </aside>
  );
}
