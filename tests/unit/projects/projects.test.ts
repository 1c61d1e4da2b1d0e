import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { importBoundarySync, importUserLayer } from '../../../web/domain/importers/index.ts';
import { exportBundle, importBundle, makeBundle, parseBundle } from '../../../web/domain/projects/export.ts';
import {
  checkProject,
  createProject,
  PROJECT_TYPES,
  type Project,
} from '../../../web/domain/projects/model.ts';
import { MemoryStore } from '../../../web/domain/projects/storage.ts';
import { IndexedDbStore } from '../../../web/src/storage/indexeddb-storage.ts';

const fixture = (name: string) => ({
  name,
  bytes: new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'importers', 'fixtures', name))),
});

function projectFrom(
  file: string,
  name: string,
  type: Project['type'],
  source: 'wgs84' | 'gcj02',
  t: string,
): Project {
  const r = importBoundarySync(fixture(file), { source });
  if (!r.ok) throw new Error(r.errors.map((e) => e.en).join('; '));
  return createProject(
    {
      name,
      type,
      features: r.features,
      ...(r.original ? { original: r.original } : {}),
      source,
      importedFrom: { fileName: file, format: r.format, crs: r.crs },
      notes: '<b>不是 HTML</b>',
    },
    new Date(t),
  );
}

const sample = (): Project[] => [
  projectFrom(
    'jzd-gbk.txt',
    '和林格尔光伏 <script>alert(1)</script>',
    'renewable-energy',
    'wgs84',
    '2026-01-01T00:00:00Z',
  ),
  projectFrom(
    'boundary-utf8.geojson',
    '输电线路塔基',
    'linear-infrastructure',
    'gcj02',
    '2026-02-01T00:00:00Z',
  ),
];

for (const [label, makeStore] of [
  ['IndexedDB (fake-indexeddb)', async () => IndexedDbStore.open(new IDBFactory())],
  ['memory', async () => new MemoryStore()],
] as const) {
  describe(`project store: ${label}`, () => {
    it('saves, lists (newest first), renames and deletes', async () => {
      const store = await makeStore();
      const [a, b] = sample() as [Project, Project];
      await store.saveProject(a);
      await store.saveProject(b);
      expect((await store.listProjects()).map((s) => s.name)).toEqual([b.name, a.name]);
      const r = await store.renameProject(a.id, '  新名称\n一期  ', new Date('2026-03-01T00:00:00Z'));
      expect(r.name).toBe('新名称 一期');
      expect((await store.listProjects())[0]?.id).toBe(a.id);
      expect((await store.getProject(a.id))?.boundary).toEqual(a.boundary);
      await expect(store.renameProject(a.id, '   ')).rejects.toThrow(/empty/);
      await expect(store.renameProject('missing', 'x')).rejects.toThrow(/no project/);
      expect(await store.deleteProject(b.id)).toBe(true);
      expect(await store.deleteProject(b.id)).toBe(false);
      expect((await store.listProjects()).map((s) => s.id)).toEqual([a.id]);
    });

    it('stores user layers with their provenance', async () => {
      const store = await makeStore();
      const r = await importUserLayer(fixture('shp-gbk-cpg.zip'), {
        source: 'wgs84',
        layerId: 'redline-eco',
        provenanceNote: '自治区生态保护红线（2023 年批复版）',
        now: () => new Date('2026-01-05T00:00:00Z'),
      });
      if (!r.ok) throw new Error('import failed');
      await store.saveUserLayer(r.layer);
      expect(await store.listUserLayers()).toEqual([
        {
          id: 'redline-eco',
          name: 'shp-gbk-cpg.zip',
          featureCount: 1,
          importedAt: '2026-01-05T00:00:00.000Z',
          note: '自治区生态保护红线（2023 年批复版）',
        },
      ]);
      expect((await store.getUserLayer('redline-eco'))?.data).toEqual(r.layer.data);
      expect(await store.deleteUserLayer('redline-eco')).toBe(true);
      expect(await store.listUserLayers()).toEqual([]);
    });
  });
}

