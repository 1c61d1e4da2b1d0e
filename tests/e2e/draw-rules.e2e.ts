import { kinks } from '@turf/turf';
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver } from './app-driver.ts';

/**
 * The drawing tool accepts what an upload would (the geometry kernel's rules), and says why not in the kernel's
 * own words: an outline with no area or one larger than the region is refused when it is finished, and dragging a
 * vertex of a finished outline cannot make it cross itself. Crossings are checked here with Turf's `kinks`, not
 * with the app's kernel.
 */

let app: AppDriver;
const panel = () => app.page.locator('.screening-panel');
const refusal = () => panel().locator('[data-refused]');

beforeAll(async () => {
  app = await AppDriver.start();
  await app.open();
  await app.openScreening();
});

afterAll(async () => {
  await app?.stopExpectingNoErrors();
});

async function screenPoint(lng: number, lat: number): Promise<{ x: number; y: number }> {
  return app.page.evaluate(
    ([x, y]) => {
      const map = window.__map;
      if (!map) throw new Error('no map');
      const p = map.project([x as number, y as number]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    [lng, lat],
  );
}

async function clickAt(lng: number, lat: number): Promise<void> {
  const q = await screenPoint(lng, lat);
  await app.page.mouse.move(q.x, q.y, { steps: 8 });
  await app.page.mouse.down();
  await app.page.mouse.up();
}

/** Presses on a point and drags to another, in small steps, as a hand would. */
async function dragFromTo(from: [number, number], to: [number, number]): Promise<void> {
  const a = await screenPoint(...from);
  const b = await screenPoint(...to);
  await app.page.mouse.move(a.x, a.y, { steps: 4 });
  await app.page.mouse.down();
  await app.page.mouse.move(b.x, b.y, { steps: 25 });
  await app.page.mouse.up();
  await app.idle();
}

const projectOutline = async (): Promise<Polygon[]> =>
  ((await app.sourceData('overlay-screening-project'))?.features ?? []).map((f) => f.geometry as Polygon);

const near = (p: number[], q: [number, number], tol = 0.01) =>
  Math.abs((p[0] ?? 0) - q[0]) < tol && Math.abs((p[1] ?? 0) - q[1]) < tol;

describe('drawn outlines follow the kernel’s rules', () => {
  it('refuses a polygon whose points lie on one line, with the kernel’s message', async () => {
    await app.jumpBesidePanel(111.1, 42.8, 9);
    await panel().getByRole('button', { name: '多边形' }).click();
    const line: [number, number][] = [
      [111.0, 42.8],
      [111.1, 42.8],
      [111.2, 42.8],
    ];
    for (const [x, y] of line) await clickAt(x, y);
    await clickAt(...(line[0] as [number, number]));
    await refusal().waitFor();
    expect(await refusal().getAttribute('data-refused')).toBe('zero-area');
    expect(await refusal().getAttribute('data-refused-when')).toBe('finish');
    expect(await refusal().textContent()).toMatch(/面积为零/);
    expect(await projectOutline()).toEqual([]);
    await app.page.keyboard.press('Escape');
    await refusal().waitFor({ state: 'detached' });
  });

  it('refuses a rectangle larger than the region when it is finished', async () => {
    // as far out as the map goes (its bounds hold it at about 80° of longitude): 22° of latitude, more than
    // any project can span (the kernel's limit is 20°), on the part of the map the panel leaves free
    await app.jumpBesidePanel(90, 42, 2);
    // (the bottom corner clear of the sources line, which sits left of the panel at the map's foot)
    const corners: [number, number][] = [
      [80, 32.5],
      [100, 54.5],
    ];
    const side = await panel().boundingBox();
    const canvas = await app.page.locator('.maplibregl-canvas').boundingBox();
    for (const c of corners) {
      const q = await screenPoint(...c);
      expect(q.x).toBeGreaterThan((canvas?.x ?? 0) + 5);
      expect(q.x).toBeLessThan((side?.x ?? 0) - 5);
      expect(q.y).toBeGreaterThan((canvas?.y ?? 0) + 5);
      expect(q.y).toBeLessThan((canvas?.y ?? 0) + (canvas?.height ?? 0) - 5);
      // nothing lies over the map there (a control would take the click)
      expect(await app.page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.className, q)).toContain(
        'maplibregl-canvas',
      );
    }
    await panel().getByRole('button', { name: '矩形' }).click();
    for (const c of corners) await clickAt(...c);
    await refusal().waitFor();
    expect(await refusal().getAttribute('data-refused')).toBe('too-large');
    expect(await refusal().textContent()).toMatch(/大于整个内蒙古/);
    expect(await projectOutline()).toEqual([]);
    await app.page.keyboard.press('Escape');
  });

  it('keeps a dragged vertex from making the outline cross itself, and takes a valid drag', async () => {
    await app.jumpBesidePanel(111.3, 42.5, 9);
    await panel().getByRole('button', { name: '多边形' }).click();
    const a: [number, number] = [111.2, 42.4];
    const b: [number, number] = [111.4, 42.4];
    const c: [number, number] = [111.4, 42.6];
    const d: [number, number] = [111.2, 42.6];
    for (const p of [a, b, c, d, a]) await clickAt(...p);
    await panel().locator('.boundary-summary[data-format="drawn"]').waitFor();
    expect(await refusal().count()).toBe(0);

    await panel().getByRole('button', { name: '编辑节点' }).click();
    await clickAt(111.3, 42.5); // select the outline
    await app.idle();
    // a over the top edge: the edge back to b would cross c–d
    const across: [number, number] = [111.3, 42.7];
    await dragFromTo(a, across);
    await refusal().waitFor();
    expect(await refusal().getAttribute('data-refused')).toBe('self-intersection');
    expect(await refusal().getAttribute('data-refused-when')).toBe('edit');
    expect(await refusal().textContent()).toMatch(/自相交/);
    const [kept] = await projectOutline();
    const ring = kept?.coordinates[0] ?? [];
    expect(ring.some((p) => near(p, across))).toBe(false);
    expect(kinks({ type: 'Feature', properties: {}, geometry: kept as Polygon }).features).toEqual([]);

    // b a little to the south-east: still a simple outline, so it is taken
    const out: [number, number] = [111.45, 42.35];
    await dragFromTo(b, out);
    await refusal().waitFor({ state: 'detached' });
    await expect
      .poll(async () => ((await projectOutline())[0]?.coordinates[0] ?? []).some((p) => near(p, out)))
      .toBe(true);
    const [moved] = await projectOutline();
    expect(kinks({ type: 'Feature', properties: {}, geometry: moved as Polygon }).features).toEqual([]);
    await panel().getByRole('button', { name: '结束绘制' }).click();
  });
});
