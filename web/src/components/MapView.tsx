import { useLayoutEffect, useRef } from 'react';
import { createMap, startedMap } from '../app/boot-map.ts';
import { LocateButton } from '../field/LocateButton.tsx';
import { useAppStore } from '../store/store.ts';

declare global {
  interface Window {
    __map?: import('maplibre-gl').Map;
  }
}

/**
 * The map's section: it takes in the map main.tsx started before the app (app/boot-map.ts), or starts one. The
 * map lives as long as the page; the controller follows the store, not this component.
 */
export function MapView() {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (!ref.current) return;
    const started = startedMap();
    if (started) ref.current.append(started.element);
    const { controller } = started ?? createMap(useAppStore, ref.current);
    if (import.meta.env.MODE === 'e2e' && controller) window.__map = controller.map;
  }, []);
  return (
    <section ref={ref} className="map" aria-label="地图 Map">
      <LocateButton />
    </section>
  );
}
