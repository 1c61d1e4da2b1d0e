import type { OnlineBasemap } from '../../../layers/style.ts';

/**
 * Optional online basemaps, off by default. Enabled only at build/serve time:
 *   VITE_BASEMAP=osm                    OpenStreetMap raster tiles
 *   VITE_BASEMAP=tianditu VITE_TIANDITU_KEY=<your key>
 * With neither set, the app contacts no host but its own.
 */
export function onlineBasemapFromEnv(env: Record<string, string | undefined>): OnlineBasemap | undefined {
  const kind = env.VITE_BASEMAP;
  if (kind === 'osm') {
    return {
      id: 'osm',
      tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
      attribution: '© OpenStreetMap contributors',
    };
  }
  if (kind === 'tianditu' && env.VITE_TIANDITU_KEY) {
    const key = encodeURIComponent(env.VITE_TIANDITU_KEY);
    return {
      id: 'tianditu',
      tiles: [0, 1, 2, 3].map(
        (n) =>
          `https://t${n}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${key}`,
      ),
      attribution: '天地图 Tianditu',
    };
  }
  return undefined;
}
