import { describe, expect, it } from 'vitest';
import {
  bindingLabel,
  commandForKey,
  isTextEntry,
  type KeyedCommand,
  type KeyPress,
  keyMatches,
  parseBinding,
} from '../../../web/domain/ui/keys.ts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  inField: false,
  ...mods,
});

describe('key bindings', () => {
  it('reads Mod as Ctrl or ⌘, and needs the named modifiers and no others', () => {
    expect(keyMatches('Mod+z', press('z', { ctrlKey: true }))).toBe(true);
    expect(keyMatches('Mod+z', press('z', { metaKey: true }))).toBe(true);
    expect(keyMatches('Mod+z', press('z'))).toBe(false);
    expect(keyMatches('Mod+z', press('Z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(keyMatches('Mod+z', press('z', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(keyMatches('Mod+Shift+z', press('Z', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(keyMatches('Mod+Shift+z', press('z', { ctrlKey: true }))).toBe(false);
    expect(keyMatches('Mod+y', press('Y', { metaKey: true }))).toBe(true); // Caps Lock on
    expect(keyMatches('Mod+y', press('Y', { metaKey: true, shiftKey: true }))).toBe(false);
    expect(keyMatches('z', press('z', { ctrlKey: true }))).toBe(false);
  });

  it('matches named keys exactly, with Shift not mattering unless named', () => {
    expect(keyMatches('Escape', press('Escape'))).toBe(true);
    expect(keyMatches('Escape', press('Escape', { shiftKey: true }))).toBe(true);
    expect(keyMatches('Escape', press('Escape', { ctrlKey: true }))).toBe(false);
    expect(keyMatches('Delete', press('Backspace'))).toBe(false);
    expect(keyMatches('Escape', press('escape'))).toBe(false);
  });

  it('refuses bindings it cannot read', () => {
    expect(() => parseBinding('Ctrl+z')).toThrow(/modifier/);
    expect(() => parseBinding('Mod+')).toThrow(/empty/);
  });

  it('writes bindings as people read them', () => {
    expect(bindingLabel('Mod+Shift+z')).toBe('Ctrl+Shift+Z');
    expect(bindingLabel('Mod+Shift+z', true)).toBe('⌘⇧Z');
    expect(bindingLabel('Escape')).toBe('Escape');
  });

  it('tells text entry from other controls', () => {
    expect(isTextEntry('INPUT', 'text', false)).toBe(true);
    expect(isTextEntry('INPUT', 'search', false)).toBe(true);
    expect(isTextEntry('input', '', false)).toBe(true);
    expect(isTextEntry('INPUT', 'checkbox', false)).toBe(false);
    expect(isTextEntry('INPUT', 'file', false)).toBe(false);
    expect(isTextEntry('TEXTAREA', '', false)).toBe(true);
    expect(isTextEntry('SELECT', '', false)).toBe(true);
    expect(isTextEntry('DIV', '', true)).toBe(true);
    expect(isTextEntry('BUTTON', '', false)).toBe(false);
  });
});

describe('which command a key runs', () => {
  interface S {
    a: boolean;
    b: boolean;
  }
  const cmds: (KeyedCommand<S> & { id: string })[] = [
    { id: 'first', keys: ['Escape'], enabledWhen: (s) => s.a },
    { id: 'second', keys: ['Escape'], inFields: true, enabledWhen: (s) => s.b },
    { id: 'always', keys: ['Escape', 'Mod+k'] },
    { id: 'other', keys: ['Delete'], enabledWhen: () => false },
  ];
  const pick = (e: KeyPress, s: S) => commandForKey(cmds, e, s)?.id ?? null;

  it('runs the first enabled command in registry order, and only that one', () => {
    expect(pick(press('Escape'), { a: true, b: true })).toBe('first');
    expect(pick(press('Escape'), { a: false, b: true })).toBe('second');
    expect(pick(press('Escape'), { a: false, b: false })).toBe('always');
    expect(pick(press('k', { ctrlKey: true }), { a: true, b: true })).toBe('always');
  });

  it('runs nothing for a key no enabled command is bound to', () => {
    expect(pick(press('Delete'), { a: true, b: true })).toBeNull();
    expect(pick(press('q'), { a: true, b: true })).toBeNull();
  });

  it('leaves keys typed into a field to the field, except commands that allow it', () => {
    expect(pick(press('Escape', { inField: true }), { a: true, b: true })).toBe('second');
    expect(pick(press('Escape', { inField: true }), { a: true, b: false })).toBeNull();
  });
});
