import type { Pt, ThematicLayerSpec, ThematicSpec } from './types.ts';

/** Banners, counties and border ports the outline names (plan 2.1.2, 2.3.3, 4.3.1, 5.2.2, 5.2.4), as seat points. */

const SEAT =
  'Point at the seat town, ±5 km; the banner or county area is not drawn (no npm dataset holds county boundaries).';

const seat = (zoneId: string, at: Pt, drawnFrom: string): ThematicSpec => ({
  zoneId,
  shape: { type: 'point', at },
  drawnFrom,
  accuracy: SEAT,
});

export const PLACES: ThematicLayerSpec = {
  id: 'thematic-places',
  method: 'Seat points of the banners, counties and county-level cities the outline names.',
  specs: [
    seat('county-manzhouli', [117.43, 49.6], 'Manzhouli city, border port with Russia, ~117.43E 49.6N'),
    seat('county-erenhot', [111.98, 43.65], 'Erenhot city, border port with Mongolia, ~111.98E 43.65N'),
    seat('county-alxa-right-banner', [101.67, 39.21], 'seat Ehen Hudag, ~101.67E 39.21N'),
    seat('county-ejina-banner', [101.07, 41.96], 'seat Dalaihob, ~101.07E 41.96N'),
    seat('county-dengkou', [107.0, 40.33], 'Dengkou county seat (Bayan Gaole), ~107.0E 40.33N'),
    seat('county-linhe', [107.4, 40.75], 'Linhe District, seat of Bayannur, ~107.4E 40.75N'),
    seat('county-jalaid-banner', [122.9, 46.72], 'seat Yinder, ~122.9E 46.72N'),
    seat('county-arxan', [119.94, 47.18], 'Arxan city in the Greater Khingan, ~119.94E 47.18N'),
  ],
};
