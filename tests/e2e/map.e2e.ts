import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAGUES } from '../../web/domain/zones/leagues.ts';
import { AppDriver } from './app-driver.ts';

let app: AppDriver;

beforeAll(async () => {
  app = await AppDriver.start();
  await app.open();
});

afterAll(async () => {
  await app?.stop();
});

describe('the map in a real browser', () => {
  it('reaches idle with the 12 leagues drawn and labelled', async () => {
    const expected = LEAGUES.map((l) => l.id).sort();
    expect(await app.renderedZoneIds('leagues-fill')).toEqual(expected);
    expect(await app.renderedZoneIds('leagues-label')).toEqual(expected);
    expect(await app.page.locator('.map-status').getAttribute('data-status')).toBe('idle');
  });

  it('the status line says the map is drawing from a move until the new view is drawn, then idle', async () => {
    await app.idle();
    const status = app.page.locator('.map-status');
    expect(await status.getAttribute('data-status')).toBe('idle');
    const before = await app.page.evaluate(() => {
      const m = window.__map;
      return m ? { center: m.getCenter().toArray(), zoom: m.getZoom() } : null;
    });
    // every status the line shows while the map moves to 呼和浩特 at z9 and draws it
    const seen = await app.page.evaluate(
      `new Promise((done) => {
        const el = document.querySelector('.map-status');
        const seen = [];
        const obs = new MutationObserver(() => seen.push(el.getAttribute('data-status')));
        obs.observe(el, { attributes: true, attributeFilter: ['data-status'] });
        window.__map.once('idle', () => setTimeout(() => { obs.disconnect(); done(seen); }, 50));
        window.__map.jumpTo({ center: [111.75, 40.84], zoom: 9 });
      })`,
    );
    expect(seen).toEqual(['drawing', 'idle']);
    // back to where the tests below expect the map
    await app.page.evaluate(`window.__map.jumpTo(${JSON.stringify(before)})`);
    await app.idle();
  });

  it('frames the whole region on start', async () => {
    const b = await app.page.evaluate(() => window.__map?.getBounds().toArray());
    expect(b).toBeDefined();
    const [[w, s], [e, n]] = b as [[number, number], [number, number]];
    expect(w).toBeLessThanOrEqual(97.2);
    expect(e).toBeGreaterThanOrEqual(126.0);
    expect(s).toBeLessThanOrEqual(37.5);
    expect(n).toBeGreaterThanOrEqual(53.3);
  });

  it('selects a league when it is clicked and shows it in the zone panel', async () => {
    await app.clickLngLat(105.5, 40.5);
    await app.page.locator('.zone-panel[data-zone-id="league-alxa"]').waitFor();
    expect(await app.page.locator('.zone-panel h2').textContent()).toContain('阿拉善盟');
    await app.idle();
    expect(await app.featureState('src-leagues', 'league-alxa')).toMatchObject({ selected: true });

    await app.clickLngLat(119.0, 43.9);
    await app.page.locator('.zone-panel[data-zone-id="league-chifeng"]').waitFor();
    expect(await app.featureState('src-leagues', 'league-alxa')).toMatchObject({ selected: false });
    expect(await app.featureState('src-leagues', 'league-chifeng')).toMatchObject({ selected: true });

    await app.page.keyboard.press('Escape');
    await app.page.locator('.zone-panel').waitFor({ state: 'detached' });
  });

  it('offers every zone under a click: the league beneath a battle zone is one choice away', async () => {
    // Hohhot lies inside the Yellow River bend battle zone, which is drawn above the leagues.
    await app.clickLngLat(111.75, 40.55);
    const panel = app.page.locator('.zone-panel');
    await panel.locator('.zones-here').waitFor();
    const top = await panel.getAttribute('data-zone-id');
    expect(top).toBe('battle-yellow-river-bend');
    expect(await panel.locator('.badge-schematic').count()).toBeGreaterThan(0);
    // the league (surveyed base data) carries no badge in the offer; the schematic battle zone does
    expect(await panel.locator('.zones-here button[data-zone-id="league-hohhot"] [data-badge]').count()).toBe(
      0,
    );
    await panel.locator('.zones-here button[data-zone-id="league-hohhot"]').click();
    await app.page.locator('.zone-panel[data-zone-id="league-hohhot"]').waitFor();
    expect(
      await panel
        .locator('.zones-here button[data-zone-id="battle-yellow-river-bend"] .badge-schematic')
        .textContent(),
    ).toContain('示意');
    expect(await app.page.locator('.zone-panel h2').textContent()).toContain('呼和浩特市');
    expect(await panel.locator('.zones-here button[data-zone-id="battle-yellow-river-bend"]').count()).toBe(
      1,
    );
    await app.page.keyboard.press('Escape');
    await app.page.locator('.zone-panel').waitFor({ state: 'detached' });
  });

  it('does not download hidden layers until they are switched on', async () => {
    const fetched = () => app.requests.filter((u) => u.includes('thematic-wind-bases'));
    expect(fetched()).toEqual([]);
    const group = app.page.locator('details[data-group-id="energy"]');
    expect(await group.getAttribute('open')).toBeNull();
    await group.locator('summary').click();
    await app.page.getByRole('checkbox', { name: /千万千瓦级风电基地/ }).check();
    await app.idle();
    expect(fetched().length).toBe(1);
    expect(await app.renderedZoneIds('thematic-wind-bases-fill')).toContain('wind-base-ordos');
    await app.page.getByRole('checkbox', { name: /千万千瓦级风电基地/ }).uncheck();
    await app.idle();
  });

  it('lists the plan tasks that name a clicked league, with the mention marked', async () => {
    await app.clickLngLat(119.0, 43.9);
    const panel = app.page.locator('.zone-panel[data-zone-id="league-chifeng"]');
    await panel.locator('.task-card').first().waitFor();
    const naming = panel.locator('[data-list="naming"] .task-card');
    const ids = await naming.evaluateAll((els) => els.map((e) => e.getAttribute('data-task-id')));
    // 赤峰高新技术产业开发区 names the city; the brand 赤峰小米 (task 5.1.2) does not make a link
    expect(ids.length).toBeGreaterThanOrEqual(1);
    expect(ids).not.toContain('5.1.2');
    // every card marks what made its link; a card linked by name marks words that contain 赤峰
    const cards = await naming.evaluateAll((els) =>
      els.map((e) => ({
        kind: e.getAttribute('data-link-kind'),
        marks: [...e.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
      })),
    );
    expect(cards.some((c) => c.kind === 'named')).toBe(true);
    for (const c of cards) {
      expect(c.marks.length).toBeGreaterThan(0);
      if (c.kind === 'named') expect(c.marks.some((m) => m.includes('赤峰'))).toBe(true);
    }
    await app.page.keyboard.press('Escape');
  });

  it('hides and shows a layer from the legend', async () => {
    expect((await app.renderedZoneIds('rivers-line')).length).toBeGreaterThan(0);
    const box = app.page.getByRole('checkbox', { name: /主要河流/ });
    await box.uncheck();
    await app.idle();
    expect(await app.renderedZoneIds('rivers-line')).toEqual([]);
    expect(await app.page.evaluate(() => window.__map?.getLayoutProperty('rivers-line', 'visibility'))).toBe(
      'none',
    );
    await box.check();
    await app.idle();
    expect(await app.renderedZoneIds('rivers-line')).toContain('river-yellow');
  });

  it('switches labels to English and back', async () => {
    await app.page.getByRole('button', { name: '切换到英文' }).click();
    await app.idle();
    const field = await app.page.evaluate(() =>
      JSON.stringify(window.__map?.getLayoutProperty('leagues-label', 'text-field')),
    );
    expect(field).toContain('"en"');
    expect(await app.page.locator('h1').textContent()).toBe('Northern Ecological Barrier Map');
    await app.page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await app.idle();
    expect(await app.renderedZoneIds('leagues-label')).toHaveLength(12);
  });

  it('shows where a layer comes from in its info view', async () => {
    await app.page.getByRole('button', { name: '说明: 盟市', exact: true }).click();
    const dialog = app.page.locator('dialog.layer-info');
    await dialog.waitFor();
    const text = await dialog.textContent();
    expect(text).toContain('echarts 4.9.0');
    expect(text).toContain('GCJ-02');
    await app.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('reads out the pointer position in lon/lat', async () => {
    const { x, y } = await app.page.evaluate(() => {
      const map = window.__map;
      if (!map) throw new Error('map not exposed');
      const p = map.project([111.5, 40.5]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    });
    await app.page.mouse.move(x, y);
    const coords = app.page.getByTestId('coords');
    await coords.filter({ hasText: '°E' }).waitFor();
    const m = (await coords.textContent())?.match(/([\d.]+)°E, ([\d.]+)°N/);
    expect(Number(m?.[1])).toBeCloseTo(111.5, 1);
    expect(Number(m?.[2])).toBeCloseTo(40.5, 1);
  });

  it('shows the data attributions on the map', async () => {
    const text = await app.page.locator('.maplibregl-ctrl-attrib').textContent();
    expect(text).toContain('Natural Earth');
    expect(text).toContain('OpenStreetMap');
  });

  it('logged no console errors and made no request outside its origin', () => {
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});

describe('one key press, one action', () => {
  /** Clicks the map at a fraction of the canvas, moving the mouse there in steps as a hand would. */
  async function clickCanvas(fx: number, fy: number): Promise<void> {
    const r = await app.page.evaluate(() => window.__map?.getCanvas().getBoundingClientRect().toJSON());
    const { left, top, width, height } = r as DOMRect;
    await app.page.mouse.move(left + fx * width, top + fy * height, { steps: 8 });
    await app.page.mouse.down();
    await app.page.mouse.up();
  }
  const outlineInProgress = () =>
    app.page.evaluate(() => {
      const spec = window.__map?.getStyle().sources['screening-draw-polygon'];
      const fc = spec?.type === 'geojson' ? (spec.data as GeoJSON.FeatureCollection) : null;
      const f = fc?.features.find((x) => x.properties?.currentlyDrawing);
      return f ? Number(f.properties?.committedCoordinateCount ?? 0) : 0;
    });

  it('a single Escape while drawing drops the outline in progress and keeps the zone selection', async () => {
    await app.open('?zone=league-ordos');
    const zonePanel = app.page.locator('.zone-panel[data-zone-id="league-ordos"]');
    await zonePanel.waitFor();
    await app.openScreening();
    const polygonTool = app.page.locator('.screening-panel').getByRole('button', { name: '多边形' });
    await polygonTool.click();
    await app.page.waitForFunction(() => Boolean(window.__map?.getSource('screening-draw-polygon')));
    // the strip of map between the zone panel (left) and the screening panel (right)
    await clickCanvas(0.4, 0.3);
    await clickCanvas(0.45, 0.5);
    await clickCanvas(0.38, 0.6);
    await expect.poll(outlineInProgress).toBe(3);

    await app.page.keyboard.press('Escape');
    await expect.poll(outlineInProgress).toBe(0);
    await app.idle();
    // only the outline went: the zone is still selected (panel, map state, URL) and the polygon tool still on
    expect(await zonePanel.count()).toBe(1);
    expect(await app.featureState('src-leagues', 'league-ordos')).toMatchObject({ selected: true });
    expect(new URL(app.page.url()).searchParams.get('zone')).toBe('league-ordos');
    expect(await polygonTool.getAttribute('aria-pressed')).toBe('true');

    // the next Escape leaves the drawing tool, the one after clears the selection
    await app.page.keyboard.press('Escape');
    await expect.poll(() => polygonTool.getAttribute('aria-pressed')).toBe('false');
    expect(await zonePanel.count()).toBe(1);
    await app.page.keyboard.press('Escape');
    await zonePanel.waitFor({ state: 'detached' });
    expect(new URL(app.page.url()).searchParams.get('zone')).toBeNull();
  });

  it('Escape typed in the zone search clears the search, not the selection', async () => {
    await app.open();
    await app.clickLngLat(105.5, 40.5);
    await app.page.locator('.zone-panel[data-zone-id="league-alxa"]').waitFor();
    const box = app.page.getByRole('combobox', { name: /搜索区域/ });
    await box.fill('风电');
    await app.page.locator('.zone-search-results [role=option]').first().waitFor();
    await box.press('Escape');
    expect(await box.inputValue()).toBe('');
    expect(await app.page.locator('.zone-panel[data-zone-id="league-alxa"]').count()).toBe(1);
    await box.blur();
    await app.page.keyboard.press('Escape');
    await app.page.locator('.zone-panel').waitFor({ state: 'detached' });
  });
});

describe('links and saved data', () => {
  it('opens a zone from the URL and keeps the selection in the URL', async () => {
    await app.open('?zone=league-ordos');
    const panel = app.page.locator('.zone-panel[data-zone-id="league-ordos"]');
    await panel.locator('h2').filter({ hasText: '鄂尔多斯市' }).waitFor();
    expect(await panel.locator('.zone-layer').textContent()).toBe('盟市');
    await app.idle();
    expect(await app.featureState('src-leagues', 'league-ordos')).toMatchObject({ selected: true });
    expect(new URL(app.page.url()).searchParams.get('zone')).toBe('league-ordos');
    await app.page.keyboard.press('Escape');
    await app.page.locator('.zone-panel').waitFor({ state: 'detached' });
    expect(new URL(app.page.url()).searchParams.get('zone')).toBeNull();
  });

  it('finds a zone by name from the keyboard, switches its layer on and frames it', async () => {
    await app.open();
    const box = app.page.getByRole('combobox', { name: /搜索区域/ });
    await box.focus();
    await box.fill('风电');
    await app.page.locator('.zone-search-results [role=option]').first().waitFor();
    await box.fill('鄂尔多斯风电');
    const options = app.page.locator('.zone-search-results [role=option]');
    await options.first().waitFor();
    expect(await options.first().getAttribute('data-zone-id')).toBe('wind-base-ordos');
    await box.press('Enter');
    await app.page.locator('.zone-panel[data-zone-id="wind-base-ordos"]').waitFor();
    await app.idle();
    expect(await app.page.getByRole('checkbox', { name: /千万千瓦级风电基地/ }).isChecked()).toBe(true);
    const b = (await app.page.evaluate(() => window.__map?.getBounds().toArray())) as [
      [number, number],
      [number, number],
    ];
    // framed on the Ordos wind base (around 108–110°E, 38–40°N), not the whole region any more
    expect(b[1][0] - b[0][0]).toBeLessThan(10);
    expect(b[0][0]).toBeLessThan(109);
    expect(b[1][0]).toBeGreaterThan(109);
    expect(await app.renderedZoneIds('thematic-wind-bases-fill')).toContain('wind-base-ordos');
    expect(await app.featureState('src-thematic-wind-bases', 'wind-base-ordos')).toMatchObject({
      selected: true,
    });
  });

  it('opens a zone of a hidden layer from the URL', async () => {
    await app.open('?zone=lake-ulansuhai');
    await app.page
      .locator('.zone-panel[data-zone-id="lake-ulansuhai"] h2')
      .filter({ hasText: '乌梁素海' })
      .waitFor();
    await app.idle();
    expect(await app.renderedZoneIds('thematic-water-areas-fill')).toContain('lake-ulansuhai');
  });

  it('replaces a layer with a user file that survives a reload, and restores it', async () => {
    const square = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          // hostile names: rendered as text they show the markup; rendered as HTML they would run the handler
          properties: {
            name: '<img src=x onerror="window.__pwned=1">测试湖',
            zh: '<img src=x onerror="window.__pwned=1">测试湖',
          },
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
    await app.open();
    await app.page.getByRole('button', { name: '说明: 湖泊', exact: true }).click();
    const dialog = app.page.locator('dialog.layer-info');
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'official-lakes.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(square)),
    });
    await dialog.locator('[data-user-layer="lakes"]').waitFor();
    expect(await dialog.textContent()).toContain('official-lakes.geojson');
    await app.page.keyboard.press('Escape');
    await app.idle();
    expect(await app.renderedZoneIds('lakes-fill')).toEqual(['user-lakes-1']);
    expect(await app.page.locator('.layer-row[data-layer-id="lakes"] .badge-user').count()).toBe(1);

    // the feature's own name is shown as literal text: no <img> element, no handler run
    await app.clickLngLat(112.25, 42.2);
    const zonePanel = app.page.locator('.zone-panel');
    await zonePanel.waitFor();
    if ((await zonePanel.getAttribute('data-zone-id')) !== 'user-lakes-1')
      await zonePanel.locator('.zones-here button[data-zone-id="user-lakes-1"]').click();
    await app.page.locator('.zone-panel[data-zone-id="user-lakes-1"]').waitFor();
    expect(await zonePanel.locator('h2').textContent()).toContain(
      '<img src=x onerror="window.__pwned=1">测试湖',
    );
    expect(await app.page.locator('img[src="x"]').count()).toBe(0);
    expect(await app.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await app.page.keyboard.press('Escape');
    await zonePanel.waitFor({ state: 'detached' });

    await app.open();
    await app.page.locator('.layer-row[data-layer-id="lakes"] .badge-user').waitFor();
    await app.idle();
    expect(await app.renderedZoneIds('lakes-fill')).toEqual(['user-lakes-1']);

    await app.page.getByRole('button', { name: '说明: 湖泊', exact: true }).click();
    await dialog.getByRole('button', { name: /恢复内置图层/ }).click();
    await dialog.locator('[data-user-layer="lakes"]').waitFor({ state: 'detached' });
    await app.page.keyboard.press('Escape');
    await app.idle();
    expect(await app.renderedZoneIds('lakes-fill')).toContain('lake-hulun');
  });

  it('marks the illustrative red line as 示意, and a zipped Shapefile (.prj, Gauss–Krüger) replaces it across a reload', async () => {
    await app.open();
    const row = app.page.locator('.layer-row[data-layer-id="redline-illustrative"]');
    await app.page.locator('details[data-group-id="redline"] > summary').click();
    await row.locator('input[type=checkbox]').check();
    await app.idle();
    // schematic: badge in the legend, a dashed outline on the map, a plain statement in the info view
    expect(await row.locator('.badge-schematic').textContent()).toBe('示意');
    const dash = () =>
      app.page.evaluate(() =>
        window.__map?.getPaintProperty('redline-illustrative-outline', 'line-dasharray'),
      );
    expect(await dash()).toBeDefined();
    const illustrative = await app.renderedZoneIds('redline-illustrative-fill');
    expect(illustrative.length).toBeGreaterThan(3);
    expect(illustrative.every((id) => id.startsWith('redline-illustrative-'))).toBe(true);
    await row.getByRole('button', { name: /^说明/ }).click();
    const dialog = app.page.locator('dialog.layer-info');
    expect(await dialog.locator('.note-schematic').textContent()).toContain('示意图层');

    await dialog.locator('input[type=file]').setInputFiles({
      name: 'official-redline.zip',
      mimeType: 'application/zip',
      buffer: readFileSync(join(import.meta.dirname, '..', 'unit', 'importers', 'fixtures', 'shp-gk39.zip')),
    });
    await dialog.locator('[data-user-layer="redline-illustrative"]').waitFor();
    // read off the main thread
    expect(app.requests.some((u) => /import\.worker-[\w-]+\.js/.test(u))).toBe(true);
    // the file name and the coordinate system read from its .prj
    expect(await dialog.locator('[data-user-layer="redline-illustrative"]').textContent()).toMatch(
      /official-redline\.zip[\s\S]*CGCS2000_3_Degree_GK_Zone_39/,
    );
    await app.page.keyboard.press('Escape');
    await app.idle();
    // the whole region in view
    const frameRegion = () =>
      app.page.evaluate(() =>
        window.__map?.fitBounds(
          [
            [97.17, 37.4],
            [126.07, 53.34],
          ],
          { animate: false },
        ),
      );
    // the whole region shows none of the illustrative shapes, and the user's parcel (near 117°E, zone 39; under a
    // pixel there, so not drawn) is drawn where it lies
    const replaced = async () => {
      await frameRegion();
      await app.idle();
      const all = await app.renderedZoneIds('redline-illustrative-fill');
      await app.page.evaluate(() => window.__map?.jumpTo({ center: [117.03, 40.83], zoom: 10 }));
      await app.idle();
      const here = await app.renderedZoneIds('redline-illustrative-fill');
      return (
        all.every((id) => id.startsWith('user-redline-illustrative-')) &&
        here.length > 0 &&
        here.every((id) => id.startsWith('user-redline-illustrative-'))
      );
    };
    expect(await replaced()).toBe(true);
    expect(await row.locator('.badge-user').count()).toBe(1);
    expect(await row.locator('.badge-schematic').count()).toBe(0);
    expect(await dash()).toBeUndefined();

    await app.open();
    await app.page.locator('details[data-group-id="redline"] > summary').click();
    await row.locator('.badge-user').waitFor();
    await row.locator('input[type=checkbox]').check();
    await app.idle();
    expect(await replaced()).toBe(true);

    await row.getByRole('button', { name: /^说明/ }).click();
    await dialog.getByRole('button', { name: /恢复示意图层/ }).click();
    await dialog.locator('[data-user-layer="redline-illustrative"]').waitFor({ state: 'detached' });
    await app.page.keyboard.press('Escape');
    await frameRegion();
    await app.idle();
    const restored = await app.renderedZoneIds('redline-illustrative-fill');
    expect(restored.length).toBeGreaterThan(3);
    expect(restored.every((id) => id.startsWith('redline-illustrative-'))).toBe(true);
    expect(await dash()).toBeDefined();
    await row.locator('input[type=checkbox]').uncheck();
  });

  it('reports a broken file with its name and place and keeps the layer as it was', async () => {
    await app.open();
    await app.page.getByRole('button', { name: '说明: 湖泊', exact: true }).click();
    const dialog = app.page.locator('dialog.layer-info');
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'broken.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from('{"type":"FeatureCollection","features":[{"type":"Feature",'),
    });
    const msg = dialog.locator('.import-messages .msg-error').first();
    await msg.waitFor();
    expect(await msg.textContent()).toMatch(/broken\.geojson/);
    expect(await dialog.locator('[data-user-layer="lakes"]').count()).toBe(0);
    await app.page.keyboard.press('Escape');
    await app.idle();
    expect(await app.renderedZoneIds('lakes-fill')).toContain('lake-hulun');
  });

  it('logged no console errors and made no request outside its origin here either', () => {
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});
