import { describe, expect, it } from 'vitest';
import type { Fix } from '../../../web/domain/field/fix.ts';
import { freshIndexedDb } from '../fake-indexeddb.ts';

freshIndexedDb('file');

const fix = (i: number): Fix => ({
  lon: 112.69 + i * 1e-4,
  lat: 40.57,
  accuracyM: 5 + i,
  t: 1_000_000 + i * 1000,
});

describe('walks kept fix by fix (walk-db)', () => {
  it('reads a walk back in the order walked, by segment; deleting one walk leaves the others', async () => {
    const db = await import('../../../web/src/field/walk/walk-db.ts');
    await db.putWalk({ id: 'a', status: 'recording', intervalMs: 3000, segment: 2, startedAt: 1 });
    await db.putWalk({ id: 'a2', status: 'closed', intervalMs: 1000, segment: 0, startedAt: 2 });
    // written out of order and in several transactions, segments 0 and 2 (1 was a pause with no fix)
    await db.putFixes('a', [
      { seq: 10, segment: 2, fix: fix(10) },
      { seq: 2, segment: 0, fix: fix(2) },
    ]);
    await db.putFixes('a', [
      { seq: 0, segment: 0, fix: fix(0) },
      { seq: 1, segment: 0, fix: fix(1) },
      { seq: 9, segment: 2, fix: fix(9) },
    ]);
    await db.putFixes('a2', [{ seq: 0, segment: 0, fix: fix(50) }]);
    const stored = await db.walkFixes('a');
    expect(stored).toHaveLength(5);
    expect(db.trackOf(stored)).toEqual({
      segments: [
        [fix(0), fix(1), fix(2)],
        [fix(9), fix(10)],
      ],
    });
    await db.deleteWalk('a');
    expect(await db.walkFixes('a')).toEqual([]);
    expect((await db.allWalks()).map((w) => w.id)).toEqual(['a2']);
    expect(db.trackOf(await db.walkFixes('a2'))).toEqual({ segments: [[fix(50)]] });
  });

  it('tells a full storage from other failures', async () => {
    const { isQuotaError } = await import('../../../web/src/field/walk/walk-db.ts');
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new DOMException('gone', 'InvalidStateError'))).toBe(false);
    expect(isQuotaError(new Error('x'))).toBe(false);
  });
});
