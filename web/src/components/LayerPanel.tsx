import { layerBadge } from '../../../layers/badge.ts';
import { GROUPS, LAYERS } from '../../../layers/registry.ts';
import { isLoadedForScreening } from '../../../layers/screening.ts';
import type { LayerDef, LegendSwatch } from '../../../layers/types.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { fill } from '../strings/indicator-labels.ts';
import { BadgeMark } from './BadgeMark.tsx';
import { ZoneSearch } from './ZoneSearch.tsx';

/** A layer's legend swatch: dashed while the layer is schematic (layers/badge.ts). */
export function Swatch({ swatch, schematic }: { swatch: LegendSwatch; schematic: boolean }) {
  const border = `2px ${schematic ? 'dashed' : 'solid'} ${swatch.outline ?? swatch.color}`;
  if (swatch.kind === 'line') {
    return (
      <span
        className="swatch swatch-line"
        style={{ borderTop: `3px ${schematic ? 'dashed' : 'solid'} ${swatch.color}` }}
        aria-hidden
      />
    );
  }
  if (swatch.kind === 'point')
    return <span className="swatch swatch-point" style={{ background: swatch.color, border }} aria-hidden />;
  return <span className="swatch" style={{ background: swatch.color, border }} aria-hidden />;
}

function LayerRow({ def }: { def: LayerDef }) {
  const lang = useAppStore((s) => s.lang);
  const visible = useAppStore((s) => s.visible[def.id] ?? def.defaultVisible);
  const opacity = useAppStore((s) => s.opacity[def.id] ?? 1);
  const { toggleLayer, setOpacity, showInfo } = useAppStore.getState();
  const badge = useAppStore((s) => layerBadge(def, s.userLayers));
  const notLoaded = useAppStore((s) => !isLoadedForScreening(def, s.userLayers));
  // the user's tiles hold nothing this far out (their shapes are under a pixel): the zoom they show from
  const drawFrom = useAppStore((s) => {
    const z = s.drawFromZoom[def.id];
    return visible && s.userLayers[def.id] && z !== undefined && s.mapZoom !== null && s.mapZoom < z
      ? z
      : null;
  });
  const inputId = `layer-${def.id}`;
  return (
    <li className="layer-row" data-layer-id={def.id} data-not-loaded={notLoaded || undefined}>
      <div className="layer-head">
        <input id={inputId} type="checkbox" checked={visible} onChange={() => toggleLayer(def.id)} />
        <Swatch swatch={def.legend} schematic={badge === 'schematic'} />
        <label htmlFor={inputId} className="layer-name">
          {def.name[lang]}
          {lang === 'zh' ? <span className="layer-name-alt">{def.name.en}</span> : null}
        </label>
        <BadgeMark badge={badge} lang={lang} />
        {notLoaded ? <span className="layer-not-loaded">{t('notLoaded', lang)}</span> : null}
        <button
          type="button"
          className="icon-button"
          onClick={() => showInfo(def.id)}
          aria-label={`${t('info', lang)}: ${def.name[lang]}`}
        >
          i
        </button>
      </div>
      {drawFrom !== null ? (
        <p className="layer-zoom-hint" data-draw-from={drawFrom}>
          {fill('zoomInToSee', lang, { z: drawFrom })}
        </p>
      ) : null}
      <label className="opacity">
        <span className="visually-hidden">
          {t('opacity', lang)} {def.name[lang]}
        </span>
        <input
          type="range"
          min={0}
          max={100}
          step={5}
          value={Math.round(opacity * 100)}
          disabled={!visible}
          onChange={(e) => setOpacity(def.id, Number(e.currentTarget.value) / 100)}
        />
      </label>
    </li>
  );
}

export function LayerPanel() {
  const lang = useAppStore((s) => s.lang);
  const visible = useAppStore((s) => s.visible);
  const top = [...LAYERS].reverse();
  return (
    <nav className="layer-panel" aria-label={t('layers', lang)}>
      <ZoneSearch />
      <h2>{t('layers', lang)}</h2>
      {GROUPS.map((g) => {
        const defs = top.filter((l) => l.group === g.id);
        if (defs.length === 0) return null;
        // groups with a layer on are open; the others fold, so the legend fits a screen
        return (
          <details
            key={g.id}
            className="layer-group"
            open={defs.some((d) => visible[d.id])}
            data-group-id={g.id}
          >
            <summary>
              <h3>{g.name[lang]}</h3>
            </summary>
            <ul>
              {defs.map((d) => (
                <LayerRow key={d.id} def={d} />
              ))}
            </ul>
          </details>
        );
      })}
    </nav>
  );
}
