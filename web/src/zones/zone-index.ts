export interface ZoneIndexEntry {
  layerId: string;
  bbox: [number, number, number, number];
}

let pending: Promise<Record<string, ZoneIndexEntry>> | null = null;

/** data/zone-index.json (zone id → layer and box), fetched on first use. */
export function loadZoneIndex(): Promise<Record<string, ZoneIndexEntry>> {
  pending ??= import('../../../data/zone-index.json').then(
    (m) => m.default as unknown as Record<string, ZoneIndexEntry>,
  );
  return pending;
}
