// The shared workspace in the browser: the app served with the workspace's API on the same origin (a throwaway
// PostGIS cluster, `npm run test:browser` runs under scripts/with-postgis.sh), a screener signs in with a token and
// checks a project against the published red line on the server; the figures are the browser engine's.
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceHandler } from '../../server/http.ts';
import { publishVersion, uploadVersion } from '../../server/layers.ts';
import { fmtHa } from '../../web/domain/report/figures.ts';
import { syntheticProject } from '../../web/domain/screening/synthetic-layer.ts';
import { browserAreas, layerFile, openWorkspace } from '../server/fixtures.ts';
import { parseCsv } from '../unit/report/rfc4180.ts';
import { AppDriver } from './app-driver.ts';

const APP = { role: 'ebm_app_e2e', password: 'e2e-throwaway-cluster' };
let admin: pg.Client;
let db: pg.Pool;
let tokens: Record<string, string> = {};
let app: AppDriver;
const file = layerFile(7);
const project = syntheticProject(11, 111.3, 41.9, 120, 300);
const owner = { id: 'owner', name: 'owner', role: 'owner', scope: 'region' } as const;

beforeAll(async () => {
  ({ admin, db, tokens } = await openWorkspace(APP, [
    ['owner', 'owner', 'region'],
    ['screener-baotou', 'screener', '1502'],
    ['planner-baotou', 'planner', '1502'],
  ]));
  const bytes = new TextEncoder().encode(file.text);
  await uploadVersion(
    db,
    owner,
    'redline',
    { name: 'redline.geojson', bytes },
    { zh: '生态保护红线（共享）', en: 'Red line (shared)' },
  );
  await publishVersion(db, owner, 'redline', 1, null);
  app = await AppDriver.start({}, undefined, workspaceHandler(db));
  await app.open();
}, 120_000);

afterAll(async () => {
  await app?.stopExpectingNoErrors();
  await db?.end();
  await admin?.end();
});

const panel = () => app.page.locator('.screening-panel');
const section = () => panel().locator('.shared-workspace');

