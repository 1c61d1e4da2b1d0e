// The shared workspace against a real PostgreSQL + PostGIS: a throwaway cluster made by pg_virtualenv
// (scripts/with-postgis.sh), never a mock. Layers go in through the HTTP API as a data owner would upload them.
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../server/audit.ts';
import { importUserLayer } from '../../web/domain/importers/index.ts';
import { syntheticProject } from '../../web/domain/screening/synthetic-layer.ts';
import { expectSameAreas } from './agreement.ts';
import { appUrl } from './db-url.ts';
import { browserAreas, layerFile, openWorkspace } from './fixtures.ts';

const APP = { role: 'ebm_app_test', password: 'app-pw-for-the-throwaway-cluster' };
let admin: pg.Client;
let db: pg.Pool;
let base = '';
let close: () => Promise<void> = async () => {};
let tokens: Record<string, string> = {};

/** The workspace command line, as an administrator runs it against the app role's connection. */
const cli = (...args: string[]) => {
  const r = spawnSync('npx', ['tsx', 'scripts/workspace.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, EBM_DATABASE_URL: appUrl(APP) },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

async function api(path: string, init: RequestInit & { as?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.as) headers.set('authorization', `Bearer ${tokens[init.as] ?? init.as}`);
  const res = await fetch(`${base}${path}`, { ...init, headers });
  const type = res.headers.get('content-type') ?? '';
  const body = type.startsWith('application/json')
    ? await res.json()
    : new Uint8Array(await res.arrayBuffer());
  return { status: res.status, body, headers: res.headers };
}

const upload = (as: string, layerId: string, text: string, file = 'redline.geojson') =>
  api(
    `/api/layers/${layerId}/versions?file=${encodeURIComponent(file)}&zh=生态保护红线&en=Ecological%20red%20line`,
    {
      method: 'POST',
      as,
      body: text,
    },
  );

/**
 * The status of an upload that announces `bytes` and sends one byte of them: the server answers from the announced
 * length and the account, before it reads the body.
 */
const announce = (as: string, bytes: number) =>
  new Promise<number | undefined>((resolve, reject) => {
    const req = request(`${base}/api/layers/redline/versions?file=big.geojson`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[as]}`, 'content-length': String(bytes) },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode);
      req.destroy();
    });
    req.on('error', reject);
    req.write('{');
  });

beforeAll(async () => {
  const ws = await openWorkspace(APP, [
    ['admin', 'admin', 'region'],
    ['owner-a', 'owner', 'region'],
    ['owner-b', 'owner', 'region'],
    ['screener-baotou', 'screener', '1502'],
    ['viewer', 'viewer', 'region'],
    ['planner-baotou', 'planner', '1502'],
    ['viewer-hohhot', 'viewer', '1501'],
  ]);
  ({ admin, db, tokens } = ws);
  ({ base, close } = await ws.serve());
}, 120_000);

afterAll(async () => {
  await close();
});

describe('workspace: layers, versions, checks, audit', () => {
  const v1 = layerFile(7);
  const v2 = layerFile(8);
  const project = syntheticProject(11, 111.3, 41.9, 120, 300);

  it('refuses calls without a known token (401) and roles without the right (403), saying nothing more', async () => {
    const none = await api('/api/layers');
    expect(none).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
    expect(Object.keys(none.body)).toEqual(['error']);
    expect((await api('/api/layers', { as: 'x'.repeat(32) })).status).toBe(401);
    expect((await upload('viewer', 'redline', v1.text)).body).toEqual({ error: 'forbidden' });
    expect((await upload('screener-baotou', 'redline', v1.text)).status).toBe(403);
    // refused before the body is read: a viewer announcing more than the upload limit is told 403, not 413
    expect(await announce('viewer', 300 * 2 ** 20)).toBe(403);
    expect((await api('/api/audit/export', { as: 'owner-a' })).status).toBe(403);
    expect((await api('/api/me', { as: 'planner-baotou' })).body).toMatchObject({
      role: 'planner',
      scope: '1502',
    });
  });

  it('walks each role through what it may do (the roles table of docs/workspace.md)', async () => {
    // 2xx, 4xx other than 401/403 (the call was allowed, its content refused) → allowed; 403 → refused
    const calls: Record<string, (as: string) => Promise<{ status: number; body: unknown }>> = {
      read: (as) => api('/api/layers', { as }),
      tiles: (as) => api('/api/tiles/none/1/0/0/0.mvt', { as }),
      check: (as) =>
        api('/api/checks', { method: 'POST', as, body: JSON.stringify({ layerId: 'none', project: {} }) }),
      observe: (as) => api('/api/observations', { method: 'POST', as, body: JSON.stringify({ rows: [] }) }),
      upload: (as) => upload(as, 'none', 'not json', 'none.geojson'),
      publish: (as) =>
        api('/api/layers/none/publish', {
          method: 'POST',
          as,
          body: JSON.stringify({ version: 1, expected: null }),
        }),
      audit: (as) => api('/api/audit/export', { as }),
      withdraw: (as) =>
        api('/api/observations/999999/withdraw', {
          method: 'POST',
          as,
          body: JSON.stringify({ reason: 'x' }),
        }),
      record: (as) => api('/api/checks/999999', { as }),
    };
    const table: Record<string, string[]> = {
      viewer: ['read', 'tiles', 'record'],
      'screener-baotou': ['read', 'tiles', 'check', 'record'],
      'planner-baotou': ['read', 'tiles', 'check', 'observe', 'withdraw', 'record'],
      'owner-a': ['read', 'tiles', 'check', 'upload', 'publish', 'record'],
      admin: ['read', 'tiles', 'check', 'observe', 'upload', 'publish', 'audit', 'withdraw', 'record'],
    };
    for (const [who, may] of Object.entries(table)) {
      const got: string[] = [];
      for (const [what, call] of Object.entries(calls)) {
        const { status, body } = await call(who);
        expect(status).not.toBe(401);
        if (status !== 403) got.push(what);
        else expect({ who, what, body }).toEqual({ who, what, body: { error: 'forbidden' } });
      }
      expect({ who, got }).toEqual({ who, got: may });
    }
  });

  it('keeps each upload as a numbered version; a broken file is refused with the browser import’s messages', async () => {
    const a = await upload('owner-a', 'redline', v1.text);
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ layerId: 'redline', version: 1, author: 'owner-a', featureCount: 97 });
    const broken =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[110,40],[111,40],[111,41]]]}]}';
    const refused = await upload('owner-a', 'redline', broken, 'broken.geojson');
    const mine = await importUserLayer(
      {
        name: 'broken.geojson',
        size: broken.length,
        arrayBuffer: async () => new TextEncoder().encode(broken).buffer as ArrayBuffer,
      },
      { layerId: 'redline', source: 'wgs84', provenanceNote: '' },
    );
    expect(mine.ok).toBe(false);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual(mine.ok ? [] : mine.errors);
    const b = await upload('owner-b', 'redline', v2.text);
    expect(b.body).toMatchObject({ version: 2, author: 'owner-b' });
    const list = await api('/api/layers', { as: 'viewer' });
    expect(list.body[0].versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(list.body[0].published).toBeNull();
  });

  it('publishes by moving a pointer: of two owners publishing at once, one wins and the other is told', async () => {
    expect(
      (
        await api('/api/checks', {
          method: 'POST',
          as: 'screener-baotou',
          body: JSON.stringify({ layerId: 'redline', project }),
        })
      ).status,
    ).toBe(409);
    for (const version of [1.5, '1', 1e10]) {
      const bad = await api('/api/layers/redline/publish', {
        method: 'POST',
        as: 'owner-a',
        body: JSON.stringify({ version, expected: null }),
      });
      expect(bad).toMatchObject({ status: 400, body: { error: 'bad-request', detail: 'version, expected' } });
    }
    const first = await api('/api/layers/redline/publish', {
      method: 'POST',
      as: 'owner-a',
      body: JSON.stringify({ version: 1, expected: null }),
    });
    expect(first.status).toBe(200);
    const [x, y] = await Promise.all([
      api('/api/layers/redline/publish', {
        method: 'POST',
        as: 'owner-a',
        body: JSON.stringify({ version: 2, expected: 1 }),
      }),
      api('/api/layers/redline/publish', {
        method: 'POST',
        as: 'owner-b',
        body: JSON.stringify({ version: 2, expected: 1 }),
      }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    expect((x.status === 409 ? x : y).body).toEqual({ error: 'publish-conflict', published: 2 });
    expect((await api('/api/layers', { as: 'viewer' })).body[0].published).toBe(2);
  });

  it('leaves the published version and every kept version as they were when an upload fails or is cut off', async () => {
    const state = async () =>
      (
        await admin.query(
          `select (select published_version from ebm.layers where id = 'redline') as published,
                  (select count(*) from ebm.layer_versions) as versions,
                  (select count(*) from ebm.layer_features) as features,
                  (select count(*) from ebm.layer_parts) as parts`,
        )
      ).rows[0];
    const before = await state();
    expect(before.published).toBe(2);
    // refused by the import's rules
    expect(
      (await upload('owner-a', 'redline', '{"type":"FeatureCollection","features":[', 'cut.geojson')).status,
    ).toBe(422);
    // larger than the layer limit: refused before it is read
    expect(await announce('owner-a', 300 * 2 ** 20)).toBe(413);
    // the database connection cut while the features are written (a crash of the server's session)
    const many = layerFile(9, 100, 60);
    const cut = (async () => {
      for (let i = 0; i < 500; i++) {
        const r = await admin.query(
          `select pg_terminate_backend(pid) as done from pg_stat_activity
           where usename = $1 and query like 'insert into ebm.layer_features%' and state = 'active'`,
          [APP.role],
        );
        if (r.rows.some((x) => x.done)) return true;
        await new Promise((w) => setTimeout(w, 10));
      }
      return false;
    })();
    const crashed = await upload('owner-a', 'redline', many.text, 'many.geojson');
    expect(await cut).toBe(true);
    expect(crashed).toMatchObject({ status: 500, body: { error: 'internal' } });
    expect(await state()).toEqual(before);
    // the server keeps serving
    expect((await api('/api/layers', { as: 'viewer' })).status).toBe(200);
  });

  it('checks in PostGIS with the browser engine’s figures, on the published and on a past version', async () => {
    const now = await api('/api/checks', {
      method: 'POST',
      as: 'screener-baotou',
      body: JSON.stringify({ layerId: 'redline', project, projectType: 'linear-infrastructure' }),
    });
    expect(now.status).toBe(200);
    expect(now.body.version).toBe(2);
    const past = await api('/api/checks', {
      method: 'POST',
      as: 'screener-baotou',
      body: JSON.stringify({ layerId: 'redline', version: 1, project }),
    });
    expect(past.body.version).toBe(1);
    const asked = (body: Record<string, unknown>) =>
      api('/api/checks', {
        method: 'POST',
        as: 'screener-baotou',
        body: JSON.stringify({ project, ...body }),
      });
    for (const version of ['2', 1.5, null, 1e10]) {
      const bad = await asked({ layerId: 'redline', version });
      expect({ version, status: bad.status, body: bad.body }).toEqual({
        version,
        status: 400,
        body: { error: 'bad-request', detail: 'version' },
      });
    }
    expect(await asked({ layerId: 'redline', version: 9 })).toMatchObject({
      status: 404,
      body: { error: 'no-such-version' },
    });
    expect(await asked({ layerId: 'none' })).toMatchObject({ status: 404, body: { error: 'no-such-layer' } });
    expect(past.body.overlapM2).not.toBe(now.body.overlapM2);
    for (const [res, text] of [
      [now, v2.text],
      [past, v1.text],
    ] as const) {
      expectSameAreas(res.body.overlaps, await browserAreas(text, project));
    }
    // the long-edged feature is among the overlaps, and agrees like the rest
    expect(now.body.overlaps.some((o: { name: string }) => o.name === '长边红线')).toBe(true);
    expect(now.body.engine.postgis).toMatch(/GEOS/);
    expect(now.body.reportSha256).toMatch(/^[0-9a-f]{64}$/);
    // the record, as answered, for its author and for scopes that cover theirs; not for another league's
    const record = await api(`/api/checks/${now.body.id}`, { as: 'screener-baotou' });
    expect(record.status).toBe(200);
    expect(record.body).toEqual({
      ...now.body,
      account: 'screener-baotou',
      projectSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await api(`/api/checks/${now.body.id}`, { as: 'viewer' })).status).toBe(200);
    expect((await api(`/api/checks/${now.body.id}`, { as: 'viewer-hohhot' })).status).toBe(404);
    expect(await api('/api/checks/10000000000', { as: 'viewer' })).toMatchObject({
      status: 404,
      body: { error: 'no-such-check' },
    });
    expect(
      await api('/api/observations/10000000000/withdraw', {
        method: 'POST',
        as: 'planner-baotou',
        body: JSON.stringify({ reason: 'x' }),
      }),
    ).toMatchObject({ status: 404, body: { error: 'no-such-observation' } });
    expect((await api('/api/checks/999999', { as: 'viewer' })).status).toBe(404);
  });

  it('serves a version’s vector tiles, cacheable for good', async () => {
    const t = await api('/api/tiles/redline/2/6/51/23.mvt', { as: 'viewer' });
    expect(t.status).toBe(200);
    expect(t.headers.get('cache-control')).toContain('immutable');
    expect((t.body as Uint8Array).length).toBeGreaterThan(100);
    expect((await api('/api/tiles/redline/2/6/51/23.mvt')).status).toBe(401);
    expect((await api('/api/tiles/redline/9/6/51/23.mvt', { as: 'viewer' })).status).toBe(404);
    // numbers past the database's integers name nothing kept: 404, not the database's error
    expect(await api('/api/tiles/redline/10000000000/6/51/23.mvt', { as: 'viewer' })).toMatchObject({
      status: 404,
      body: { error: 'no-such-version' },
    });
  });

  it('keeps a league’s observations that league’s: entered, refused elsewhere, withdrawn, checked like a dropped-in file', async () => {
    const row = (zoneId: string, value: number) => ({
      indicatorId: 'grassland-vegetation-cover',
      zoneId,
      year: 2024,
      value,
      unit: '%',
      source: '包头市统计公报（测试）',
      relation: 'related',
    });
    const add = (as: string, rows: unknown) =>
      api('/api/observations', { method: 'POST', as, body: JSON.stringify({ rows }) });
    const ok = await add('planner-baotou', [row('league-baotou', 41), row('county-kundulun', 38)]);
    expect(ok.status).toBe(201);
    expect(ok.body.ids).toHaveLength(2);
    // another league's zone, the region's, and a role without the right: refused, nothing kept
    expect((await add('planner-baotou', [row('league-baotou', 1), row('league-hohhot', 40)])).status).toBe(
      403,
    );
    expect(
      (await add('planner-baotou', [{ ...row('region-inner-mongolia', 44), relation: 'same' }])).status,
    ).toBe(403);
    expect((await add('viewer', [row('league-baotou', 41)])).status).toBe(403);
    // a bad row is refused with the app's own words for it
    const bad = await add('planner-baotou', [
      { ...row('league-baotou', 41), year: 1890 },
      row('no-such-zone', 1),
    ]);
    expect(bad.status).toBe(422);
    expect(bad.body.issues.map((i: { line: number; code: string }) => [i.line, i.code])).toEqual([
      [1, 'year-invalid'],
      [2, 'zone-unknown'],
    ]);
    const listed = await api('/api/observations', { as: 'viewer' });
    expect(listed.body.map((o: { scope: string }) => o.scope)).toEqual(['1502', '150203']);
    const w = () =>
      api(`/api/observations/${ok.body.ids[0]}/withdraw`, {
        method: 'POST',
        as: 'planner-baotou',
        body: JSON.stringify({ reason: '数值录入有误' }),
      });
    expect((await w()).status).toBe(200);
    expect((await w()).status).toBe(409);
    expect((await api('/api/observations', { as: 'viewer' })).body.map((o: { id: number }) => o.id)).toEqual([
      ok.body.ids[1],
    ]);
  });

  it('keeps an audit trail the app cannot rewrite, and verify finds a tampered row', async () => {
    const ok = await verifyAudit(db);
    expect(ok.breaks).toEqual([]);
    const kinds = (await admin.query('select kind from ebm.audit_events order by chain, seq')).rows.map(
      (r) => r.kind,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        'account.created',
        'layer.uploaded',
        'layer.published',
        'check.run',
        'observations.added',
        'observation.withdrawn',
      ]),
    );
    const exported = await api('/api/audit/export', { as: 'admin' });
    expect(exported.status).toBe(200);
    const lines = new TextDecoder()
      .decode(exported.body as Uint8Array)
      .trim()
      .split('\n');
    expect(lines.map((l) => JSON.parse(l).kind)).toEqual(kinds);
    expect(cli('audit', 'verify')).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('every chain holds'),
    });
    await expect(db.query(`update ebm.audit_events set actor = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(db.query(`delete from ebm.audit_events`)).rejects.toThrow(/permission denied/);
    await expect(admin.query(`delete from ebm.audit_events where seq = 1`)).rejects.toThrow(/append-only/);
    // a superuser with triggers off changes one event's payload
    await admin.query('begin');
    await admin.query(`set local session_replication_role = replica`);
    await admin.query(
      `update ebm.audit_events set payload = jsonb_set(payload, '{version}', '1') where chain = '1502' and seq = 1`,
    );
    await admin.query('commit');
    const bad = await verifyAudit(db);
    expect(bad.breaks).toEqual([expect.objectContaining({ chain: '1502', seq: 1 })]);
    expect((await api('/api/audit/verify', { as: 'admin' })).status).toBe(409);
    const broken = cli('audit', 'verify');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('审计链 1502 第 1 条：内容与哈希不符（此条被改动）');
    expect(broken.stderr).toContain('audit chain 1502, event 1: content does not match its hash');
  });
});
