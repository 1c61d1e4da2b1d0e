/**
 * The Content-Security-Policy (vite.csp.ts) in a real browser: the app works under it without a single violation,
 * and what the policy forbids — a request to another host, an injected inline script or handler, eval — is
 * blocked. The server of `npm start` (vite preview) sends the policy as a header, and the service worker and the
 * manifest work under it. Last, the dev server (`npm run dev`) serves a working app under its own policy.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { AppDriver } from './app-driver.ts';

let app: AppDriver;
/** Another origin that answers every request and counts them: a request the policy lets through reaches it. */
let other: Server;
let otherUrl = '';
const otherHits: string[] = [];

beforeAll(async () => {
  app = await AppDriver.start();
  other = createHttpServer((req, res) => {
    otherHits.push(req.url ?? '');
    res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/plain' }).end('reached');
  });
  await new Promise<void>((ok) => other.listen(0, '127.0.0.1', ok));
  otherUrl = `http://localhost:${(other.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.stop();
  await new Promise<void>((ok) => (other ? other.close(() => ok()) : ok()));
});

const lake = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { zh: '测试湖' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [112.0, 42.0],
            [112.5, 42.0],
            [112.5, 42.4],
            [112.0, 42.4],
            [112.0, 42.0],
          ],
        ],
      },
    },
  ],
};

describe('Content-Security-Policy of the built app', () => {
  it('is the first thing in <head>, and the app works under it with no violation and no console error', async () => {
    await app.open();
    const meta = await app.page.evaluate(() => {
      const first = document.head.firstElementChild;
      return first?.getAttribute('http-equiv') === 'Content-Security-Policy'
        ? first.getAttribute('content')
        : null;
    });
    expect(meta).toContain("script-src 'self'");
    expect(meta).not.toContain('unsafe-inline');
    expect(meta).not.toContain('unsafe-eval');
    expect(meta).toContain("worker-src 'self' blob:");
    expect(meta).toContain("manifest-src 'self'");
    expect(await app.renderedZoneIds('leagues-fill')).toHaveLength(12);

    // select a zone, open a hidden layer, replace a layer with a file (worker, object URL, maplibre's blob worker)
    await app.clickLngLat(105.5, 40.5);
    await app.page.locator('.zone-panel[data-zone-id="league-alxa"]').waitFor();
    await app.page.keyboard.press('Escape');
    const group = app.page.locator('details[data-group-id="energy"]');
    await group.locator('summary').click();
    await app.page.getByRole('checkbox', { name: /千万千瓦级风电基地/ }).check();
    await app.idle();
    expect(await app.renderedZoneIds('thematic-wind-bases-fill')).toContain('wind-base-ordos');
    await app.page.getByRole('button', { name: '说明: 湖泊', exact: true }).click();
    const dialog = app.page.locator('dialog.layer-info');
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'lakes.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(lake)),
    });
    await dialog.locator('[data-user-layer="lakes"]').waitFor();
    await app.page.keyboard.press('Escape');
    await app.idle();
    expect(await app.renderedZoneIds('lakes-fill')).toEqual(['user-lakes-1']);
    await app.page.getByRole('button', { name: '说明: 湖泊', exact: true }).click();
    await dialog.getByRole('button', { name: /恢复内置图层/ }).click();
    await dialog.locator('[data-user-layer="lakes"]').waitFor({ state: 'detached' });
    await app.page.keyboard.press('Escape');
    await app.idle();

    expect(await app.cspViolations()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });

  it('blocks a request and an image from another host: the other server is never reached', async () => {
    const outcome = await app.page.evaluate(async (url) => {
      try {
        await fetch(`${url}/fetch`);
        return 'fetched';
      } catch {
        return 'refused';
      }
    }, otherUrl);
    expect(outcome).toBe('refused');
    const image = await app.page.evaluate(
      (url) =>
        new Promise<string>((done) => {
          const img = new Image();
          img.onload = () => done('loaded');
          img.onerror = () => done('refused');
          img.src = `${url}/image.png`;
        }),
      otherUrl,
    );
    expect(image).toBe('refused');
    const violations = await app.cspViolations();
    expect(violations).toContain(`connect-src ${otherUrl}/fetch`);
    expect(violations).toContain(`img-src ${otherUrl}/image.png`);
    expect(otherHits).toEqual([]);
  });

  it('does not run an injected inline script, an inline event handler or eval', async () => {
    const result = await app.page.evaluate(async () => {
      const w = window as { __injected?: number; __handler?: number };
      const script = document.createElement('script');
      script.textContent = 'window.__injected = 1';
      document.body.append(script);
      const box = document.createElement('div');
      box.innerHTML = '<img src="data:," onerror="window.__handler = 1">';
      document.body.append(box);
      await new Promise((ok) => setTimeout(ok, 200));
      let evaluated = 'ran';
      try {
        // biome-ignore lint/security/noGlobalEval: the point of the test
        eval('1 + 1');
      } catch (e) {
        evaluated = (e as Error).name;
      }
      box.remove();
      script.remove();
      return { injected: w.__injected, handler: w.__handler, evaluated };
    });
    expect(result).toEqual({ injected: undefined, handler: undefined, evaluated: 'EvalError' });
    const violations = await app.cspViolations();
    expect(violations).toContain('script-src-elem inline');
    expect(violations).toContain('script-src-attr inline');
    expect(violations).toContain('script-src eval');
  });
});

describe('the server of npm start (vite preview)', () => {
  it('sends the policy as a header; the service worker installs and controls the page under it', async () => {
    const { preview } = await import('vite');
    const dist = join(import.meta.dirname, '..', '..', process.env.E2E_DIST ?? 'dist-e2e');
    const server = await preview({
      configFile: join(import.meta.dirname, '..', '..', 'vite.config.ts'),
      build: { outDir: dist },
      preview: { port: 0, strictPort: false, open: false },
      logLevel: 'error',
    });
    const context = await launchChromium();
    try {
      const url = server.resolvedUrls?.local[0];
      if (!url) throw new Error('preview server has no URL');
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as { __cspViolations?: string[] }).__cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (e) =>
          seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
        );
      });
      const res = await page.goto(url);
      const header = res?.headers()['content-security-policy'] ?? '';
      expect(header).toContain("script-src 'self'");
      expect(header).toContain("manifest-src 'self'");
      expect(header).toContain("frame-ancestors 'none'");
      const swHeader = (await page.request.get(new URL('sw.js', url).href)).headers()[
        'content-security-policy'
      ];
      expect(swHeader).toBe(header); // the worker is held to the same policy (its fetches: connect-src 'self')
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
        timeout: 120_000,
      });
      await page.locator('.offline-status[data-ready="true"]').waitFor({ timeout: 120_000 });
      expect(await page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations)).toEqual(
        [],
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});

describe('the dev server (npm run dev)', () => {
  it('serves the app under its policy: React refresh preamble allowed by hash, the map reaches idle', async () => {
    const { createServer } = await import('vite');
    const server = await createServer({
      configFile: join(import.meta.dirname, '..', '..', 'vite.config.ts'),
      cacheDir: join(tmpdir(), `vite-csp-e2e-${process.pid}`),
      mode: 'e2e', // exposes window.__map, as the e2e build does
      server: { port: 0, strictPort: false },
      logLevel: 'error',
    });
    await server.listen();
    const context = await launchChromium();
    try {
      const url = server.resolvedUrls?.local[0];
      if (!url) throw new Error('dev server has no URL');
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as { __cspViolations?: string[] }).__cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (e) =>
          seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
        );
      });
      await page.goto(url);
      // the 12 leagues drawn means the style, the data and maplibre's worker all loaded under the policy
      await page.waitForFunction(
        () =>
          new Set(
            window.__map?.queryRenderedFeatures({ layers: ['leagues-fill'] }).map((f) => f.properties.zoneId),
          ).size === 12,
        undefined,
        { timeout: 90_000, polling: 500 },
      );
      const policy = await page.evaluate(() =>
        document.head.firstElementChild?.getAttribute('http-equiv') === 'Content-Security-Policy'
          ? document.head.firstElementChild.getAttribute('content')
          : null,
      );
      // no service worker in development, and the offline state says so
      await page.locator('.offline-status[data-support="dev"]').waitFor({ timeout: 60_000 });
      expect(
        await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)),
      ).toBe(0);
      expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'/);
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(await page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations)).toEqual(
        [],
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
