import { readFileSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { BrowserContext, BrowserContextOptions, Locator, Page, Route } from 'playwright-core';
import { expect } from 'vitest';
import { LAYERS } from '../../layers/registry.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { type StaticServer, serveDir } from '../../scripts/lib/static-server.ts';
import { rectPolygon } from '../unit/shapes.ts';

/** The tags axe-core checks: WCAG 2.1 A and AA (with 2.0's, which 2.1 includes). */
const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** axe-core's source (a pinned devDependency), read when a test first asks for it. */
let axeSource: string | undefined;

/** One browser and one server for a test file; records console errors and requests that leave the origin. */
export class AppDriver {
  consoleErrors: string[] = [];
  foreignRequests: string[] = [];
  /** Every URL the pages requested, in order (served from the network or by the service worker). */
  requests: string[] = [];
  /** Every URL the service worker fetched itself (the offline copy it caches), in order. */
  serviceWorkerRequests: string[] = [];
  private constructor(
    readonly server: StaticServer,
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly serviceWorkersBlocked: boolean,
  ) {}

  /**
   * Answers the page's requests matching `url` with `handler` (page.route). Only in a context started with
   * `{ serviceWorkers: 'block' }`: page.route never sees a request the service worker answers from its copy, so a
   * test that routes with the worker running would silently test the copy instead of its handler.
   */
  async route(url: string | RegExp, handler: (route: Route) => unknown): Promise<() => Promise<void>> {
    if (!this.serviceWorkersBlocked)
      throw new Error(
        "AppDriver.route needs AppDriver.start({ serviceWorkers: 'block' }): the service worker answers first",
      );
    await this.page.route(url, handler);
    return () => this.page.unroute(url, handler);
  }

  /**
   * `context`: options for the browser context, e.g. a phone's viewport and touch screen; `dir`: the built app to
   * serve (default: E2E_DIST or dist-e2e in the repository); `api`: what answers /api/ on the same origin (the
   * workspace server's handler).
   */
  static async start(
    context: BrowserContextOptions = {},
    dir?: string,
    api?: RequestListener,
  ): Promise<AppDriver> {
    const server = await serveDir(
      dir ?? join(import.meta.dirname, '..', '..', process.env.E2E_DIST ?? 'dist-e2e'),
      api,
    );
    const ctx = await launchChromium(context);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const d = new AppDriver(server, ctx, page, context.serviceWorkers === 'block');
    const origin = new URL(server.url).origin;
    await ctx.addInitScript(() => {
      const seen: string[] = [];
      (window as { __cspViolations?: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
    });
    page.on('console', (m) => {
      if (m.type() === 'error') d.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => {
      d.consoleErrors.push(String(e));
      // where it was thrown, for the log (the assertions compare the message alone)
      if (d.consoleErrors.length <= 3) console.error(`page error on ${page.url()}:\n${e.stack ?? e}`);
    });
    ctx.on('request', (r) => {
      const u = r.url();
      if (r.serviceWorker()) d.serviceWorkerRequests.push(u);
      else d.requests.push(u);
      if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))
        d.foreignRequests.push(u);
    });
    return d;
  }

  /** Content-Security-Policy violations on the current page so far: `<directive> <blocked URL, inline or eval>`. */
  cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => [...((window as { __cspViolations?: string[] }).__cspViolations ?? [])]);
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.server.url}${query}`);
    await this.page.waitForFunction(() => window.__map !== undefined);
    await this.idle();
  }

  /**
   * Loads `file` as the user's data for the registry layer `layerId` through its info view (its group opened if
   * need be), expects no error message, and closes the view.
   */
  async loadUserLayer(layerId: string, file: string): Promise<void> {
    const row = this.page.locator(`.layer-row[data-layer-id="${layerId}"]`);
    if (!(await row.isVisible())) {
      const group = await row.evaluate((el) => el.closest('details')?.getAttribute('data-group-id'));
      await this.page.locator(`details[data-group-id="${group}"] > summary`).click();
    }
    await row.getByRole('button', { name: /^说明/ }).click();
    const dialog = this.page.locator('dialog.layer-info');
    await dialog.waitFor();
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog
      .locator(`[data-user-layer="${layerId}"], li.msg-error`)
      .first()
      .waitFor({ timeout: 120_000 });
    expect(await dialog.locator('li.msg-error').allTextContents()).toEqual([]);
    await this.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  }

  /** The screening panel, opened with its 选址审查 button unless it is open already. */
  async openScreening(): Promise<Locator> {
    const panel = this.page.locator('.screening-panel');
    if (!(await panel.isVisible())) await this.page.getByRole('button', { name: '选址审查' }).click();
    await panel.waitFor();
    return panel;
  }

  /** Centres the map on a place in the part of the map the screening panel does not cover. */
  async jumpBesidePanel(lng: number, lat: number, zoom: number): Promise<void> {
    await this.page.evaluate(
      ([x, y, z]) => {
        const map = window.__map;
        const panel = document.querySelector('.screening-panel')?.getBoundingClientRect();
        if (!map || !panel) throw new Error('map or panel missing');
        map.jumpTo({ center: [x as number, y as number], zoom: z as number });
        const canvas = map.getCanvas().getBoundingClientRect();
        const p = map.project([x as number, y as number]);
        map.panBy([p.x - (panel.left - canvas.left) / 2, 0], { animate: false });
      },
      [lng, lat, zoom],
    );
    await this.idle();
  }

  /** Resolves when the map has rendered everything it was asked to. */
  async idle(): Promise<void> {
    await this.page.evaluate(
      () =>
        new Promise<void>((ok) => {
          const map = window.__map;
          if (!map) throw new Error('map not exposed');
          if (map.loaded() && !map.isMoving()) {
            map.once('idle', () => ok());
            map.triggerRepaint();
          } else map.once('idle', () => ok());
        }),
    );
  }

  renderedZoneIds(layer: string): Promise<string[]> {
    return this.page.evaluate((id) => {
      const map = window.__map;
      if (!map?.getLayer(id)) return [];
      const ids = map
        .queryRenderedFeatures({ layers: [id] })
        .map((f) => String(f.properties.zoneId ?? f.properties.id));
      return [...new Set(ids)].sort();
    }, layer);
  }

  async clickLngLat(lng: number, lat: number): Promise<void> {
    const { x, y } = await this.page.evaluate(
      ([lo, la]) => {
        const map = window.__map;
        if (!map) throw new Error('map not exposed');
        const p = map.project([lo as number, la as number]);
        const r = map.getCanvas().getBoundingClientRect();
        return { x: r.left + p.x, y: r.top + p.y };
      },
      [lng, lat],
    );
    await this.page.mouse.click(x, y);
  }

  featureState(source: string, id: string): Promise<Record<string, unknown>> {
    return this.page.evaluate(
      ([s, i]) => window.__map?.getFeatureState({ source: s as string, id: i as string }) ?? {},
      [source, id],
    );
  }

  /**
   * Presses every 显示全部 of the result's overlap table (the panel lists 25 rows per layer before it), so that every
   * overlap row is in the page.
   */
  async showAllOverlapRows(): Promise<void> {
    const more = this.page.locator('.screening-results tr.overlap-more button');
    for (let n = await more.count(); n > 0; n = await more.count()) {
      await more.first().click();
      await this.page.waitForFunction(
        (left) => document.querySelectorAll('.screening-results tr.overlap-more button').length < left,
        n,
      );
    }
  }

  /**
   * Chooses a project boundary file in the open screening panel, as a user picking `name` from disk, and waits
   * until the panel has read it. `content` is the geometry of the file's one feature (written as a GeoJSON
   * FeatureCollection, application/geo+json), or the file's bytes as they are (a string as UTF-8; typed
   * application/octet-stream unless `mimeType` says otherwise): a fixture, a corpus case, an export.
   */
  async chooseProjectFile(
    content: unknown,
    name = 'project.geojson',
    {
      mimeType,
      page = this.page,
      waitFor = '.boundary-summary',
      timeout,
    }: {
      /** the type the browser gives the file (the default: see above) */
      mimeType?: string;
      /** the page whose panel gets the file (default: the driver's own) */
      page?: Page;
      /** what in the panel to wait for, e.g. `.boundary-summary[data-format="wkt"]`; null: nothing, the caller waits */
      waitFor?: string | null;
      /** for that wait, in ms (default: Playwright's) */
      timeout?: number;
    } = {},
  ): Promise<void> {
    const bytes = typeof content === 'string' || Buffer.isBuffer(content);
    const buffer = bytes
      ? Buffer.from(content)
      : Buffer.from(
          JSON.stringify({
            type: 'FeatureCollection',
            features: [{ type: 'Feature', properties: {}, geometry: content }],
          }),
        );
    const type = mimeType ?? (bytes ? 'application/octet-stream' : 'application/geo+json');
    const panel = page.locator('.screening-panel');
    await panel
      .locator('input.screening-file[type=file][multiple]')
      .setInputFiles({ name, mimeType: type, buffer });
    if (waitFor !== null) await panel.locator(waitFor).waitFor({ timeout });
  }

  /** Drops files on an element as a user dragging them from the desktop would. */
  async dropFiles(
    selector: string,
    files: { name: string; mimeType: string; buffer: Buffer }[],
  ): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      (fs) => {
        const dt = new DataTransfer();
        for (const f of fs) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.mimeType }));
        return dt;
      },
      files.map((f) => ({ name: f.name, mimeType: f.mimeType, bytes: [...f.buffer] })),
    );
    await this.page.dispatchEvent(selector, 'drop', { dataTransfer });
  }

  /**
   * The GeoJSON a map source holds (e.g. an overlay), or null when the source is not on the map: once the map has
   * taken the store's last style (a diff asked for before the last one was drawn waits for the next frame,
   * map/style-diffs.ts).
   */
  async sourceData(source: string): Promise<GeoJSON.FeatureCollection | null> {
    await this.page.waitForFunction(() => !document.querySelector('[data-style-waiting]'));
    return this.page.evaluate((id) => {
      const spec = window.__map?.getStyle().sources[id];
      return spec && spec.type === 'geojson' && typeof spec.data === 'object'
        ? (spec.data as GeoJSON.FeatureCollection)
        : null;
    }, source);
  }

  /**
   * axe-core's WCAG 2.1 A and AA violations on the current page, one per element as `rule: element — what to fix`,
   * so a failure names what is wrong and where ([] when there is none). `include`: the selector, or selectors, of
   * the parts to check (axe throws when none matches); the whole document when left out.
   *
   * axe's source is evaluated through the DevTools protocol (page.evaluate with a string), which the page's
   * Content-Security-Policy does not govern; an injected <script> element would be blocked, as it should be, and
   * the policy stays as the app ships it.
   */
  async axeViolations(include?: string | string[]): Promise<string[]> {
    axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await this.page.evaluate(axeSource);
    return this.page.evaluate(
      async ({ selectors, tags }) => {
        const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
        const r: AxeResults = await axe.run(selectors ? { include: selectors.map((s) => [s]) } : document, {
          runOnly: { type: 'tag', values: tags },
        });
        return r.violations.flatMap((v) =>
          v.nodes.map(
            (n) => `${v.id}: ${n.target.join(' ')} — ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ')}`,
          ),
        );
      },
      { selectors: include === undefined ? null : [include].flat(), tags: WCAG21_AA },
    );
  }

  async stop(): Promise<void> {
    await this.context.close();
    await this.server.close();
  }

  /**
   * For a file's afterAll: expects no console error or page error in the whole run (and, with `cspViolations`, no
   * Content-Security-Policy violation on the current page), then stops, also when an expectation fails.
   */
  async stopExpectingNoErrors({ cspViolations = false } = {}): Promise<void> {
    try {
      expect(this.consoleErrors).toEqual([]);
      if (cspViolations) expect(await this.cspViolations()).toEqual([]);
    } finally {
      await this.stop();
    }
  }
}

/** A lon/lat rectangle west, south, east, north as a GeoJSON polygon (counter-clockwise). */
export const rect = rectPolygon;

/**
 * A rectangle across the east edge of the first zone of the built-in red line (read from its file in data/layers):
 * part of it inside that zone, part outside.
 */
export function acrossFirstRedLineZone(): Polygon {
  const def = LAYERS.find((l) => l.group === 'redline');
  if (!def) throw new Error('no red-line layer in the registry');
  const fc: FeatureCollection<Polygon | MultiPolygon> = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'data', 'layers', def.data), 'utf8'),
  );
  const g = fc.features[0]?.geometry;
  if (!g) throw new Error('the red-line layer is empty');
  const ring = (g.type === 'Polygon' ? g.coordinates : g.coordinates[0])?.[0] ?? [];
  const xs = ring.map((p) => p[0] as number);
  const ys = ring.map((p) => p[1] as number);
  const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return rect(e - 0.3 * (e - w), s + 0.4 * (n - s), e + 0.15 * (e - w), s + 0.6 * (n - s));
}
