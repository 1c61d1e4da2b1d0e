import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Keeps `--map-foot` on the page's root at the height of the map's bottom-right controls (the scale and the
 * sources line, which wraps to more lines on a narrower map or with more sources), so what floats over the map's
 * foot (the legend of coloured zones, the position card) sits above them instead of over them. Returns the stop.
 */
export function watchMapFoot(map: MapLibreMap): () => void {
  const foot = map.getContainer().querySelector('.maplibregl-ctrl-bottom-right');
  if (!foot || typeof ResizeObserver === 'undefined') return () => {};
  const root = document.documentElement;
  const set = () =>
    root.style.setProperty('--map-foot', `${Math.ceil(foot.getBoundingClientRect().height)}px`);
  const observer = new ResizeObserver(set);
  observer.observe(foot);
  set();
  return () => {
    observer.disconnect();
    root.style.removeProperty('--map-foot');
  };
}
