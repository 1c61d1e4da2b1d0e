import { describe, expect, it } from 'vitest';
import { screeningSections } from '../../../web/domain/report/sections.ts';
import { screenProject } from '../../../web/domain/screening/engine.ts';
import { indexLayer, layerFromGeoJson } from '../../../web/domain/screening/layer.ts';
import { isProjectType } from '../../../web/domain/screening/rules.ts';
import { emptyDraft } from '../../../web/src/screening/draft.ts';

describe('a new draft declares no project type', () => {
  it('starts unchosen, and a check of it gives figures but no verdict', () => {
    const d = emptyDraft();
    expect(d.type).toBe('');
    expect(isProjectType(d.type)).toBe(false);
    const ring = [
      [111, 42],
      [111.02, 42],
      [111.02, 42.02],
      [111, 42.02],
      [111, 42],
    ];
    const layer = indexLayer(
      layerFromGeoJson(
        {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { name: '某红线' },
              geometry: { type: 'Polygon', coordinates: [ring] },
            },
          ],
        },
        { id: 'redline-illustrative', defaultZoneType: 'redline' },
      ),
    );
    // the worker is sent exactly the draft's type
    const out = screenProject({ type: 'Polygon', coordinates: [ring] }, [layer], { projectType: d.type });
    if (!out.ok) throw new Error('invalid');
    expect(out.result.overlaps).toHaveLength(1);
    expect(out.result.projectType).toBeNull();
    expect(out.result.verdicts).toEqual([]);
    expect(screeningSections(out.result)[0]?.note?.code).toBe('no-type');
  });
});