describe('IndexedDB persistence', () => {
  it('survives closing and reopening the database (a reload)', async () => {
    const factory = new IDBFactory();
    const s1 = await IndexedDbStore.open(factory);
    const projects = sample();
    for (const p of projects) await s1.saveProject(p);
    s1.close();
    const s2 = await IndexedDbStore.open(factory);
    const back = await s2.allProjects();
    expect(back.sort((x, y) => x.createdAt.localeCompare(y.createdAt))).toEqual(projects);
    // The GCJ-02 project keeps both outlines.
    expect(back[1]?.originalBoundary?.features).toHaveLength(1);
    expect(back[1]?.originalBoundary).not.toEqual(back[1]?.boundary);
  });
});

describe('export and import of a project collection', () => {
  it('round-trips projects and layers without loss through a file', async () => {
    const src = await IndexedDbStore.open(new IDBFactory());
    for (const p of sample()) await src.saveProject(p);
    const layer = await importUserLayer(fixture('shp-gk39.zip'), {
      source: 'wgs84',
      layerId: 'redline',
      provenanceNote: 'note',
    });
    if (!layer.ok) throw new Error('layer');
    await src.saveUserLayer(layer.layer);
    const text = exportBundle(
      makeBundle(await src.allProjects(), await src.allUserLayers(), new Date('2026-04-01T00:00:00Z')),
    );
    // Through bytes, as a downloaded and re-uploaded file would go.
    const reread = new TextDecoder().decode(new TextEncoder().encode(text));
    const parsed = parseBundle(reread, 'export.json');
    if (!parsed.ok) throw new Error('parse');
    expect(parsed.problems).toEqual([]);
    const dst = await IndexedDbStore.open(new IDBFactory());
    expect(await importBundle(dst, parsed.bundle)).toEqual({ added: 2, replaced: 0, skipped: 0, layers: 1 });
    const sort = (ps: Project[]) => ps.sort((a, b) => a.id.localeCompare(b.id));
    expect(sort(await dst.allProjects())).toEqual(sort(await src.allProjects()));
    expect(await dst.allUserLayers()).toEqual(await src.allUserLayers());
    expect((await dst.allProjects()).some((p) => p.name.includes('<script>alert(1)</script>'))).toBe(true);
  });

  it('handles id conflicts: keep both, replace, skip', async () => {
    const store = new MemoryStore();
    const [a] = sample() as [Project];
    await store.saveProject(a);
    const bundle = makeBundle([{ ...a, name: '导入的版本' }]);
    expect(await importBundle(store, bundle, 'skip')).toMatchObject({ added: 0, skipped: 1 });
    expect(await importBundle(store, bundle, 'keep-both')).toMatchObject({ added: 1 });
    expect((await store.listProjects()).map((p) => p.name).sort()).toEqual([a.name, '导入的版本'].sort());
    expect(await importBundle(store, bundle, 'replace')).toMatchObject({ replaced: 1 });
    expect((await store.getProject(a.id))?.name).toBe('导入的版本');
  });

  it('refuses files that are not bundles and skips invalid projects with a message', () => {
    const bad = parseBundle('{"type":"FeatureCollection"}', 'x.json');
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]?.code).toBe('not-a-bundle');
    expect(parseBundle('{', 'x.json').problems[0]?.code).toBe('json-invalid');
    expect(
      parseBundle('{"format":"eco-barrier-map/projects","version":99}', 'x.json').problems[0]?.code,
    ).toBe('version-unsupported');
    const [a] = sample() as [Project];
    const broken = {
      ...a,
      id: 'b',
      type: 'casino',
      boundary: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: { type: 'Polygon', coordinates: [[[1, Number.NaN]]] },
          },
        ],
      },
    };
    const text = JSON.stringify({ ...makeBundle([a]), projects: [a, broken] });
    const r = parseBundle(text, 'x.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bundle.projects.map((p) => p.id)).toEqual([a.id]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.en).toMatch(/x\.json, project 2 .*unknown type "casino".*boundary/);
  });
});

describe('project model', () => {
  it('has typed declared project types and validates projects', () => {
    expect(PROJECT_TYPES.length).toBeGreaterThanOrEqual(10);
    const [a] = sample() as [Project];
    expect(checkProject(a)).toEqual([]);
    expect(checkProject({ ...a, name: '  ' })).toContain('missing name');
    expect(() =>
      createProject({ name: '', type: 'renewable-energy', features: [], source: 'wgs84' }),
    ).toThrow();
  });
});
