import { describe, expect, it } from 'vitest';
import {
  effectivePlannerRows,
  importedWords,
  type PlannerImport,
} from '../../../web/domain/plan/planner-observations.ts';
import type { Observation } from '../../../web/domain/plan/types.ts';
import type { SharedObservation } from '../../../web/domain/workspace/api-types.ts';
import { withSharedRows } from '../../../web/src/workspace/shared-observations.ts';

const indicators = [{ id: 'bus', zones: ['league-baotou'], name: '公交', en: 'bus', unit: '%' }];
const row = (value: number, source: string): Observation =>
  ({ indicatorId: 'bus', zoneId: 'league-baotou', year: 2025, value, unit: '%', source }) as Observation;
const shared: SharedObservation[] = [
  {
    id: 7,
    scope: '1502',
    enteredBy: 'planner-baotou',
    at: '2026-12-01T10:00:00.000Z',
    observation: row(96, '交通局'),
  },
];
const local: PlannerImport[] = [
  {
    id: 'f1',
    fileName: 'mine.csv',
    importedAt: '2026-12-01T11:00:00.000Z',
    rows: [row(90, '我的文件')],
    refused: 0,
  },
];

describe('the workspace’s observations among the planner’s files', () => {
  it('come first, so a file on this computer with the same indicator, zone and year wins', () => {
    const merged = withSharedRows(local, shared);
    expect(effectivePlannerRows(merged, indicators).map((o) => o.value)).toEqual([90]);
    expect(effectivePlannerRows(withSharedRows([], shared), indicators).map((o) => o.value)).toEqual([96]);
  });

  it('carry who entered them, said as the workspace’s and not as imported here', () => {
    const [ws] = withSharedRows([], shared);
    const imported = ws?.rows[0]?.imported;
    expect(imported).toEqual({
      fileName: 'workspace',
      importedAt: shared[0]?.at,
      sharedBy: 'planner-baotou',
    });
    expect(importedWords(imported as NonNullable<typeof imported>).zh).toMatch(
      /^共享工作区：planner-baotou 录入，\d{4}-/,
    );
    expect(importedWords({ fileName: 'mine.csv', importedAt: local[0]?.importedAt as string }).zh).toMatch(
      /^本机导入：mine\.csv，/,
    );
  });

  it('are the same array for the same inputs, and nothing is added without shared rows', () => {
    expect(withSharedRows(local, shared)).toBe(withSharedRows(local, shared));
    expect(withSharedRows(local, [])).toBe(local);
  });
});
