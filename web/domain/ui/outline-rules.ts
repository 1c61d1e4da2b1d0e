/**
 * When the drawing tool accepts an outline: by the geometry kernel's rules for a project boundary
 * (`outlineProblem` = `validateProject`), the same as for an uploaded file, the worker and the CLI. Pure, so the
 * draw controller hands these to terra-draw's `validation` hook and tests call them without a browser.
 */
import { outlineProblem, type ValidationIssue } from '../geo/validate-polygon.ts';

/** terra-draw's update kinds: a vertex placed or moved for good, a pointer move in between, an outline closed. */
export type OutlineUpdate = 'commit' | 'provisional' | 'finish';

export type OutlineVerdict = { valid: true } | { valid: false; issue: ValidationIssue };

/**
 * An outline being drawn: only closing it is judged (the outline in progress passes through shapes that are
 * not areas yet), and closing it is refused for any reason the kernel has: crossing, no area, too large …
 */
export function judgeDrawnOutline(geometry: unknown, update: OutlineUpdate | string): OutlineVerdict {
  if (update !== 'finish') return { valid: true };
  const issue = outlineProblem(geometry);
  return issue ? { valid: false, issue } : { valid: true };
}

/**
 * An edit of a finished outline (a vertex dragged, inserted or deleted, the outline moved): refused when the
 * outline after it is one the kernel refuses. `before` (the outline as it stands, read only when needed) lets an
 * outline that was refused already (say, loaded from elsewhere) be edited, so it can be repaired.
 */
export function judgeOutlineEdit(after: unknown, before: () => unknown): OutlineVerdict {
  const issue = outlineProblem(after);
  if (!issue) return { valid: true };
  const was = before();
  if (was !== undefined && outlineProblem(was) !== null) return { valid: true };
  return { valid: false, issue };
}
