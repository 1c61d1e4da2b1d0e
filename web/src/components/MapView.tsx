import { useEffect, useRef } from 'react';
import { MapController } from '../map/map-controller.ts';
import { onlineBasemapFromEnv } from '../map/online-basemap.ts';
import { useAppStore } from '../store/store.ts';

declare global {
  interface Window {
    __map?: import('maplibre-gl').Map;
  }
}

/** Creates the one map controller and hands it the store; renders only the container. */
export function MapView() {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const controller = new MapController(ref.current, useAppStore, onlineBasemapFromEnv(import.meta.env));
    if (import.meta.env.MODE === 'e2e') window.__map = controller.map;
    return () => controller.destroy();
  }, []);
  return <section ref={ref} className="map" aria-label="地图 Map" />;
}
