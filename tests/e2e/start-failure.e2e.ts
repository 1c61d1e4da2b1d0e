import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver } from './app-driver.ts';

/**
 * A module the page needs at start that does not arrive (the network drops, or an update replaced the files the
 * page asks for): the page says so over what it holds, with the error and a reload, instead of staying blank; a
 * reload with the files back opens the app. Routed, so the service worker is blocked (AppDriver.route).
 */
let app: AppDriver;

beforeAll(async () => {
  app = await AppDriver.start({ serviceWorkers: 'block' });
});

afterAll(async () => {
  await app?.stop();
});

const alert = () => app.page.locator('.start-failure[role="alert"]');

describe('a start-up module that does not load', () => {
  for (const [chunk, what] of [
    [/\/assets\/boot-map-[^/]+\.js$/, 'the map’s module'],
    [/\/assets\/render-app-[^/]+\.js$/, 'the app’s module, after the map drew'],
  ] as const) {
    it(`${what}: the page says so, names the error, and a reload opens the app`, async () => {
      const unroute = await app.route(chunk, (r) => r.abort('internetdisconnected'));
      await app.page.goto(app.server.url);
      await alert().waitFor();
      await expect.poll(() => alert().getByRole('heading').textContent()).toBe('应用未能启动');
      const text = (await alert().textContent()) ?? '';
      expect(text).toContain('重新载入页面通常即可解决');
      expect(text).toContain('The app could not start');
      // the browser's own message for the import that failed, as text
      expect(await alert().locator('.start-failure-detail').textContent()).toMatch(
        /^错误信息: .*(import|fetch|module)/i,
      );
      // the reload button has the focus: Enter reloads
      expect(await app.page.evaluate(() => document.activeElement?.textContent)).toBe('重新载入');
      await unroute();
      await app.page.keyboard.press('Enter');
      await app.page.waitForFunction(
        () => window.__map !== undefined && !document.querySelector('.start-failure'),
      );
      await app.idle();
      await app.page.getByRole('button', { name: '选址审查' }).waitFor();
    });
  }

  it('in English when the link says so', async () => {
    const unroute = await app.route(/\/assets\/boot-map-[^/]+\.js$/, (r) => r.abort('internetdisconnected'));
    await app.page.goto(`${app.server.url}?lang=en`);
    await alert().waitFor();
    expect(await alert().getByRole('heading').textContent()).toBe('The app could not start');
    expect(await alert().locator('.start-failure-other').textContent()).toContain('应用未能启动。');
    await unroute();
  });
});
