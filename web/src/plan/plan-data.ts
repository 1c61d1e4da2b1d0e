import type { Observation } from '../../domain/plan/observations.ts';
import type { GazetteerData, GazetteerEntry, PlanData } from '../../domain/plan/types.ts';
import { loadZoneIndex, type ZoneIndexEntry } from '../zones/zone-index.ts';

export interface PlanBundle {
  plan: PlanData;
  gazetteer: Map<string, GazetteerEntry>;
  observations: Observation[];
  /** zone id → the layer that draws it and its box (data/zone-index.json); always loaded with the bundle */
  zoneIndex?: Record<string, ZoneIndexEntry>;
}

let pending: Promise<PlanBundle> | null = null;

/**
 * The plan, gazetteer and observations (published figures; sample rows 示例 only where none is published), fetched
 * on first use (not before the map's first idle).
 */
export function loadPlanBundle(): Promise<PlanBundle> {
  pending ??= (async () => {
    const [plan, gaz, csv, published, { parseObservationsCsv }, { defaultObservations }, zoneIndex] =
      await Promise.all([
        import('../../../data/plan.json').then((m) => m.default as unknown as PlanData),
        import('../../../data/gazetteer.json').then((m) => m.default as unknown as GazetteerData),
        import('../../../data/observations.sample.csv?raw').then((m) => m.default as string),
        import('../../../data/observations.published.csv?raw').then((m) => m.default as string),
        import('../../domain/plan/observations.ts'),
        import('../../domain/plan/default-observations.ts'),
        loadZoneIndex(),
      ]);
    return {
      plan,
      gazetteer: new Map(gaz.entries.map((e) => [e.id, e])),
      observations: defaultObservations(
        parseObservationsCsv(published).observations,
        parseObservationsCsv(csv).observations,
      ),
      zoneIndex,
    };
  })();
  return pending;
}
