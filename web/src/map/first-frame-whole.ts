import type maplibregl from 'maplibre-gl';

/**
 * Until the map is first idle, it draws its first frame (the background) and then nothing until every source's
 * tiles are loaded, so that the start-up content is drawn once, whole. maplibre draws a frame whenever a tile
 * arrives; in software WebGL (no GPU) a frame of the start-up view costs ~150–250 ms whatever part of it has
 * arrived, and the 11 start-up sources' tiles arrived over 7–10 frames, which held back the worker still cutting
 * tiles (both share two cores). After `capMs` it draws whatever has arrived, as before, so a slow source does not
 * keep the map blank. The first idle still follows the frame that draws all the start-up content.
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
    if (hold && drawn > 0 && !map.style.loaded()) return;
    drawn++;
    render(style, options);
  };
}
