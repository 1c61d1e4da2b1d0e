import { describe, expect, it } from 'vitest';
import {
  nextSelection,
  selectionFromClick,
  type ZoneHit,
  type ZoneSummary,
  zoneOfFeature,
  zonesUnder,
} from '../../../web/domain/ui/zone-selection.ts';

const hit = (zoneId: unknown, layerId = 'leagues', extra: Record<string, unknown> = {}): ZoneHit => ({
  properties: { zoneId, zh: `${String(zoneId)}中`, en: `${String(zoneId)} en`, kind: 'league', ...extra },
  layerId,
});
const zone = (id: string, layerId = 'leagues'): ZoneSummary => ({
  id,
  zh: `${id}中`,
  en: `${id} en`,
  kind: 'league',
  layerId,
});

describe('what a map click selects', () => {
  it('selects the topmost zone and offers the others under the point, each once', () => {
    // a battle zone's fill and outline above the league beneath it
    const hits = [
      hit('battle-yellow-river-bend', 'battles'),
      hit('battle-yellow-river-bend', 'battles'),
      hit('league-hohhot'),
    ];
    const s = selectionFromClick(hits);
    expect(s.selectedZone?.id).toBe('battle-yellow-river-bend');
    expect(s.selectedZone?.layerId).toBe('battles');
    expect(s.zonesHere.map((z) => z.id)).toEqual(['league-hohhot']);
  });

  it('clears the selection on a click on no zone, and skips features that are not zones', () => {
    expect(selectionFromClick([])).toEqual({ selectedZone: null, zonesHere: [] });
    expect(selectionFromClick([hit(undefined), hit(42), hit('')])).toEqual({
      selectedZone: null,
      zonesHere: [],
    });
    expect(zonesUnder([hit(7), hit('league-alxa')]).map((z) => z.id)).toEqual(['league-alxa']);
  });

  it('keeps only string names from feature properties', () => {
    const z = zoneOfFeature({ zoneId: 'lake-hulun', zh: 5, en: null, kind: { a: 1 } }, undefined);
    expect(z).toEqual({ id: 'lake-hulun', zh: '', en: '', kind: '', layerId: '' });
    expect(zoneOfFeature(null, 'x')).toBeNull();
  });

  it('swaps the chosen offered zone with the current one, so the user can go back', () => {
    const first = selectionFromClick([hit('battle-a', 'battles'), hit('league-b'), hit('lake-c', 'water')]);
    const second = nextSelection(first, first.zonesHere[0] ?? null);
    expect(second.selectedZone?.id).toBe('league-b');
    expect(second.zonesHere.map((z) => z.id)).toEqual(['battle-a', 'lake-c']);
    const back = nextSelection(second, second.zonesHere[0] ?? null);
    expect(back.selectedZone?.id).toBe('battle-a');
    expect(back.zonesHere.map((z) => z.id).sort()).toEqual(['lake-c', 'league-b']);
  });

  it('drops the offer when a zone is chosen some other way (search, link), and on clearing', () => {
    const first = selectionFromClick([hit('battle-a', 'battles'), hit('league-b')]);
    expect(nextSelection(first, zone('lake-x', 'water'))).toEqual({
      selectedZone: zone('lake-x', 'water'),
      zonesHere: [],
    });
    expect(nextSelection(first, null)).toEqual({ selectedZone: null, zonesHere: [] });
  });
});
