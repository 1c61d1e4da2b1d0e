import type { AppState } from '../store/store.ts';

/**
 * The shared layer version the map draws from the workspace's tiles (server/tiles.ts), or null. Its attribution is
 * catalogue text and a number only (made when the version is chosen): maplibre writes attributions as HTML, and a
 * layer's name comes from whoever uploaded it, so the name is shown in the panel (as text), never here.
 */
export function sharedTiles(s: AppState): { tiles: string; attribution: string } | null {
  const shown = s.workspace.shown;
  if (!shown) return null;
  return {
    tiles: `${location.origin}/api/tiles/${encodeURIComponent(shown.layerId)}/${shown.version}/{z}/{x}/{y}.mvt`,
    attribution: shown.attribution[s.lang],
  };
}
