import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../../layers/registry.ts';
import { buildZoneIndex, serializeZoneIndex } from '../../../scripts/build-zone-index.ts';
import type { GazetteerData } from '../../../web/domain/plan/types.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const committed = readFileSync(join(ROOT, 'data', 'zone-index.json'), 'utf8');
const index = JSON.parse(committed) as Record<string, { layerId: string; bbox: number[] }>;

describe('zone index', () => {
  it('is what the layers give today (rebuild with npm run build:zones)', () => {
    expect(serializeZoneIndex(buildZoneIndex())).toBe(committed);
  });

  it('covers every gazetteer entry that has a location, in a layer of the registry', () => {
    const gaz = JSON.parse(readFileSync(join(ROOT, 'data', 'gazetteer.json'), 'utf8')) as GazetteerData;
    const ids = new Set(LAYERS.map((l) => l.id));
    const missing = gaz.entries.filter((e) => e.hasLocation && !index[e.id]).map((e) => e.id);
    expect(missing).toEqual([]);
    for (const [id, e] of Object.entries(index)) expect(ids.has(e.layerId), id).toBe(true);
  });

  it('boxes zones where they are', () => {
    const inside = (id: string, lon: number, lat: number) => {
      const b = index[id]?.bbox ?? [];
      return (b[0] ?? 999) <= lon && lon <= (b[2] ?? -999) && (b[1] ?? 999) <= lat && lat <= (b[3] ?? -999);
    };
    expect(index['league-hohhot']?.layerId).toBe('leagues');
    expect(inside('league-hohhot', 111.75, 40.84)).toBe(true);
    expect(inside('league-hulunbuir', 119.77, 49.21)).toBe(true);
    expect(inside('lake-hulun', 117.4, 49.0)).toBe(true);
    expect(inside('league-hohhot', 119.77, 49.21)).toBe(false);
  });
});
