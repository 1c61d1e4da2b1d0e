/** How a command reaches the search box (commands/registry.ts `search.focus`): the box registers its focus. */
let focusBox: (() => void) | null = null;

export const searchPort = {
  /** Called by the search box when it mounts; returns the call that unregisters it. */
  register(focus: () => void): () => void {
    focusBox = focus;
    return () => {
      if (focusBox === focus) focusBox = null;
    };
  },
  /** Puts the keyboard focus in the search box; returns whether there was one. */
  focus(): boolean {
    focusBox?.();
    return focusBox !== null;
  },
};
