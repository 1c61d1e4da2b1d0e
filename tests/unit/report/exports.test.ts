import { describe, expect, it } from 'vitest';
import { importBoundarySync } from '../../../web/domain/importers/index.ts';
import { CSV_COLUMNS, csvCell, resultsCsv } from '../../../web/domain/report/csv.ts';
import { exportBaseName, resultsGeoJson } from '../../../web/domain/report/geojson.ts';
import { asPolys, refMultiPolygonArea } from '../screening/independent.ts';
import { NASTY_NAMES, realCheck } from './fixture.ts';
import { parseCsv } from './rfc4180.ts';

const { project, result, datasets } = realCheck();

describe('CSV export, read back with an independent RFC 4180 reader', () => {
  const text = resultsCsv(project, result, datasets);
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const col = (name: (typeof CSV_COLUMNS)[number]) => header?.indexOf(name) ?? -1;
  const get = (r: string[], name: (typeof CSV_COLUMNS)[number]) => r[col(name)] ?? '';

  it('starts with a UTF-8 BOM, ends every record with CRLF and has the same width on every row', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(header).toEqual([...CSV_COLUMNS]);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
  });

  it('has one row per overlapped feature, a total per layer and the project, with the engine figures', () => {
    const features = rows.filter((r) => r[0] === 'feature');
    expect(features).toHaveLength(result.overlaps.length);
    expect(result.overlaps.length).toBeGreaterThanOrEqual(NASTY_NAMES.length); // every square and the lake
    for (const o of result.overlaps) {
      const r = features.find(
        (x) => get(x, 'layer_id') === o.layerId && get(x, 'feature_id') === o.featureId,
      );
      expect(r, o.featureId).toBeDefined();
      if (!r) continue;
      expect(Number(get(r, 'overlap_m2'))).toBeCloseTo(o.areaM2, 1);
      expect(Number(get(r, 'overlap_ha'))).toBeCloseTo(o.areaM2 / 10_000, 2);
      expect(Number(get(r, 'overlap_mu'))).toBeCloseTo((o.areaM2 / 10_000) * 15, 2);
      expect(Number(get(r, 'share_of_project'))).toBeCloseTo(o.share, 6);
    }
    const totals = rows.filter((r) => r[0] === 'layer-total');
    expect(totals.map((r) => get(r, 'layer_id'))).toEqual(result.layers.map((l) => l.layerId));
    const redTotal = totals.find((r) => get(r, 'layer_id') === 'redline-illustrative');
    const redSum = result.overlaps
      .filter((o) => o.layerId === 'redline-illustrative')
      .reduce((s, o) => s + o.areaM2, 0);
    expect(Number(get(redTotal ?? [], 'overlap_m2'))).toBeCloseTo(redSum, 1);
    const proj = rows.at(-1) ?? [];
    expect(proj[0]).toBe('project');
    expect(get(proj, 'name')).toBe(project.name);
    expect(Number(get(proj, 'overlap_m2'))).toBeCloseTo(result.projectAreaM2, 1);
  });

  it('keeps commas, quotes and line breaks in names intact and defuses spreadsheet formulas', () => {
    const names = rows.filter((r) => get(r, 'layer_id') === 'redline-illustrative' && r[0] === 'feature');
    const got = names.map((r) => get(r, 'name')).sort();
    const want = NASTY_NAMES.map((n) => (/^[=+\-@]/.test(n) ? `'${n}` : n)).sort();
    expect(got).toEqual(want);
    for (const r of rows) for (const cell of r) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(csvCell(null)).toBe('');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell('\tx')).toBe("'\tx");
  });

  it('writes each layer’s badge as of the check: 示意 for the schematic layer, 用户数据 for the replaced one', () => {
    for (const r of rows.filter((x) => x[0] !== 'project')) {
      const want = get(r, 'layer_id') === 'lakes' ? '用户数据' : '示意';
      expect(get(r, 'badge'), get(r, 'layer_id')).toBe(want);
      // the layer's name column carries no badge
      expect(get(r, 'layer_zh')).not.toMatch(/示意|用户数据/);
    }
    const surveyed = resultsCsv(
      project,
      result,
      datasets.map((d) => ({ ...d, badge: null })),
    );
    expect(surveyed).not.toMatch(/示意|用户数据/);
  });
});

