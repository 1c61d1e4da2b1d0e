import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  RECORD_FORMAT,
  RECORD_VERSION,
  reportRecord,
} from '../../../web/domain/report/record.ts';
import { sha256Hex } from '../../../web/src/screening/report-record.ts';
import { realCheck } from './fixture.ts';

const { project, result, datasets } = realCheck();
const sha = (text: string) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

/** Reverses the key order of every object, so that a canonical form cannot lean on insertion order. */
function shuffled(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shuffled);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .reverse()
        .map(([k, x]) => [k, shuffled(x)]),
    );
  return v;
}

/** Every object's keys as written in the text, read with a tokenizer (JSON.parse would reorder integer keys). */
function keyRunsInText(text: string): string[][] {
  const stack: { keys: string[] | null }[] = [];
  const runs: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '{') stack.push({ keys: [] });
    else if (c === '[') stack.push({ keys: null });
    else if (c === '}' || c === ']') {
      const top = stack.pop();
      if (top?.keys) runs.push(top.keys);
    } else if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const s = JSON.parse(text.slice(i, j + 1)) as string;
      const top = stack.at(-1);
      if (top?.keys && text[j + 1] === ':') top.keys.push(s);
      i = j;
    }
    i++;
  }
  return runs;
}

describe('canonical JSON (the text the report hash is taken over)', () => {
  it('writes a crafted value exactly as documented', () => {
    const value = {
      b: [3, undefined, Number.NaN, -0, 1e21, 0.1, () => 1],
      a: { '10': 1, '9': 2, B: 3, a: 4, é: 5, Z: undefined },
      s: 'quote " backslash \\ newline \n 中文 \u2028',
      d: new Date('2026-01-02T03:04:05.000Z'),
      n: null,
      t: true,
    };
    expect(canonicalJson(value)).toBe(
      '{"a":{"10":1,"9":2,"B":3,"a":4,"é":5},"b":[3,null,null,0,1e+21,0.1,null],' +
        '"d":"2026-01-02T03:04:05.000Z","n":null,' +
        '"s":"quote \\" backslash \\\\ newline \\n 中文 \u2028","t":true}',
    );
    expect(canonicalJson(undefined)).toBe('null');
    expect(() => canonicalJson({ x: 1n })).toThrow(TypeError);
  });

  it('gives the same text for any key order, sorted at every level, and parses back to the record', () => {
    const record = reportRecord(project, result, datasets, [500], '2026-05-01T00:00:00Z');
    const text = canonicalJson(record);
    expect(canonicalJson(shuffled(record))).toBe(text);
    // no whitespace outside strings
    expect(text.replace(/"(?:[^"\\]|\\.)*"/g, '""')).not.toMatch(/\s/);
    const runs = keyRunsInText(text);
    expect(runs.length).toBeGreaterThan(20);
    for (const keys of runs) expect(keys).toEqual([...keys].sort());
    // the user's boundary properties with integer-like keys are written in code-unit order, not JS order
    expect(text).toContain('"properties":{"10":"b","9":"a","B":1,"a":2}');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(record)));
  });

  it('records the boundary, each dataset with its badge as of the check, and the results without geometry', () => {
    const r = JSON.parse(canonicalJson(reportRecord(project, result, datasets, [500], null)));
    expect(r.format).toBe(RECORD_FORMAT);
    expect(r.version).toBe(RECORD_VERSION);
    expect(r.boundary).toEqual(project.boundary);
    expect(r.datasets.map((d: { layerId: string; badge: string }) => [d.layerId, d.badge])).toEqual([
      ['redline-illustrative', 'schematic'],
      ['lakes', 'user'],
    ]);
    expect(r.results.overlaps).toHaveLength(result.overlaps.length);
    for (const o of r.results.overlaps) expect(o.geometry).toBeUndefined();
    expect(r.results.projectAreaM2).toBe(result.projectAreaM2);
  });

  it('hashes to the SHA-256 that node:crypto gives for the same UTF-8 bytes, and changes with any result', async () => {
    const text = canonicalJson(reportRecord(project, result, datasets, [500], '2026-05-01T00:00:00Z'));
    const h = await sha256Hex(text);
    expect(h).toBe(sha(text));
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    // a known vector: SHA-256 of "abc"
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const other = datasets.map((d, i) => (i === 0 ? { ...d, badge: 'user' as const } : d));
    expect(
      await sha256Hex(canonicalJson(reportRecord(project, result, other, [500], '2026-05-01T00:00:00Z'))),
    ).not.toBe(h);
  });
});
