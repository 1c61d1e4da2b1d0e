import type { KeyboardEvent } from 'react';

/** The tree's stops: group headings and task buttons (links inside an open task keep Tab only). */
const STOPS = 'summary, .task-item';

/** Whether an element shows: no closed <details> above it, other than the one whose summary it is. */
function shown(el: HTMLElement): boolean {
  let node: HTMLElement = el;
  for (;;) {
    const d = node.parentElement?.closest('details');
    if (!d) return true;
    const ownSummary = node.tagName === 'SUMMARY' && node.parentElement === d;
    if (!d.open && !ownSummary) return false;
    node = d;
  }
}

/**
 * Arrow keys through the task tree (Tab works too): ↓ ↑ next and previous heading or task, Home/End, → opens a
 * group (or steps into it), ← closes it (or steps out to its heading). Enter and Space are the elements' own:
 * a summary folds, a task button opens the task.
 */
export function treeKeyDown(e: KeyboardEvent<HTMLElement>): void {
  const target = e.target as HTMLElement;
  if (!target.matches(STOPS)) return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>(STOPS)].filter(shown);
  const i = items.indexOf(target);
  const go = (j: number) => items[Math.max(0, Math.min(items.length - 1, j))]?.focus();
  const group = target.tagName === 'SUMMARY' ? (target.parentElement as HTMLDetailsElement) : null;
  switch (e.key) {
    case 'ArrowDown':
      go(i + 1);
      break;
    case 'ArrowUp':
      go(i - 1);
      break;
    case 'Home':
      go(0);
      break;
    case 'End':
      go(items.length - 1);
      break;
    case 'ArrowRight':
      if (group && !group.open) group.open = true;
      else go(i + 1);
      break;
    case 'ArrowLeft':
      if (group?.open) group.open = false;
      else {
        const outer = (group ?? target).parentElement?.closest('details');
        outer?.querySelector<HTMLElement>(':scope > summary')?.focus();
      }
      break;
    default:
      return;
  }
  e.preventDefault();
}
