import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver, acrossFirstRedLineZone } from './app-driver.ts';

/**
 * The screening worker's entry reads stored layers before it loads the engine's code, a chunk of its own
 * (web/src/screening/screening.worker.ts). When that chunk cannot be loaded, a check says so instead of waiting for
 * ever, and the project the user drew stays.
 */

let app: AppDriver;
const panel = () => app.page.locator('.screening-panel');
let engineAsked = 0;

beforeAll(async () => {
  app = await AppDriver.start({ serviceWorkers: 'block' });
  await app.page.context().route(/screening-worker-body-[\w-]+\.js/, (route) => {
    engineAsked++;
    return route.abort();
  });
  await app.open();
});

afterAll(async () => {
  await app?.stop();
});

describe('the screening worker without its engine', () => {
  it('a check reports that the engine could not be loaded; the project stays', async () => {
    await app.openScreening();
    await app.chooseProjectFile(acrossFirstRedLineZone(), 'across-the-red-line.geojson');
    await panel().getByLabel('项目类型').selectOption('linear-infrastructure');
    await panel().getByRole('button', { name: '开始审查' }).click();
    const alert = panel().locator('.screening-error[role=alert]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('审查失败');
    expect(await alert.textContent()).toContain('The screening engine could not be loaded');
    expect(engineAsked).toBeGreaterThan(0);
    // the drawn project is still there, with its outline on the map
    expect((await app.sourceData('overlay-screening-project'))?.features.length).toBe(1);
  });
});
