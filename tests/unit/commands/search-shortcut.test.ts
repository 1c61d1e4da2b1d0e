import { beforeEach, describe, expect, it } from 'vitest';
import { commandForKey, type KeyPress } from '../../../web/domain/ui/keys.ts';
import { COMMANDS, defaultContext } from '../../../web/src/commands/registry.ts';
import { searchPort } from '../../../web/src/search/search-port.ts';
import { useAppStore } from '../../../web/src/store/store.ts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  inField: false,
  ...mods,
});
const resolve = (e: KeyPress) => commandForKey(COMMANDS, e, useAppStore.getState())?.id ?? null;
const initial = useAppStore.getState();

beforeEach(() => useAppStore.setState(initial, true));

describe('the search shortcut', () => {
  it('"/" and Ctrl/⌘+K focus the search box, not while typing in a field', () => {
    expect(resolve(press('/'))).toBe('search.focus');
    expect(resolve(press('k', { ctrlKey: true }))).toBe('search.focus');
    expect(resolve(press('K', { metaKey: true }))).toBe('search.focus');
    expect(resolve(press('/', { inField: true }))).toBeNull();
    expect(resolve(press('k', { ctrlKey: true, inField: true }))).toBeNull();
    expect(resolve(press('k'))).toBeNull();
  });

  it('is off while the report or the layer information covers the legend', () => {
    useAppStore.setState({ reportOpen: true });
    expect(resolve(press('/'))).toBeNull();
    useAppStore.setState({ reportOpen: false, infoLayerId: 'leagues' });
    expect(resolve(press('/'))).toBeNull();
  });

  it('runs the focus the search box registered, and nothing once it is gone', () => {
    let focused = 0;
    const unregister = searchPort.register(() => {
      focused++;
    });
    const c = commandForKey(COMMANDS, press('/'), useAppStore.getState());
    c?.run(defaultContext());
    expect(focused).toBe(1);
    unregister();
    c?.run(defaultContext());
    expect(focused).toBe(1);
    expect(searchPort.focus()).toBe(false);
  });
});