describe('GeoJSON export', () => {
  const fc = JSON.parse(JSON.stringify(resultsGeoJson(project, result, datasets, '2026-05-01T00:00:00Z')));

  it('holds the project parts, then every overlap piece with its figures, and the check as a foreign member', () => {
    const parts = fc.features.filter(
      (f: { properties: { role: string } }) => f.properties.role === 'project',
    );
    expect(parts.map((f: { geometry: unknown }) => f.geometry)).toEqual(
      project.boundary.features.map((f) => f.geometry),
    );
    const pieces = fc.features.filter(
      (f: { properties: { role: string } }) => f.properties.role === 'overlap',
    );
    expect(pieces).toHaveLength(result.overlaps.filter((o) => o.geometry).length);
    for (const p of pieces) {
      const o = result.overlaps.find(
        (x) => x.layerId === p.properties.layerId && x.featureId === p.properties.featureId,
      );
      expect(o).toBeDefined();
      expect(p.geometry).toEqual(o?.geometry);
      expect(p.properties.overlap_m2).toBeCloseTo(o?.areaM2 ?? Number.NaN, 1);
      expect(p.properties.share).toBe(o?.share);
    }
    expect(fc.screening.checkedAt).toBe('2026-05-01T00:00:00Z');
    expect(fc.screening.project).toEqual({
      name: project.name,
      type: project.type,
      areaM2: result.projectAreaM2,
    });
    expect(fc.screening.verdicts.map((v: { verdict: string }) => v.verdict)).toEqual(
      result.verdicts.map((v) => v.verdict),
    );
    expect(fc.screening.datasets).toEqual([
      {
        layerId: 'redline-illustrative',
        version: datasets[0]?.version,
        sha256: 'a'.repeat(64),
        badge: 'schematic',
      },
      { layerId: 'lakes', version: datasets[1]?.version, sha256: 'b'.repeat(64), badge: 'user' },
    ]);
  });

  it('names files without path or shell characters', () => {
    expect(exportBaseName({ name: '../a/b:c*?"<>| d' })).toBe('screening-.._a_b_c_d');
    expect(exportBaseName({ name: '' })).toBe('screening-project');
    expect(exportBaseName({ name: '长'.repeat(100) })).toBe(`screening-${'长'.repeat(60)}`);
  });
});

describe('the GeoJSON export read back as a boundary', () => {
  const text = JSON.stringify(resultsGeoJson(project, result, datasets, '2026-05-01T00:00:00Z'));
  const r = importBoundarySync({ name: 'screening-result.geojson', text }, { source: 'wgs84' });

  it('reads only the project parts, says so, and has the project area (overlap pieces are not parts)', () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pieces = result.overlaps.filter((o) => o.geometry).length;
    expect(pieces).toBeGreaterThan(0);
    expect(r.features).toHaveLength(project.boundary.features.length);
    expect(r.warnings.map((w) => w.code)).toContain('screening-export');
    const w = r.warnings.find((x) => x.code === 'screening-export');
    expect(w?.en ?? '').toContain(`the ${pieces} overlap pieces`);
    const area = r.features.reduce((s, f) => s + refMultiPolygonArea(asPolys(f.geometry)), 0);
    expect(area).toBeCloseTo(result.projectAreaM2, -1);
  });

  it('a file that only looks similar (no screening member) keeps every feature', () => {
    const plain = JSON.parse(text);
    delete plain.screening;
    const q = importBoundarySync({ name: 'other.geojson', text: JSON.stringify(plain) }, { source: 'wgs84' });
    expect(q.ok && q.features.length).toBe(plain.features.length);
  });
});
