import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../scripts/cli/args.ts';
import { MAX_BUFFER_M, parseBufferList } from '../../../web/domain/screening/buffers.ts';

/** What the CLI makes of `--buffer <text>`: the metres, or the usage error's text. */
function cli(text: string): { ok: true; metres: number[] } | { ok: false; message: string } {
  try {
    return { ok: true, metres: parseArgs(['b.geojson', '--buffer', text]).buffersM };
  } catch (e) {
    if (e instanceof UsageError) return { ok: false, message: e.message };
    throw e;
  }
}

// what a user may type, with what it means (written by hand, not by the code under test)
const CASES: [string, number[] | 'refused'][] = [
  ['Infinity', 'refused'],
  ['-5', 'refused'],
  ['1e9', 'refused'],
  ['1e3', 'refused'],
  ['NaN', 'refused'],
  ['0', 'refused'],
  ['0km', 'refused'],
  ['100001', 'refused'],
  ['101km', 'refused'],
  ['500,abc', 'refused'],
  ['1km', [1000]],
  ['500', [500]],
  ['', []],
  ['  ', []],
  ['100000', [100_000]],
  ['100 km', [100_000]],
  ['0.5km', [500]],
  ['1.5 公里', [1500]],
  ['750米', [750]],
  ['5千米', [5000]],
  ['500, 1km，1000;5千米 2公里', [500, 1000, 2000, 5000]],
  ['5000 500 1000', [500, 1000, 5000]],
  ['500,', [500]],
];

describe('buffer distances: one rule for the panel and the CLI', () => {
  it('reads each input as a person would, refusing what is not a distance in (0, 100 km]', () => {
    expect(MAX_BUFFER_M).toBe(100_000);
    for (const [text, want] of CASES) {
      const got = parseBufferList(text);
      if (want === 'refused') expect(got.ok, text).toBe(false);
      else expect(got, text).toEqual({ ok: true, metres: want });
    }
  });

  it('the CLI accepts and refuses exactly what the panel does, with the same metres and the same reasons', () => {
    for (const [text] of CASES) {
      const app = parseBufferList(text);
      const c = cli(text);
      expect(c.ok, text).toBe(app.ok);
      if (app.ok && c.ok) expect(c.metres, text).toEqual(app.metres);
      if (!app.ok && !c.ok) for (const e of app.errors) expect(c.message, text).toContain(e.en);
    }
  });

  it('names every bad token, in both languages', () => {
    const r = parseBufferList('500, -5, Infinity');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.token)).toEqual(['-5', 'Infinity']);
    expect(r.errors[0]?.zh).toContain('“-5”');
    expect(r.errors[1]?.en).toMatch(/“Infinity”: not a distance/);
  });

  it('the panel reads its field with this function and keeps no parser of its own', () => {
    const panel = readFileSync(
      join(import.meta.dirname, '..', '..', '..', 'web', 'src', 'screening', 'CheckSection.tsx'),
      'utf8',
    );
    expect(panel).toMatch(/import \{ parseBufferList \} from '\.\.\/\.\.\/domain\/screening\/buffers\.ts'/);
    expect(panel).toMatch(/parseBufferList\(buffers\)/);
    expect(panel).not.toMatch(/km\|千米|公里/);
  });
});
