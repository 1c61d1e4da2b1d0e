/**
 * What a map click selects and what it offers besides: the topmost zone under the pointer is selected, the
 * others under the same point are offered in the zone panel, and choosing one of the offered zones keeps the
 * offer (with the previous choice in it).
 */

/** What the map knows about a zone; the zone panel looks up the rest by id. */
export interface ZoneSummary {
  id: string;
  zh: string;
  en: string;
  kind: string;
  layerId: string;
  /** The feature came from the user's replacement file (absent: from the built-in layer file). */
  fromUser?: true;
}

/** A rendered feature under the pointer: its properties, the registry layer it belongs to, whose file it is. */
export interface ZoneHit {
  properties: Record<string, unknown> | null | undefined;
  layerId: string | undefined;
  /** the layer's source on the map is the user's replacement file */
  fromUser?: boolean;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** A zone from a feature's properties, or null when the feature is not a zone (no string `zoneId`). */
export function zoneOfFeature(
  properties: ZoneHit['properties'],
  layerId: string | undefined,
  fromUser = false,
): ZoneSummary | null {
  const id = properties?.zoneId;
  if (typeof id !== 'string' || id === '') return null;
  return {
    id,
    // a user's file names its features under `name` (filled in at import from 名称, MC, XMMC, …)
    zh: str(properties?.zh) || str(properties?.name),
    en: str(properties?.en),
    kind: str(properties?.kind),
    layerId: layerId ?? '',
    ...(fromUser ? { fromUser: true as const } : {}),
  };
}

/** Every zone among the hits (topmost first), each once, in hit order. */
export function zonesUnder(hits: readonly ZoneHit[]): ZoneSummary[] {
  const out: ZoneSummary[] = [];
  for (const hit of hits) {
    const z = zoneOfFeature(hit.properties, hit.layerId, hit.fromUser);
    if (z && !out.some((o) => o.id === z.id)) out.push(z);
  }
  return out;
}

export interface Selection {
  selectedZone: ZoneSummary | null;
  /** other zones under the click that selected the current one */
  zonesHere: ZoneSummary[];
}

/**
 * The selection after choosing `zone`: with `alsoHere` (a map click) the offer is what else was under the click;
 * without it, choosing an offered zone swaps it with the current one; anything else drops the offer.
 */
export function nextSelection(
  prev: Selection,
  zone: ZoneSummary | null,
  alsoHere?: ZoneSummary[],
): Selection {
  if (!zone) return { selectedZone: null, zonesHere: [] };
  if (alsoHere) return { selectedZone: zone, zonesHere: alsoHere.filter((z) => z.id !== zone.id) };
  if (!prev.zonesHere.some((z) => z.id === zone.id)) return { selectedZone: zone, zonesHere: [] };
  const previous = prev.selectedZone && prev.selectedZone.id !== zone.id ? [prev.selectedZone] : [];
  return { selectedZone: zone, zonesHere: [...previous, ...prev.zonesHere.filter((z) => z.id !== zone.id)] };
}

/** What a click on the map does: the topmost zone is selected and the rest offered; a click on nothing clears. */
export function selectionFromClick(hits: readonly ZoneHit[]): Selection {
  const [first, ...others] = zonesUnder(hits);
  return nextSelection({ selectedZone: null, zonesHere: [] }, first ?? null, others);
}
