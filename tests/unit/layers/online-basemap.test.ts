import { describe, expect, it } from 'vitest';
import { onlineBasemapFromEnv } from '../../../web/src/map/online-basemap.ts';

describe('optional online basemaps', () => {
  it('are off unless configured', () => {
    expect(onlineBasemapFromEnv({})).toBeUndefined();
    expect(onlineBasemapFromEnv({ VITE_BASEMAP: 'tianditu' })).toBeUndefined();
    expect(onlineBasemapFromEnv({ VITE_BASEMAP: 'something-else' })).toBeUndefined();
  });

  it('use the user key for Tianditu, escaped, and credit the provider', () => {
    const b = onlineBasemapFromEnv({ VITE_BASEMAP: 'tianditu', VITE_TIANDITU_KEY: 'a&b' });
    expect(b?.tiles).toHaveLength(4);
    expect(b?.tiles[0]).toContain('tk=a%26b');
    expect(b?.attribution).toContain('天地图');
    expect(onlineBasemapFromEnv({ VITE_BASEMAP: 'osm' })?.attribution).toContain('OpenStreetMap');
  });
});
