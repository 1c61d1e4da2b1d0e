import type { Polygon } from 'geojson';
import { beforeEach, describe, expect, it } from 'vitest';
import { commandForKey, type KeyPress, parseBinding } from '../../../web/domain/ui/keys.ts';
import {
  COMMANDS,
  type Command,
  type CommandContext,
  commandById,
  runCommand,
} from '../../../web/src/commands/registry.ts';
import type { MapPort } from '../../../web/src/map/map-port.ts';
import { useAppStore } from '../../../web/src/store/store.ts';
import { t } from '../../../web/src/strings/index.ts';

/** A map that records what it is asked. */
function recordingMap(): MapPort & { calls: string[] } {
  const calls: string[] = [];
  const rec =
    (name: string) =>
    (..._: unknown[]) => {
      calls.push(name);
    };
  return {
    calls,
    frame: rec('frame'),
    jumpTo: rec('jumpTo'),
    flyTo: rec('flyTo'),
    currentCamera: () => null,
    snapshot: () => Promise.reject(new Error('no map')),
    undoDrawing: rec('undoDrawing'),
    redoDrawing: rec('redoDrawing'),
    deleteSelectedOutline: rec('deleteSelectedOutline'),
    cancelOutline: rec('cancelOutline'),
    clearDrawing: rec('clearDrawing'),
    loadDrawing: (_: Polygon[]) => calls.push('loadDrawing'),
  };
}

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  inField: false,
  ...mods,
});

const initial = useAppStore.getState();
let map: ReturnType<typeof recordingMap>;
let ctx: CommandContext;
const zone = { id: 'league-ordos', zh: '鄂尔多斯市', en: 'Ordos', kind: 'league', layerId: 'leagues' };
const history = (h: Partial<typeof initial.drawHistory>) => ({ ...initial.drawHistory, ...h });

/** What the one key listener does: resolve, then run. Returns the id that ran. */
function keyDown(e: KeyPress): string | null {
  const c = commandForKey(COMMANDS, e, useAppStore.getState());
  c?.run(ctx);
  return c?.id ?? null;
}

beforeEach(() => {
  useAppStore.setState(initial, true);
  map = recordingMap();
  ctx = { store: useAppStore, map };
});

describe('the command registry', () => {
  it('has unique ids, readable bindings and a name in both languages for every command', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of COMMANDS) {
      expect(t(c.label, 'zh').trim(), c.id).not.toBe('');
      expect(t(c.label, 'en').trim(), c.id).not.toBe('');
      for (const k of (c as Command).keys ?? []) expect(() => parseBinding(k), `${c.id} ${k}`).not.toThrow();
    }
  });

  it('one Escape while an outline is being drawn drops the outline and keeps the zone selection', () => {
    useAppStore.getState().selectZone(zone);
    useAppStore.setState({ drawMode: 'polygon', drawHistory: history({ drawing: true }) });
    expect(keyDown(press('Escape'))).toBe('draw.cancelOutline');
    expect(map.calls).toEqual(['cancelOutline']);
    expect(useAppStore.getState().selectedZoneId).toBe('league-ordos');
    expect(useAppStore.getState().drawMode).toBe('polygon');
  });

  it('Escape steps back one layer at a time: drawing tool, then zone selection', () => {
    useAppStore.getState().selectZone(zone);
    useAppStore.setState({ drawMode: 'rectangle' });
    expect(keyDown(press('Escape'))).toBe('draw.stop');
    expect(useAppStore.getState().drawMode).toBe('off');
    expect(useAppStore.getState().selectedZoneId).toBe('league-ordos');
    expect(keyDown(press('Escape'))).toBe('zone.clearSelection');
    expect(useAppStore.getState().selectedZoneId).toBeNull();
    expect(keyDown(press('Escape'))).toBeNull();
    expect(map.calls).toEqual([]);
  });

  it('Escape closes what is on top first: the report, then the layer info, before the drawing', () => {
    useAppStore.getState().selectZone(zone);
    useAppStore.setState({
      drawMode: 'polygon',
      drawHistory: history({ drawing: true }),
      reportOpen: true,
      infoLayerId: 'leagues',
    });
    expect(keyDown(press('Escape'))).toBe('report.close');
    expect(keyDown(press('Escape'))).toBe('layerInfo.close');
    expect(useAppStore.getState().infoLayerId).toBeNull();
    expect(keyDown(press('Escape'))).toBe('draw.cancelOutline');
    expect(useAppStore.getState().selectedZoneId).toBe('league-ordos');
  });

  it('Escape typed in a text field closes the report but does not touch the drawing or the selection', () => {
    useAppStore.getState().selectZone(zone);
    useAppStore.setState({ drawMode: 'polygon', drawHistory: history({ drawing: true }) });
    expect(keyDown(press('Escape', { inField: true }))).toBeNull();
    useAppStore.setState({ reportOpen: true });
    expect(keyDown(press('Escape', { inField: true }))).toBe('report.close');
    expect(map.calls).toEqual([]);
  });

  it('undo, redo and delete go to the map only while drawing and when there is something to do', () => {
    const ctrl = { ctrlKey: true };
    useAppStore.setState({ drawHistory: history({ canUndo: true, canRedo: true, selected: true }) });
    expect(keyDown(press('z', ctrl))).toBeNull(); // drawing is off
    useAppStore.setState({ drawMode: 'select' });
    expect(keyDown(press('z', ctrl))).toBe('draw.undo');
    expect(keyDown(press('Z', { ...ctrl, shiftKey: true }))).toBe('draw.redo');
    expect(keyDown(press('y', { metaKey: true }))).toBe('draw.redo');
    expect(keyDown(press('Delete'))).toBe('draw.deleteSelected');
    expect(keyDown(press('Backspace'))).toBe('draw.deleteSelected');
    expect(keyDown(press('z', { ...ctrl, inField: true }))).toBeNull();
    useAppStore.setState({ drawHistory: history({}) });
    expect(keyDown(press('z', ctrl))).toBeNull();
    expect(keyDown(press('Delete'))).toBeNull();
    expect(map.calls).toEqual([
      'undoDrawing',
      'redoDrawing',
      'redoDrawing',
      'deleteSelectedOutline',
      'deleteSelectedOutline',
    ]);
  });

  it('buttons run the same commands: a tool button toggles its tool, a disabled command does nothing', () => {
    expect(runCommand('draw.polygon', ctx)).toBe(true);
    expect(useAppStore.getState().drawMode).toBe('polygon');
    expect(runCommand('draw.rectangle', ctx)).toBe(true);
    expect(useAppStore.getState().drawMode).toBe('rectangle');
    expect(runCommand('draw.rectangle', ctx)).toBe(true);
    expect(useAppStore.getState().drawMode).toBe('off');
    expect(runCommand('draw.undo', ctx)).toBe(false);
    expect(runCommand('report.open', ctx)).toBe(false);
    expect(useAppStore.getState().reportOpen).toBe(false);
    expect(map.calls).toEqual([]);
    expect(t(commandById('screening.toggle').label, 'zh')).toBe('选址审查');
  });

  it('closing the screening panel leaves drawing and closes the report', () => {
    runCommand('screening.toggle', ctx);
    useAppStore.setState({ drawMode: 'polygon', reportOpen: true });
    runCommand('screening.toggle', ctx);
    expect(useAppStore.getState()).toMatchObject({
      screeningOpen: false,
      drawMode: 'off',
      reportOpen: false,
    });
  });
});
