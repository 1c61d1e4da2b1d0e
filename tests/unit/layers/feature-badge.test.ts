/**
 * The per-feature badge (layers/badge.ts: featureBadge): a feature from the user's file is 用户数据, a built-in
 * feature keeps its built-in badge and is said to be superseded while its layer is replaced. The map click tells
 * the rule where a feature came from (web/domain/ui/zone-selection.ts), and the store drops a selection read from a
 * user file when that file is removed or replaced.
 */
import { describe, expect, it } from 'vitest';
import { featureBadge, layerBadge } from '../../../layers/badge.ts';
import { LAYERS } from '../../../layers/registry.ts';
import { selectionFromClick, zonesUnder } from '../../../web/domain/ui/zone-selection.ts';
import { useAppStore } from '../../../web/src/store/store.ts';

const redline = LAYERS.find((l) => l.id === 'redline-illustrative');
const lakes = LAYERS.find((l) => l.id === 'lakes');
if (!redline || !lakes) throw new Error('registry lacks redline-illustrative or lakes');
const info = {
  fileName: 'official.zip',
  importedAt: '2025-01-01T00:00:00Z',
  featureCount: 3,
  note: '',
  crs: '',
};

describe('featureBadge', () => {
  it('a built-in zone of a replaced schematic layer is 示意 and superseded, never 用户数据', () => {
    const replaced = { [redline.id]: info };
    expect(layerBadge(redline, replaced)).toBe('user');
    expect(featureBadge(redline, replaced, 'builtin')).toEqual({ badge: 'schematic', superseded: true });
    expect(featureBadge(lakes, { [lakes.id]: info }, 'builtin')).toEqual({ badge: null, superseded: true });
  });

  it("a zone from the user's file is 用户数据, whether or not the file is still loaded", () => {
    expect(featureBadge(redline, { [redline.id]: info }, 'user')).toEqual({
      badge: 'user',
      superseded: false,
    });
    expect(featureBadge(redline, {}, 'user')).toEqual({ badge: 'user', superseded: false });
  });

  it('for every layer, a feature the map shows has the layer badge, and only a built-in one can be superseded', () => {
    for (const def of LAYERS)
      for (const replaced of [new Set<string>(), new Set([def.id]), new Set(['some-other-layer'])]) {
        const onMap = replaced.has(def.id) ? 'user' : 'builtin';
        const f = featureBadge(def, replaced, onMap);
        expect(f.badge, def.id).toBe(layerBadge(def, replaced));
        expect(f.superseded, def.id).toBe(false);
        expect(featureBadge(def, replaced, 'builtin').superseded, def.id).toBe(replaced.has(def.id));
      }
  });
});

describe('where a clicked zone came from', () => {
  const hit = (zoneId: string, layerId: string, fromUser?: boolean) => ({
    properties: { zoneId, zh: zoneId, en: zoneId },
    layerId,
    fromUser,
  });

  it("zones under a click on a replaced layer's source are the user's; built-in ones carry no flag", () => {
    const zs = zonesUnder([
      hit('user-redline-illustrative-1', redline.id, true),
      hit('lake-hulun', 'lakes', false),
    ]);
    expect(zs.map((z) => [z.id, z.fromUser])).toEqual([
      ['user-redline-illustrative-1', true],
      ['lake-hulun', undefined],
    ]);
    expect(selectionFromClick([hit('lake-hulun', 'lakes')]).selectedZone).not.toHaveProperty('fromUser');
  });
});

describe('the store drops zones read from a user file that is gone', () => {
  it("clears a selection from the user's file when that layer's file is removed; keeps a built-in one", () => {
    const s = () => useAppStore.getState();
    s().setUserLayer(redline.id, info);
    const { selectedZone, zonesHere } = selectionFromClick([
      { properties: { zoneId: 'user-redline-illustrative-1' }, layerId: redline.id, fromUser: true },
      { properties: { zoneId: 'lake-hulun' }, layerId: 'lakes' },
    ]);
    s().selectZone(selectedZone, zonesHere);
    s().setUserLayer('lakes', info); // another layer: nothing changes
    expect(s().selectedZoneId).toBe('user-redline-illustrative-1');
    s().setUserLayer(redline.id, null);
    expect(s().selectedZone).toBeNull();
    expect(s().selectedZoneId).toBeNull();

    // a built-in zone opened by search stays selected when its layer is replaced: the panel says it is superseded
    s().openZone('redline-illustrative-03', redline.id);
    s().setUserLayer(redline.id, info);
    expect(s().selectedZoneId).toBe('redline-illustrative-03');
    const z = s().selectedZone;
    expect(z && featureBadge(redline, s().userLayers, z.fromUser ? 'user' : 'builtin')).toEqual({
      badge: 'schematic',
      superseded: true,
    });
    // the offer of zones under the click loses the user's zones of a layer whose file is removed
    const click = selectionFromClick([
      { properties: { zoneId: 'lake-hulun' }, layerId: 'lakes' },
      { properties: { zoneId: 'user-redline-illustrative-2' }, layerId: redline.id, fromUser: true },
    ]);
    s().selectZone(click.selectedZone, click.zonesHere);
    expect(s().zonesHere.map((z) => z.id)).toEqual(['user-redline-illustrative-2']);
    s().setUserLayer(redline.id, null);
    expect(s().selectedZoneId).toBe('lake-hulun');
    expect(s().zonesHere).toEqual([]);
  });
});
