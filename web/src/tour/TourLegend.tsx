import { layerBadge } from '../../../layers/badge.ts';
import { LAYERS } from '../../../layers/registry.ts';
import type { Lang } from '../../../layers/types.ts';
import { chapterLegendIds } from '../../domain/tour/present.ts';
import type { TourChapter } from '../../domain/tour/schema.ts';
import { BadgeMark } from '../components/BadgeMark.tsx';
import { Swatch } from '../components/LayerPanel.tsx';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';

const LAYER_IDS = LAYERS.map((l) => l.id);
const BY_ID = new Map(LAYERS.map((l) => [l.id, l]));

/** A legend of exactly the chapter's layers, with the layer panel's swatches and badges (示意 dashed and badged). */
export function TourLegend({ chapter, lang }: { chapter: TourChapter; lang: Lang }) {
  const userLayers = useAppStore((s) => s.userLayers);
  return (
    <div className="tour-legend">
      <h3>{t('tourLegend', lang)}</h3>
      <ul>
        {chapterLegendIds(chapter, LAYER_IDS).map((id) => {
          const def = BY_ID.get(id);
          if (!def) return null;
          const badge = layerBadge(def, userLayers);
          return (
            <li key={id} data-layer-id={id}>
              <Swatch swatch={def.legend} schematic={badge === 'schematic'} />
              <span className="tour-legend-name">{def.name[lang]}</span>
              <BadgeMark badge={badge} lang={lang} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
