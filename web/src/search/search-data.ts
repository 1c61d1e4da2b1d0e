import type { Lang } from '../../../layers/types.ts';
import type { GazetteerData, GazetteerEntry } from '../../domain/plan/types.ts';
import type { IndicatorHit, TaskHit } from '../../domain/ui/plan-search.ts';
import type { HitGroup, Tier } from '../../domain/ui/search.ts';
import { type GroupItem, type SearchItem, searchItem } from '../../domain/ui/zone-search.ts';
import { loadPlanBundle } from '../plan/plan-data.ts';
import { loadZoneIndex, type ZoneIndexEntry } from '../zones/zone-index.ts';

/** A place the search can open: a gazetteer entry that is on the map (the zone index has it). */
export interface Place {
  entry: GazetteerEntry;
  at: ZoneIndexEntry;
}

export interface PlaceSearch {
  items: SearchItem<Place>[];
  /** gazetteer groups with no shape of their own (一湖两海), by their names, with their members on the map */
  groups: GroupItem<Place, GazetteerEntry>[];
}

type Ranked<H> = HitGroup<H> & { best: Tier | null };

export interface PlanSearch {
  tasks(query: string, lang: Lang): Ranked<TaskHit>;
  indicators(query: string, lang: Lang): Ranked<IndicatorHit>;
}

let places: Promise<PlaceSearch> | null = null;
let plan: Promise<PlanSearch> | null = null;

/**
 * The places to search: the gazetteer (the same file the plan bundle reads) and the zone index, without waiting
 * for the plan itself.
 */
export function loadPlaceSearch(): Promise<PlaceSearch> {
  places ??= Promise.all([
    import('../../../data/gazetteer.json').then((m) => m.default as unknown as GazetteerData),
    loadZoneIndex(),
  ]).then(([gazetteer, index]) => {
    const byId = new Map<string, Place>();
    for (const entry of gazetteer.entries) {
      const at = index[entry.id];
      if (at) byId.set(entry.id, { entry, at });
    }
    const groups: PlaceSearch['groups'] = [];
    for (const entry of gazetteer.entries) {
      if (byId.has(entry.id) || !entry.groupOf) continue;
      const members = entry.groupOf.flatMap((id) => byId.get(id) ?? []);
      if (members.length > 0) groups.push({ ...searchItem(entry, entry), members });
    }
    return { items: [...byId.values()].map((p) => searchItem(p, p.entry)), groups };
  });
  return places;
}

/** Tasks and indicators to search: the plan bundle and the matching code, loaded together on first use. */
export function loadPlanSearch(): Promise<PlanSearch> {
  plan ??= Promise.all([loadPlanBundle(), import('../../domain/ui/plan-search.ts')]).then(([bundle, m]) => {
    const index = m.planSearchIndex(bundle.plan, bundle.gazetteer.values());
    return {
      tasks: (q, lang) => m.searchTasks(index, q, lang),
      indicators: (q, lang) => m.searchIndicators(index, q, lang),
    };
  });
  // a failed load may be retried on the next focus
  plan.catch(() => {
    plan = null;
  });
  return plan;
}
