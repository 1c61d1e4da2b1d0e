import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../../layers/registry.ts';
import { buildStyle, initialStyleState } from '../../../layers/style.ts';
import { THEME } from '../../../layers/theme.ts';
import { defaultObservations } from '../../../web/domain/plan/default-observations.ts';
import {
  computeStatus,
  type GazetteerEntry,
  parseObservationsCsv,
  REGION_ID,
  zoneIndicators,
} from '../../../web/domain/plan/index.ts';
import {
  type IndicatorPaintOptions,
  indicatorPaint,
  type PaintWords,
  STATUS_ORDER,
} from '../../../web/domain/plan/indicator-paint.ts';
import { indicatorStatusPaint } from '../../../web/src/dashboard/status-paint.ts';
import { GAZETTEER, PLAN, ROOT, readJson } from './helpers.ts';

const GAZ = new Map<string, GazetteerEntry>(GAZETTEER.entries.map((e) => [e.id, e]));
const INDEX = readJson<Record<string, { layerId: string; bbox: number[] }>>('data/zone-index.json');
const csv = (f: string) => parseObservationsCsv(readFileSync(join(ROOT, f), 'utf8')).observations;
const OBS = defaultObservations(csv('data/observations.published.csv'), csv('data/observations.sample.csv'));
const AS_OF = 2026;
const ROWS = zoneIndicators(PLAN, GAZ, OBS, REGION_ID, AS_OF).local;

/** Words that show what they were given, so the texts can be checked without the app's catalogue. */
const words = (lang: string): PaintWords => ({
  zoneName: (id) => `${lang}:${id}`,
  status: (code) => `[${code}]`,
  reason: (s) => `<${s.reason}>`,
  withSample: (text) => `${text} SAMPLE`,
  regionWide: 'REGION-STATUS',
  scopeWide: (scope) => `WHOLE(${scope})`,
  title: (name) => `title ${name}`,
  hover: (zone, status, whose) => `${zone} ${status}${whose ? ` /${whose}` : ''}`,
  noteRegion: 'NOTE-REGION',
  noteFallback: (whose) => `NOTE-FALLBACK ${whose}`,
  noteSample: (zones) => `NOTE-SAMPLE ${zones}`,
  listSeparator: '+',
});
const COLOURS = { ...THEME.status };
const OPTS: IndicatorPaintOptions = {
  layerOf: (z) => INDEX[z]?.layerId,
  colours: COLOURS,
  words: { zh: words('zh'), en: words('en') },
};
const paintOf = (id: string) => {
  const row = ROWS.find((r) => r.indicator.id === id);
  if (!row) throw new Error(`no row ${id}`);
  return indicatorPaint(row, GAZ, OPTS);
};

