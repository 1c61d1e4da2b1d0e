import { beforeEach, describe, expect, it } from 'vitest';
import { commandForKey, type KeyPress } from '../../../web/domain/ui/keys.ts';
import { COMMANDS, type CommandContext, runCommand } from '../../../web/src/commands/registry.ts';
import type { MapPort } from '../../../web/src/map/map-port.ts';
import { briefOpen, useAppStore } from '../../../web/src/store/store.ts';

/** The brief's commands ask nothing of the map: any call fails the test. */
const noMap = new Proxy({} as MapPort, {
  get: (_t, name) => () => {
    throw new Error(`map.${String(name)} called`);
  },
});
const ctx: CommandContext = { store: useAppStore, map: noMap };
const initial = useAppStore.getState();
const alxa = { id: 'league-alxa', zh: '阿拉善盟', en: 'Alxa', kind: 'league', layerId: 'leagues' };
const ordos = { id: 'league-ordos', zh: '鄂尔多斯市', en: 'Ordos', kind: 'league', layerId: 'leagues' };
const escapeKey = (inField = false): KeyPress => ({
  key: 'Escape',
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  inField,
});
function pressEscape(inField = false): string | null {
  const c = commandForKey(COMMANDS, escapeKey(inField), useAppStore.getState());
  c?.run(ctx);
  return c?.id ?? null;
}

beforeEach(() => useAppStore.setState(initial, true));

describe('the zone brief commands', () => {
  it('opens the brief only for a selected zone', () => {
    expect(runCommand('zone.brief', ctx)).toBe(false);
    expect(briefOpen(useAppStore.getState())).toBe(false);
    useAppStore.getState().selectZone(alxa);
    expect(runCommand('zone.brief', ctx)).toBe(true);
    expect(useAppStore.getState().briefZoneId).toBe('league-alxa');
    expect(briefOpen(useAppStore.getState())).toBe(true);
  });

  it('Escape closes the report first, then the brief, then the layer info, then the selection', () => {
    useAppStore.getState().selectZone(alxa);
    runCommand('zone.brief', ctx);
    useAppStore.setState({ reportOpen: true, infoLayerId: 'leagues' });
    expect(pressEscape()).toBe('report.close');
    expect(pressEscape()).toBe('zone.brief.close');
    expect(briefOpen(useAppStore.getState())).toBe(false);
    expect(useAppStore.getState().selectedZoneId).toBe('league-alxa');
    expect(pressEscape()).toBe('layerInfo.close');
    expect(pressEscape()).toBe('zone.clearSelection');
    expect(pressEscape()).toBeNull();
  });

  it('Escape typed in a text field (the search box) still closes the brief', () => {
    useAppStore.getState().selectZone(alxa);
    runCommand('zone.brief', ctx);
    expect(pressEscape(true)).toBe('zone.brief.close');
    expect(pressEscape(true)).toBeNull();
  });

  it('a brief opened for one zone is not open for another, and Escape then goes to the selection', () => {
    useAppStore.getState().selectZone(alxa);
    runCommand('zone.brief', ctx);
    useAppStore.getState().selectZone(ordos);
    expect(briefOpen(useAppStore.getState())).toBe(false);
    expect(pressEscape()).toBe('zone.clearSelection');
  });
});
