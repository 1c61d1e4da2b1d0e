// The benchmark's floor pages (npm run bench -- --map-only --floor): bare maplibre framed as bench/baseline.ts and
// given the app's start-up style, whole or in part, drawn as the app draws it (first frame whole), so that the cost
// of drawing the start-up content in this browser can be told apart from the app's own code.
//   ?layers=region,leagues   only these registry layers (default: every layer shown at start)
//   ?types=fill,line         only map layers of these types, besides the background (default: all)
//   ?progressive=1           drawn as tiles arrive (maplibre's default), not whole
import 'maplibre-gl/dist/maplibre-gl.css';
import maplibregl from 'maplibre-gl';
import { LAYERS } from '../../layers/registry.ts';
import { absentLayers, buildStyle, initialStyleState } from '../../layers/style.ts';
import { THEME } from '../../layers/theme.ts';
import { dataUrl } from '../src/map/data-urls.ts';
import { drawFirstFrameWhole } from '../src/map/first-frame-whole.ts';

const q = new URLSearchParams(location.search);
const list = (k: string) => q.get(k)?.split(',').filter(Boolean);
const only = list('layers');
const types = list('types');
const state = initialStyleState(LAYERS);
const shown = new Set(
  LAYERS.filter((l) => state.visible[l.id] && (!only || only.includes(l.id))).map((l) => l.id),
);
const style = buildStyle(LAYERS, state, (file) => dataUrl(file), { absent: absentLayers(LAYERS, shown) });
style.layers = style.layers.filter((l) => l.type === 'background' || !types || types.includes(l.type));
const used = new Set(style.layers.map((l) => ('source' in l ? l.source : '')));
for (const id of Object.keys(style.sources)) if (!used.has(id)) delete style.sources[id];

const map = new maplibregl.Map({
  container: 'map',
  style,
  bounds: [97.17, 37.4, 126.07, 53.34],
  localIdeographFontFamily: THEME.fonts.join(', '),
});
if (q.get('progressive') !== '1') drawFirstFrameWhole(map);
map.once('idle', () => performance.mark('map-first-idle'));
