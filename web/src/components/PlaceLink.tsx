import { useEffect, useState } from 'react';
import { openZone } from '../app/zone-actions.ts';
import { useAppStore } from '../store/store.ts';
import { loadZoneIndex, type ZoneIndexEntry } from '../zones/zone-index.ts';

/** A place's name as a button that opens its zone on the map; plain text for a place the map does not draw. */
export function PlaceLink({ zoneId, name }: { zoneId: string; name: string }) {
  const [at, setAt] = useState<ZoneIndexEntry | null>(null);
  useEffect(() => {
    let live = true;
    loadZoneIndex().then((index) => {
      if (live) setAt(index[zoneId] ?? null);
    });
    return () => {
      live = false;
    };
  }, [zoneId]);
  if (!at) return <span className="place-name">{name}</span>;
  return (
    <button
      type="button"
      className="place-link"
      data-zone-id={zoneId}
      onClick={() => openZone(useAppStore, zoneId, at)}
    >
      {name}
    </button>
  );
}
