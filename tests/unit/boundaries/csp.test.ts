import { describe, expect, it } from 'vitest';
import { basemapOrigins, contentSecurityPolicy, inlineScriptHashes } from '../../../vite.csp.ts';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

describe('Content-Security-Policy (vite.csp.ts)', () => {
  it('default build: own origin only, no inline script, no eval', () => {
    const p = contentSecurityPolicy({ remoteOrigins: basemapOrigins({}) });
    expect(directive(p, 'script-src')).toEqual(["'self'"]);
    expect(directive(p, 'connect-src')).toEqual(["'self'"]);
    expect(directive(p, 'img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directive(p, 'style-src')).toEqual(["'self'"]);
    expect(directive(p, 'object-src')).toEqual(["'none'"]);
    // the service worker is a worker from the app's origin, the web app manifest comes from it too
    expect(directive(p, 'worker-src')).toEqual(["'self'", 'blob:']);
    expect(directive(p, 'manifest-src')).toEqual(["'self'"]);
    expect(p).not.toMatch(/unsafe-(inline|eval)|\*/);
  });

  it('an online basemap adds exactly its tile hosts to connect-src and img-src', () => {
    expect(basemapOrigins({ VITE_BASEMAP: 'osm' })).toEqual(['https://tile.openstreetmap.org']);
    const tianditu = basemapOrigins({ VITE_BASEMAP: 'tianditu', VITE_TIANDITU_KEY: 'k' });
    expect(tianditu).toEqual([0, 1, 2, 3].map((n) => `https://t${n}.tianditu.gov.cn`));
    expect(basemapOrigins({ VITE_BASEMAP: 'tianditu' })).toEqual([]); // no key: no basemap
    const p = contentSecurityPolicy({ remoteOrigins: tianditu });
    expect(directive(p, 'connect-src')).toEqual(["'self'", ...tianditu]);
    expect(directive(p, 'img-src')).toEqual(["'self'", 'data:', 'blob:', ...tianditu]);
    expect(directive(p, 'script-src')).toEqual(["'self'"]);
  });

  it('dev: inline scripts allowed by their hash only, styles inline', () => {
    const html =
      '<head><script type="module">import "/@react-refresh";</script><script src="/x.js"></script>';
    const hashes = inlineScriptHashes(html);
    // sha256 of the script text, computed independently: printf '%s' 'import "/@react-refresh";' | openssl dgst -sha256 -binary | base64
    expect(hashes).toEqual(["'sha256-kHKVv/7F1ekXux/PpAC5WZugL7B5vxJr3HodBFq5BKM='"]);
    const p = contentSecurityPolicy({ remoteOrigins: [], dev: true, inlineScriptHashes: hashes });
    expect(directive(p, 'script-src')).toEqual(["'self'", ...hashes]);
    expect(directive(p, 'style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });
});
