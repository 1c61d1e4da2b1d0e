/**
 * Content-Security-Policy for the app (web/index.html): the browser holds the app to what it promises — scripts
 * only from its own origin, no inline script and no eval, no host contacted but its own (plus the online basemap's
 * tile hosts when VITE_BASEMAP switches one on), no plugins, no framing through <base> or forms.
 *
 * Delivered as a <meta http-equiv> in every mode, so any static host enforces it; `vite preview` also sends it as
 * a header (with frame-ancestors, which a meta policy cannot carry) so the app's own worker scripts get it too.
 * What each source is for:
 * - worker-src blob: maplibre starts its worker from a blob URL of its bundled worker code (a blob worker inherits
 *   this policy, so its tile and GeoJSON fetches are held to connect-src); the app's workers come from 'self'.
 * - img-src data: blob: maplibre-gl.css draws control icons as data: SVG; maplibre may decode images via blob URLs.
 * - The service worker (sw.js) is a worker from 'self' (worker-src); the web app manifest comes from 'self'
 *   (manifest-src). The service worker fetches only the app's own files (connect-src 'self' where the header is
 *   sent) and leaves the basemap's tiles to the page.
 * Dev server only (`npm run dev`): the React refresh preamble is an inline script, allowed by its SHA-256 hash (not
 * 'unsafe-inline'); Vite injects CSS as <style> elements, so style-src has 'unsafe-inline' in dev only; the HMR
 * websocket is same-origin ('self').
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { onlineBasemapFromEnv } from './web/src/map/online-basemap.ts';

export interface CspInput {
  /** Origins of the online basemap's tiles (none unless VITE_BASEMAP is set). */
  remoteOrigins: readonly string[];
  /** `'sha256-…'` sources of inline scripts the served HTML carries (dev server only). */
  inlineScriptHashes?: readonly string[];
  dev?: boolean;
}

export function contentSecurityPolicy(input: CspInput): string {
  const remote = input.remoteOrigins;
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...(input.inlineScriptHashes ?? [])]],
    ['worker-src', ["'self'", 'blob:']],
    ['manifest-src', ["'self'"]],
    ['connect-src', ["'self'", ...remote]],
    ['img-src', ["'self'", 'data:', 'blob:', ...remote]],
    ['style-src', ["'self'", ...(input.dev ? ["'unsafe-inline'"] : [])]],
    ['font-src', ["'self'", 'data:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The origins an online basemap's tile templates point at. */
export function basemapOrigins(env: Record<string, string | undefined>): string[] {
  const tiles = onlineBasemapFromEnv(env)?.tiles ?? [];
  return [...new Set(tiles.map((t) => new URL(t.replace(/\{[a-z]+\}/g, '0')).origin))];
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** SHA-256 sources of the inline <script> elements in an HTML document. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/.test(m[1] ?? '')) continue;
    hashes.push(sha256(m[2] ?? ''));
  }
  return hashes;
}

const isApp = (path: string) => path === '/index.html' || path === '/';

export function cspPlugin(env: Record<string, string | undefined>): Plugin {
  const remoteOrigins = basemapOrigins(env);
  let dev = false;
  return {
    name: 'eco-barrier-map:csp',
    config(_, env) {
      dev = env.command === 'serve' && !env.isPreview;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!isApp(ctx.path)) return html; // the bench baseline page keeps no policy
        const policy = contentSecurityPolicy({
          remoteOrigins,
          dev,
          inlineScriptHashes: dev ? inlineScriptHashes(html) : [],
        });
        if (!dev && inlineScriptHashes(html).length > 0)
          throw new Error('the built index.html carries an inline script, which the policy would block');
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
        return html.replace(/<head>/i, `<head>\n    ${meta}`);
      },
    },
    configurePreviewServer(server) {
      const policy = `${contentSecurityPolicy({ remoteOrigins })}; frame-ancestors 'none'`;
      server.middlewares.use((req, res, next) => {
        if (!req.url?.includes('/bench/')) res.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
  };
}
