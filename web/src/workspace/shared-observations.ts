import type { PlannerImport } from '../../domain/plan/planner-observations.ts';
import type { SharedObservation } from '../../domain/workspace/api-types.ts';

let memo: {
  imports: readonly PlannerImport[];
  shared: readonly SharedObservation[];
  out: PlannerImport[];
} | null = null;

/**
 * The planner's files with the workspace's observations before them, as one more import merged by the same rule
 * (planner-observations.ts: a later file's row replaces an earlier one with the same key, so this computer's files
 * come first). The same array for the same inputs, so the views memoise alike.
 */
export function withSharedRows(
  imports: readonly PlannerImport[],
  shared: readonly SharedObservation[],
): readonly PlannerImport[] {
  if (shared.length === 0) return imports;
  if (memo?.imports === imports && memo.shared === shared) return memo.out;
  const latest =
    shared
      .map((o) => o.at)
      .sort()
      .at(-1) ?? '';
  const out: PlannerImport[] = [
    {
      id: 'workspace',
      fileName: 'workspace',
      importedAt: latest,
      rows: shared.map((o) => ({
        ...o.observation,
        imported: { fileName: 'workspace', importedAt: o.at, sharedBy: o.enteredBy },
      })),
      refused: 0,
    },
    ...imports,
  ];
  memo = { imports, shared, out };
  return out;
}
