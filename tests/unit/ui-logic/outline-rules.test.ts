import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { judgeDrawnOutline, judgeOutlineEdit } from '../../../web/domain/ui/outline-rules.ts';

const ring = (pts: [number, number][]): Polygon => ({
  type: 'Polygon',
  coordinates: [[...pts, pts[0] as [number, number]]],
});
const square = ring([
  [111, 42],
  [111.1, 42],
  [111.1, 42.1],
  [111, 42.1],
]);
// the fourth vertex dragged across the first edge
const bowtie = ring([
  [111, 42],
  [111.1, 42.1],
  [111.1, 42],
  [111, 42.1],
]);
// three clicks on one line
const line = ring([
  [111, 42],
  [111.05, 42.05],
  [111.1, 42.1],
]);
// a rectangle dragged across most of Asia
const huge = ring([
  [80, 30],
  [125, 30],
  [125, 55],
  [80, 55],
]);

const issueOf = (v: ReturnType<typeof judgeDrawnOutline>) => (v.valid ? null : v.issue);

describe('which drawn outlines the drawing tool accepts (the kernel’s rules)', () => {
  it('judges an outline only when it is closed', () => {
    for (const update of ['provisional', 'commit']) {
      expect(judgeDrawnOutline(bowtie, update)).toEqual({ valid: true });
      expect(judgeDrawnOutline(line, update)).toEqual({ valid: true });
    }
  });

  it('refuses a closed outline for whatever the kernel finds, with the kernel’s own message', () => {
    expect(judgeDrawnOutline(square, 'finish')).toEqual({ valid: true });
    const crossing = issueOf(judgeDrawnOutline(bowtie, 'finish'));
    expect(crossing?.code).toBe('self-intersection');
    expect(crossing?.zh).toMatch(/自相交/);
    expect(crossing?.at?.[0]).toBeCloseTo(111.05, 9);
    expect(crossing?.at?.[1]).toBeCloseTo(42.05, 9);
    expect(issueOf(judgeDrawnOutline(line, 'finish'))?.code).toBe('zero-area');
    const large = issueOf(judgeDrawnOutline(huge, 'finish'));
    expect(large?.code).toBe('too-large');
    expect(large?.en).toMatch(/45\.0° × 25\.0°/);
  });
});

describe('which edits of a finished outline it accepts', () => {
  it('accepts an edit that leaves a valid outline, without reading the outline before it', () => {
    let read = 0;
    const moved = ring([
      [111, 42],
      [111.2, 42],
      [111.1, 42.1],
      [111, 42.1],
    ]);
    expect(
      judgeOutlineEdit(moved, () => {
        read++;
        return square;
      }),
    ).toEqual({ valid: true });
    expect(read).toBe(0);
  });

  it('refuses an edit that would make a valid outline cross itself or lose its area', () => {
    const v = judgeOutlineEdit(bowtie, () => square);
    expect(v.valid).toBe(false);
    expect(v.valid ? null : v.issue.code).toBe('self-intersection');
    expect(judgeOutlineEdit(line, () => square).valid).toBe(false);
    expect(judgeOutlineEdit(bowtie, () => undefined).valid).toBe(false);
  });

  it('lets an outline that was refused already be edited, so it can be repaired', () => {
    expect(judgeOutlineEdit(bowtie, () => line)).toEqual({ valid: true });
  });
});