describe('shared workspace: a check on the server from the screening panel', () => {
  it('refuses a wrong token with a message, and signs in with a screener’s', async () => {
    await app.openScreening();
    await section().waitFor();
    await section().getByLabel('访问令牌').fill('x'.repeat(32));
    await section().getByRole('button', { name: '登录' }).click();
    await expect.poll(() => section().locator('[role=alert]').textContent()).toContain('令牌无效');
    // the browser's own note of the 401 answer, the only one the page may log
    expect(app.consoleErrors).toEqual([
      'Failed to load resource: the server responded with a status of 401 (Unauthorized)',
    ]);
    app.consoleErrors.length = 0;
    await section()
      .getByLabel('访问令牌')
      .fill(tokens['screener-baotou'] as string);
    await section().getByRole('button', { name: '登录' }).click();
    await expect
      .poll(() => section().locator('.ws-account').textContent())
      .toContain('screener-baotou（审查，1502）');
    expect(await section().locator('.ws-version').textContent()).toMatch(
      /已发布第 1 版（97 个要素，owner，\d{4}-\d{2}-\d{2} \d{2}:\d{2} 北京时间 \(UTC\+8\)）/,
    );
  });

  it('checks the project on the bench and shows the browser engine’s figures, with the record it made', async () => {
    await app.chooseProjectFile(project);
    await section().getByRole('button', { name: '在服务器上审查' }).click();
    const result = section().locator('.ws-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.locator('h4').textContent()).toBe('服务器审查：生态保护红线（共享） 第 1 版');
    const want = await browserAreas(file.text, {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: project }],
    });
    const rows = await result
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.getAttribute('data-feature-id'), tr.querySelector('.ws-ha')?.textContent ?? '']),
      );
    expect(rows.length).toBe(want.size);
    for (const [id, ha] of rows) expect(ha).toBe(fmtHa(want.get(id as string) as number));
    const recorded = await admin.query('select id, account, version from ebm.checks');
    expect(recorded.rows).toEqual([
      { id: Number(await result.getAttribute('data-check-id')), account: 'screener-baotou', version: 1 },
    ]);
    expect(await result.locator('.screening-method').first().textContent()).toMatch(
      /已记录为第 \d+ 次审查（\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 北京时间 \(UTC\+8\)）/,
    );
    expect(await app.axeViolations('.shared-workspace')).toEqual([]);
    const [saved] = await Promise.all([
      app.page.waitForEvent('download'),
      result.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    const csv = parseCsv(readFileSync((await saved.path()) as string, 'utf8').replace(/^\uFEFF/, ''));
    expect(csv.slice(1, 1 + want.size).map((r) => [r[2], r[5]])).toEqual(rows.map(([id, ha]) => [id, ha]));
  });

  it('draws the published version on the map from the server’s tiles, asked for with the token', async () => {
    await section().getByLabel('在地图上显示').check();
    await app.page.evaluate(() => window.__map?.jumpTo({ center: [111.3, 41.9], zoom: 8 }));
    await app.idle();
    await expect
      .poll(() =>
        app.page.evaluate(
          () => window.__map?.querySourceFeatures('src-shared', { sourceLayer: 'features' }).length ?? 0,
        ),
      )
      .toBeGreaterThan(0);
    expect(app.requests.some((u) => u.includes('/api/tiles/redline/1/8/'))).toBe(true);
    expect(await app.page.locator('.maplibregl-ctrl-attrib').textContent()).toContain(
      '共享工作区图层 第 1 版',
    );
    await section().getByLabel('在地图上显示').uncheck();
    await app.idle();
    expect(await app.page.evaluate(() => window.__map?.getSource('src-shared') === undefined)).toBe(true);
  });

  it('lets a league planner send a file’s rows to the workspace, shown in every view with who entered them', async () => {
    await section().getByRole('button', { name: '退出' }).click();
    await section()
      .getByLabel('访问令牌')
      .fill(tokens['planner-baotou'] as string);
    await section().getByRole('button', { name: '登录' }).click();
    await section().locator('.ws-account').waitFor();
    // a reload keeps the tab's token: the indicator view signs in by itself
    await app.open('?view=indicators&zone=league-baotou');
    const manager = app.page.locator('.observations-manager');
    const bus = app.page.locator(
      '.zone-panel[data-zone-id="league-baotou"] .zone-indicators > ul > li[data-indicator-id="new-bus-new-energy-share"]',
    );
    await bus.locator('.status').waitFor();
    expect(await bus.locator('.status').getAttribute('data-status')).toBe('off-track');
    const csv = (zone: string) =>
      Buffer.from(
        `指标编号,区域编号,年份,数值,单位,来源,示例\r\nnew-bus-new-energy-share,${zone},2025,96,%,测试（非统计）：包头市交通运输局,否\r\n`,
      );
    /** chooses a one-row file of the zone, sends it to the workspace and waits for the manager's message */
    const submit = async (name: string, zone: string, message: string) => {
      await manager
        .locator('input[type="file"]')
        .setInputFiles({ name, mimeType: 'text/csv', buffer: csv(zone) });
      await manager.locator('.observations-files li').waitFor();
      await manager.getByRole('button', { name: `提交到共享工作区 ${name}` }).click();
      await expect.poll(() => manager.locator('.observations-messages').textContent()).toContain(message);
    };
    await submit('baotou.csv', 'league-baotou', '已将 1 行提交到共享工作区');
    const kept = await admin.query('select scope, entered_by, zone_id from ebm.observations');
    expect(kept.rows).toEqual([{ scope: '1502', entered_by: 'planner-baotou', zone_id: 'league-baotou' }]);
    expect(await manager.locator('.observations-shared').textContent()).toContain('1 行');
    // the local file removed, the value stands on the shared row, marked as the workspace's
    await manager.getByRole('button', { name: '移除 baotou.csv' }).click();
    await manager.getByRole('button', { name: '确定移除' }).click();
    await manager.locator('.observations-none').waitFor();
    await expect.poll(() => bus.locator('.status').getAttribute('data-status')).toBe('achieved');
    expect(await bus.locator('.observation-imported').first().textContent()).toMatch(
      /^共享工作区：planner-baotou 录入，\d{4}-\d\d-\d\d \d\d:\d\d$/,
    );
    // another league's zone: refused, nothing kept
    await submit('hohhot.csv', 'league-hohhot', '当前账号不能录入这些区域的观测值');
    expect((await admin.query('select count(*)::int as n from ebm.observations')).rows[0]).toEqual({ n: 1 });
    // the browser's note of the 403 answer
    expect(app.consoleErrors).toEqual([
      'Failed to load resource: the server responded with a status of 403 (Forbidden)',
    ]);
    app.consoleErrors.length = 0;
    expect(await app.axeViolations('.observations-manager')).toEqual([]);
  });

  it('keeps its offline copy although the workspace marks the page it serves', async () => {
    await app.page
      .locator('.offline-status[data-ready="true"]')
      .waitFor({ state: 'attached', timeout: 120_000 });
    expect(await app.page.locator('meta[name="ebm-workspace"]').count()).toBe(1);
  });
});
