import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../../layers/registry.ts';
import { mapZoneProblems } from '../../../scripts/build-zone-index.ts';

const POINT: Point = { type: 'Point', coordinates: [110, 40] };
const ROOT = join(import.meta.dirname, '..', '..', '..');
const read = <T>(rel: string) => JSON.parse(readFileSync(join(ROOT, rel), 'utf8')) as T;
const gazetteer = new Map(
  read<{ entries: { id: string; taskIds: string[] }[] }>('data/gazetteer.json').entries.map((e) => [e.id, e]),
);

describe('one source of truth for zone → task links (build:zones check)', () => {
  it('every interactive layer: each zone is a gazetteer entry and lists exactly its tasks', () => {
    const interactive = LAYERS.filter((l) => l.interactive);
    expect(interactive.length).toBeGreaterThan(10);
    for (const def of interactive)
      expect(mapZoneProblems(def.id, read<FeatureCollection>(`data/layers/${def.data}`), gazetteer)).toEqual(
        [],
      );
  });

  it('refuses a zone missing from the gazetteer and a feature whose taskIds differ from the plan', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: POINT, properties: { zoneId: 'pilot-nowhere', taskIds: ['3.1.1'] } },
        {
          type: 'Feature',
          geometry: POINT,
          properties: { zoneId: 'pilot-carbon-peak-baotou', taskIds: ['3.1.1', '2.1.2'] },
        },
        {
          type: 'Feature',
          geometry: POINT,
          properties: { zoneId: 'pilot-carbon-peak-hohhot', taskIds: ['3.1.1'] },
        },
      ],
    };
    expect(mapZoneProblems('thematic-pilots', fc, gazetteer)).toEqual([
      'thematic-pilots: zone pilot-nowhere is not in the gazetteer (seeds/gazetteer.json)',
      'thematic-pilots: zone pilot-carbon-peak-baotou lists tasks 3.1.1 2.1.2, the plan links 3.1.1',
    ]);
  });
});
