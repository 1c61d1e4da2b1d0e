// The benchmark's baseline: maplibre with a background-only style, framed like the app. Measures the fixed cost of
// loading maplibre and starting WebGL on this machine, so the app's figures can be read as ratios.
import 'maplibre-gl/dist/maplibre-gl.css';
import maplibregl from 'maplibre-gl';

const map = new maplibregl.Map({
  container: 'map',
  style: {
    version: 8,
    sources: {},
    layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#dfe3e6' } }],
  },
  bounds: [97.17, 37.4, 126.07, 53.34],
});
map.once('idle', () => performance.mark('map-first-idle'));
