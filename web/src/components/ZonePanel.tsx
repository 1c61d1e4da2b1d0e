import { layerById } from '../../../layers/registry.ts';
import { t } from '../i18n.ts';
import { useAppStore } from '../store/store.ts';

export function ZonePanel() {
  const zone = useAppStore((s) => s.selectedZone);
  const lang = useAppStore((s) => s.lang);
  if (!zone) return null;
  const layer = layerById(zone.layerId);
  const other = lang === 'zh' ? zone.en : zone.zh;
  return (
    <aside className="zone-panel" aria-label={t('selected', lang)} data-zone-id={zone.id}>
      <header>
        <h2>
          {zone[lang] || zone.zh}
          {layer?.schematic ? <span className="badge-schematic">{t('schematic', lang)}</span> : null}
        </h2>
        <button
          type="button"
          className="icon-button"
          onClick={() => useAppStore.getState().selectZone(null)}
          aria-label={t('clear', lang)}
        >
          ×
        </button>
      </header>
      <p className="zone-alt">{other}</p>
      {layer ? <p className="zone-layer">{layer.name[lang]}</p> : null}
      {layer?.schematic ? <p className="note-schematic">{t('schematicNote', lang)}</p> : null}
    </aside>
  );
}
