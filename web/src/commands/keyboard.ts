import { commandForKey, isTextEntry, type KeyPress } from '../../domain/ui/keys.ts';
import { COMMANDS, type CommandContext, defaultContext } from './registry.ts';

function keyPress(e: KeyboardEvent): KeyPress {
  const t = e.target instanceof HTMLElement ? e.target : null;
  return {
    key: e.key,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    shiftKey: e.shiftKey,
    altKey: e.altKey,
    inField: t
      ? isTextEntry(t.tagName, t instanceof HTMLInputElement ? t.type : '', t.isContentEditable)
      : false,
  };
}

/**
 * The app's one key listener: each key press runs at most one command, the one the registry's order picks
 * (web/domain/ui/keys.ts). Keys a component already handled (preventDefault) and keys composing IME input are
 * left alone. Returns the call that removes the listener.
 */
export function bindKeyboard(target: Window = window, ctx: CommandContext = defaultContext()): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing) return;
    const c = commandForKey(COMMANDS, keyPress(e), ctx.store.getState());
    if (!c) return;
    e.preventDefault();
    e.stopPropagation();
    c.run(ctx);
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
