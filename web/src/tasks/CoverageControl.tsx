import { useEffect, useId, useState } from 'react';
import { layerBadge } from '../../../layers/badge.ts';
import type { Lang } from '../../../layers/types.ts';
import type { PlanBundle } from '../plan/plan-data.ts';
import { useAppStore } from '../store/store.ts';
import { nameWithBadge, t } from '../strings/index.ts';
import {
  COVERAGE_DEFAULT,
  COVERAGE_LAYERS,
  coverageLayerOf,
  hideCoverage,
  showCoverage,
} from './coverage.ts';

/**
 * 覆盖图: colours a layer's zones by how many tasks are theirs (on while the store's zone paint is a coverage
 * one); the select picks the layer (leagues first chosen).
 */
export function CoverageControl({ bundle, lang }: { bundle: PlanBundle; lang: Lang }) {
  const on = useAppStore((s) => coverageLayerOf(s.zonePaint?.key));
  const userLayers = useAppStore((s) => s.userLayers);
  const [layer, setLayer] = useState(on ?? COVERAGE_DEFAULT);
  const selectId = useId();
  useEffect(() => {
    if (on) setLayer(on);
  }, [on]);
  return (
    <div className="coverage-control">
      <button
        type="button"
        aria-pressed={on !== null}
        onClick={() => (on ? hideCoverage(useAppStore) : showCoverage(useAppStore, layer, bundle))}
      >
        {t('tbCoverage', lang)}
      </button>
      <label htmlFor={selectId}>{t('tbCoverageLayer', lang)}</label>
      <select
        id={selectId}
        value={on ?? layer}
        onChange={(e) => {
          setLayer(e.target.value);
          if (on) showCoverage(useAppStore, e.target.value, bundle);
        }}
      >
        {COVERAGE_LAYERS.map((l) => (
          <option key={l.id} value={l.id}>
            {nameWithBadge(l.name[lang], layerBadge(l, userLayers), lang)}
          </option>
        ))}
      </select>
    </div>
  );
}