describe('show on map: an indicator’s zones coloured by status', () => {
  it('every indicator of plan.json gets a paint whose zones are exactly its scope, each on the layer that draws it', () => {
    expect(ROWS.map((r) => r.indicator.id)).toEqual(PLAN.indicators.map((i) => i.id));
    for (const ind of PLAN.indicators) {
      const p = paintOf(ind.id);
      expect(p.key).toBe(`indicator:${ind.id}`);
      expect(Object.keys(p.fills).sort(), ind.id).toEqual([...ind.zones].sort());
      for (const z of ind.zones) expect(INDEX[z], `${ind.id}: ${z} in the zone index`).toBeDefined();
      expect(p.layerIds.sort()).toEqual([...new Set(ind.zones.map((z) => INDEX[z]?.layerId))].sort());
      expect(
        p.legend.reduce((n, e) => n + e.count, 0),
        ind.id,
      ).toBe(ind.zones.length);
      for (const e of p.legend) {
        expect(Object.values(p.fills).filter((c) => c === e.colour).length).toBe(e.count);
      }
    }
  });

  it('a zone with observations of its own shows its status; the others the scope’s, said so on hover', () => {
    const ind = PLAN.indicators.find((i) => i.id === 'new-bus-new-energy-share');
    if (!ind) throw new Error('bus share missing');
    const p = paintOf(ind.id);
    const own = ind.zones.filter((z) => computeStatus(ind, OBS, AS_OF, { zoneId: z }).status !== 'no-data');
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(ind.zones.length);
    for (const z of ind.zones) {
      const s = own.includes(z)
        ? computeStatus(ind, OBS, AS_OF, { zoneId: z })
        : computeStatus(ind, OBS, AS_OF);
      expect(p.fills[z], z).toBe(COLOURS[s.status]);
      const hover = p.hover[z]?.zh ?? '';
      expect(hover).toContain(`zh:${z} [${s.status}] · <${s.reason}>`);
      expect(hover.includes('/WHOLE('), z).toBe(!own.includes(z));
      expect(hover.includes('SAMPLE'), z).toBe(s.sample);
    }
    expect(p.note?.zh).toContain('NOTE-FALLBACK');
    expect(p.note?.zh).toContain(`NOTE-SAMPLE ${own.map((z) => `zh:${z}`).join('+')}`);
  });

  it('a region-wide indicator colours the region; a league under the pointer says the region’s status', () => {
    const p = paintOf('forest-cover');
    expect(Object.keys(p.fills)).toEqual([REGION_ID]);
    expect(p.layerIds).toEqual(['region']);
    expect(p.note?.zh).toContain('NOTE-REGION');
    const region = GAZ.get(REGION_ID);
    expect(region?.leagues.length).toBe(12);
    for (const league of region?.leagues ?? []) expect(p.hover[league]).toEqual(p.hover[REGION_ID]);
    expect(p.hover[REGION_ID]?.en).toContain('/REGION-STATUS');
  });

  it('says 示例 in the note only when a status rests on sample data', () => {
    for (const row of ROWS) {
      const p = indicatorPaint(row, GAZ, OPTS);
      const sampled = row.scope.some(
        (z) => (row.perZone.find((x) => x.zoneId === z)?.status ?? row.status).sample,
      );
      expect(p.note?.zh.includes('NOTE-SAMPLE') ?? false, row.indicator.id).toBe(sampled);
    }
    expect(ROWS.some((r) => r.status.sample)).toBe(true);
    expect(ROWS.some((r) => r.status.latest && !r.status.sample)).toBe(true);
  });

  it('the legend lists statuses in one order, each once', () => {
    const p = paintOf('new-bus-new-energy-share');
    const order = p.legend.map((e) => STATUS_ORDER.find((c) => COLOURS[c] === e.colour));
    expect(order).toEqual(STATUS_ORDER.filter((c) => order.includes(c)));
  });
});

describe('the app’s status paint (catalogue words, theme colours)', () => {
  const bundle = { plan: PLAN, gazetteer: GAZ, observations: OBS, zoneIndex: INDEX as never };

  it('has one distinct colour per status and the catalogue’s status words', () => {
    expect(new Set(Object.values(THEME.status)).size).toBe(STATUS_ORDER.length);
    const p = indicatorStatusPaint('new-bus-new-energy-share', bundle, AS_OF);
    expect(p?.legend.map((e) => e.zh)).toEqual(expect.arrayContaining(['进度滞后', '已实现', '暂无数据']));
    expect(p?.hover?.['league-hohhot']?.zh).toBe('呼和浩特市：暂无数据 · 无观测数据（呼包鄂乌整体状态）');
    expect(p?.hover?.['league-baotou']?.zh).toMatch(/^包头市：进度滞后 · .+（示例）$/);
    expect(indicatorStatusPaint('no-such-indicator', bundle, AS_OF)).toBeNull();
  });

  it('colours a river (a line zone) with a line layer in a valid style', () => {
    const p = indicatorStatusPaint('ten-kongdui-soil-conservation-rate', bundle, AS_OF);
    expect(p?.layerIds).toEqual(['thematic-rivers']);
    const state = initialStyleState(LAYERS);
    const style = buildStyle(
      LAYERS,
      { ...state, visible: { ...state.visible, 'thematic-rivers': true } },
      (f) => f,
      { zonePaint: p },
    );
    expect(validateStyleMin(style)).toEqual([]);
    const ids = style.layers.map((l) => l.id);
    expect(ids).toContain('paint-thematic-rivers');
    expect(ids).toContain('paint-thematic-rivers-line');
  });
});
