/**
 * Key bindings and which command a key press runs. Pure: the app's one window listener turns a KeyboardEvent
 * into a KeyPress and asks `commandForKey`; tests do the same without a browser.
 *
 * A binding is `Mod+Shift+z`, `Escape`, `Delete`: modifiers joined by `+`, then the key (KeyboardEvent.key,
 * letters in either case). `Mod` is Ctrl or ⌘. Modifiers not named must be up (Shift is ignored for keys that
 * are not letters, so `Shift+Escape` still reads as Escape).
 */

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** the key was typed into a text field, select or editable element */
  inField: boolean;
}

export interface KeyedCommand<S> {
  id: string;
  keys?: readonly string[];
  /** also runs while the focus is in a text field (Escape to leave a mode, say); default false */
  inFields?: boolean;
  enabledWhen?(state: S): boolean;
}

interface Binding {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

const MODIFIERS = new Set(['mod', 'shift', 'alt']);

export function parseBinding(binding: string): Binding {
  const parts = binding.split('+');
  const key = parts.pop();
  if (!key) throw new Error(`empty key binding "${binding}"`);
  const mods = parts.map((p) => p.toLowerCase());
  for (const m of mods) if (!MODIFIERS.has(m)) throw new Error(`unknown modifier "${m}" in "${binding}"`);
  return { key, mod: mods.includes('mod'), shift: mods.includes('shift'), alt: mods.includes('alt') };
}

const isLetter = (k: string) => k.length === 1 && k.toLowerCase() !== k.toUpperCase();

export function keyMatches(binding: string, e: KeyPress): boolean {
  const b = parseBinding(binding);
  const letter = isLetter(b.key);
  const sameKey = letter ? e.key.toLowerCase() === b.key.toLowerCase() : e.key === b.key;
  if (!sameKey) return false;
  if ((e.ctrlKey || e.metaKey) !== b.mod || e.altKey !== b.alt) return false;
  return letter || b.shift ? e.shiftKey === b.shift : true;
}

export const isEnabled = <S>(c: KeyedCommand<S>, state: S): boolean => c.enabledWhen?.(state) ?? true;

/**
 * The command a key press runs: the first command, in registry order, that is bound to the key and enabled.
 * Registry order is the priority (the topmost thing on screen first), so one key press does one thing.
 */
export function commandForKey<S, C extends KeyedCommand<S>>(
  commands: readonly C[],
  e: KeyPress,
  state: S,
): C | null {
  for (const c of commands) {
    if (!c.keys?.some((k) => keyMatches(k, e))) continue;
    if (e.inField && !c.inFields) continue;
    if (isEnabled(c, state)) return c;
  }
  return null;
}

/** A binding as a person reads it: `Mod+Shift+z` → `Ctrl+Shift+Z` (or ⌘⇧Z on a Mac). */
export function bindingLabel(binding: string, mac = false): string {
  const b = parseBinding(binding);
  const key = isLetter(b.key) ? b.key.toUpperCase() : b.key;
  if (mac) return `${b.mod ? '⌘' : ''}${b.alt ? '⌥' : ''}${b.shift ? '⇧' : ''}${key}`;
  return [b.mod ? 'Ctrl' : '', b.alt ? 'Alt' : '', b.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

const NOT_TEXT = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);

/** Whether an element takes typed text (keys typed there are its own): text inputs, text areas, selects. */
export function isTextEntry(tagName: string, inputType: string, contentEditable: boolean): boolean {
  const tag = tagName.toUpperCase();
  if (contentEditable || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NOT_TEXT.has(inputType.toLowerCase());
}
