import type maplibregl from 'maplibre-gl';

/**
 * Every source's data is in maplibre's worker and the tiles of the view are asked for (or the source needs none):
 * the map's render asks for them before it draws, so a frame drawn now compiles its shaders while the worker cuts
 * the tiles.
 */
function tilesRequested(map: maplibregl.Map): boolean {
  return Object.values(map.style.tileManagers).every((m) => m.loaded() || m.getIds().length > 0);
}

/**
 * Until the map is first idle, it draws nothing until every source has asked for its tiles, then its first frame
 * (the background), then nothing until every source's tiles are loaded, so that the start-up content is drawn once,
 * whole. The first frame compiles shaders (0.3–0.5 s in software WebGL, the page's thread waiting for the GPU
 * process); drawn before the sources' data was in maplibre's worker, it kept the page from sending the tile requests
 * while the worker had nothing to do (a first visit's first idle 2,316 → 2,092 ms, medians of 15 interleaved runs).
 * maplibre draws a frame whenever a tile arrives; in software WebGL a frame of the start-up view costs ~150–250 ms
 * whatever part of it has arrived, and the 11 start-up sources' tiles arrived over 7–10 frames, which held back the
 * worker still cutting tiles (both share two cores). After `capMs` it draws whatever has arrived, as before, so a
 * slow source does not keep the map blank. The first idle still follows the frame that draws all the start-up
 * content.
 */
export function drawFirstFrameWhole(map: maplibregl.Map, capMs = 3000): void {
  const { painter } = map;
  const render = painter.render.bind(painter);
  let drawn = 0;
  let hold = true;
  const release = () => {
    hold = false;
    clearTimeout(cap);
    painter.render = render;
  };
  const cap = setTimeout(() => {
    release();
    map.triggerRepaint();
  }, capMs);
  map.once('idle', release);
  painter.render = (style, options) => {
    if (hold && (drawn > 0 ? !map.style.loaded() : !tilesRequested(map))) return;
    drawn++;
    render(style, options);
  };
}
