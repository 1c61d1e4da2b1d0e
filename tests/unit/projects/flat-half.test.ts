// The split import's flat reading of a half (importers/geojson-flat.ts, normalize/flat.ts) against the same half
// read by JSON.parse and the normalisation stages: the same EBL1 bytes, or 'not-plain' (the half is then read by
// JSON.parse). Never a third thing. And every number it reads is the double JSON.parse reads.
import { describe, expect, it } from 'vitest';
import { readFlatFeatures, readJsonNumber } from '../../../web/domain/importers/geojson-flat.ts';
import { encodeFlatHalf, encodeParsedHalf } from '../../../web/domain/projects/split-import.ts';
import { seededRandom } from '../../../web/domain/screening/synthetic-layer.ts';

const target = { layerId: 'farmland-permanent', zoneType: 'farmland-permanent', label: 'layer.geojson' };
const options = { source: 'wgs84' as const };
const enc = new TextEncoder();

async function both(text: string, firstIndex = 0) {
  const bytes = enc.encode(text);
  const flat = await encodeFlatHalf(bytes, options, target, firstIndex);
  const parsed = await encodeParsedHalf(bytes, 'layer.geojson', options, target, firstIndex);
  return { flat, parsed };
}

/** The flat reading took the half and gave the same bytes, or left it to JSON.parse: which of the two. */
async function expectSameOrLeft(text: string, firstIndex = 0): Promise<'flat' | 'left'> {
  const { flat, parsed } = await both(text, firstIndex);
  if (flat === 'not-plain') return 'left';
  // a flat result only where the JSON.parse path keeps the half
  expect(parsed).toBeDefined();
  expect(flat).toBeDefined();
  if (!flat || !parsed) return 'flat';
  expect(new Uint8Array(flat.ebl)).toEqual(new Uint8Array(parsed.ebl));
  expect([flat.count, flat.rawVertices]).toEqual([parsed.count, parsed.rawVertices]);
  return 'flat';
}

type Num = (x: number, rnd: () => number) => string;
/** Ways files write numbers: shortest (up to 17 digits), fixed, exponents, trailing zeros. */
const numberStyles: Num[] = [
  (x) => String(x),
  (x) => x.toFixed(7),
  (x) => x.toFixed(3),
  (x) => x.toExponential(12).replace('e+', 'e'),
  (x) => x.toExponential(16).toUpperCase(),
  (x) => `${x.toFixed(6)}000`,
  (x, rnd) => (rnd() < 0.5 ? String(x) : x.toFixed(9)),
];

function ringText(
  rnd: () => number,
  cx: number,
  cy: number,
  r: number,
  n: number,
  cw: boolean,
  num: Num,
): string {
  const pts: string[] = [];
  for (let k = 0; k < n; k++) {
    const a = ((cw ? -1 : 1) * 2 * Math.PI * k) / n;
    const x = cx + r * Math.cos(a) * (0.8 + 0.2 * rnd());
    const y = cy + r * Math.sin(a) * (0.8 + 0.2 * rnd());
    pts.push(`[${num(x, rnd)},${rnd() < 0.1 ? ' ' : ''}${num(y, rnd)}]`);
  }
  if (rnd() < 0.2) pts.splice(1, 0, pts[1] as string);
  pts.push(pts[0] as string);
  if (rnd() < 0.3) pts.reverse();
  return `[${pts.join(rnd() < 0.2 ? ', ' : ',')}]`;
}

const NAMES = ['图斑', 'parcel', '地块 🌾', 'a "quoted" \\ name', 'ünïcödé', '𠀋 four-byte', '},{"x":['];

/** A feature's text: members in any order, optional id and bbox, properties of many kinds. */
function featureText(rnd: () => number, i: number): string {
  const num = numberStyles[Math.floor(rnd() * numberStyles.length)] as Num;
  const x = 108 + rnd() * 15;
  const y = 40 + rnd() * 8;
  const poly = (cx: number, cy: number) => {
    const rings = [ringText(rnd, cx, cy, 0.01, 4 + Math.floor(rnd() * 8), false, num)];
    if (rnd() < 0.2) rings.push(ringText(rnd, cx, cy, 0.002, 4, true, num));
    return `[${rings.join(',')}]`;
  };
  const multi = rnd() < 0.3;
  const coords = multi ? `[${poly(x, y)},${poly(x + 0.05, y + 0.05)}]` : poly(x, y);
  const gType = `"type":"${multi ? 'MultiPolygon' : 'Polygon'}"`;
  const gMembers = [gType, `"coordinates":${coords}`];
  if (rnd() < 0.1) gMembers.push(`"bbox":[${x - 1},${y - 1},${x + 1},${y + 1}]`);
  if (rnd() < 0.5) gMembers.reverse();
  const name = `${NAMES[i % NAMES.length]} ${i}`;
  const propsKinds = [
    () => JSON.stringify({ name }),
    () => JSON.stringify({ DKMC: name, area: rnd() * 100 }),
    () => JSON.stringify({ zoneId: `z-${i}`, nested: [{ a: 1 }, { b: [1, 2, { c: '},{' }] }] }),
    () => JSON.stringify({ id: i * 7, zh: '农田', en: 'farmland' }),
    () => 'null',
    () => JSON.stringify({ name: 12.5, zoneType: 'other', 名称: name }),
    () => JSON.stringify({ __proto__x: 1, name, emoji: '🌾🌾', esc: '\u0001\t\n' }),
  ];
  const members = [
    '"type":"Feature"',
    `"properties":${(propsKinds[Math.floor(rnd() * propsKinds.length)] as () => string)()}`,
    `"geometry":{${gMembers.join(',')}}`,
  ];
  const idKind = Math.floor(rnd() * 8);
  if (idKind === 0) members.push(`"id":"f${i}"`);
  if (idKind === 1) members.push(`"id":${i}`);
  if (idKind === 2) members.push(`"id":"id \\"${i}\\" 🌾"`);
  if (idKind === 3) members.push('"id":null');
  if (idKind === 4) members.push(`"id":1e400`);
  if (idKind === 5) members.push(`"id":${i}.5e1`);
  if (rnd() < 0.1) members.push(`"bbox":[${x},${y},${x},${y}]`);
  // shuffled
  for (let k = members.length - 1; k > 0; k--) {
    const j = Math.floor(rnd() * (k + 1));
    [members[k], members[j]] = [members[j] as string, members[k] as string];
  }
  const sep = rnd() < 0.2 ? ',\r\n  ' : ',';
  return `{${members.join(sep)}}`;
}

function halfText(seed: number, n: number): string {
  const rnd = seededRandom(seed);
  const feats = Array.from({ length: n }, (_, i) => featureText(rnd, i));
  const sep = ['\n,', ',\n', ', ', ','][seed % 4] as string;
  return `${seed % 2 ? '\n' : ''}${feats.join(sep)}${seed % 3 ? '\r\n' : ''}`;
}

describe('flat reading of a half', () => {
  it('reads every number as JSON.parse does', () => {
    const rnd = seededRandom(3);
    const texts = [
      '0',
      '-0',
      '-0.0',
      '1e22',
      '1e23',
      '9007199254740993',
      '123456789012345',
      '1234567890123456',
      '12345678901234567890',
      '0.000001234',
      '1E+5',
      '-1.5e-7',
      '1e-400',
      '1e400',
      '-1e400',
      '0.1',
      '0.30000000000000004',
      '107.3970799',
      '97.32910904874794',
      '2.2250738585072014e-308',
      '4.9e-324',
      '1.7976931348623157e308',
      '100000000000000000000000',
      '5e-324',
      '0e10',
      '0.0000000000000000000000000001',
    ];
    for (let k = 0; k < 20_000; k++) {
      const x = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20);
      const style = numberStyles[k % numberStyles.length] as Num;
      texts.push(style(x, rnd));
    }
    for (const t of texts) {
      const want = JSON.parse(t) as number;
      const got = readJsonNumber(t);
      if (!Object.is(got, want)) expect({ t, got }).toEqual({ t, got: want });
    }
    // what JSON does not allow is not read
    for (const t of ['01', '1.', '.5', '+1', '1e', '-', 'NaN', '1e+', '--1', '0x10', '1.e5', 'Infinity'])
      expect(readJsonNumber(t)).toBeUndefined();
  });

  it('gives the JSON.parse path’s EBL1 for random halves, however they are written', async () => {
    let flat = 0;
    for (let seed = 1; seed <= 60; seed++) {
      if ((await expectSameOrLeft(halfText(seed, 3 + (seed % 17)), seed * 3)) === 'flat') flat++;
    }
    // the halves above are plain: the flat reading takes most of them (the checks are not vacuous)
    expect(flat).toBeGreaterThan(40);
  });

  it('numbers after multi-byte text are read from the right place', async () => {
    // 17-digit numbers are read from the decoded text: characters of 2, 3 and 4 bytes come before them
    const f = (i: number, name: string) =>
      `{"type":"Feature","properties":{"name":${JSON.stringify(name)}},"id":"é${i}𠀋","geometry":{"type":"Polygon","coordinates":[[[110.12345678901234,41.12345678901234],[110.22345678901234,41.12345678901234],[110.22345678901234,41.22345678901234],[110.12345678901234,41.12345678901234]]]}}`;
    const text = [f(1, 'ü'), f(2, '图斑'), f(3, '🌾🌾'), f(4, 'plain')].join(',');
    expect(await expectSameOrLeft(text)).toBe('flat');
    const read = readFlatFeatures(enc.encode(text));
    expect(read?.coords[read.coords.length - 2]).toBe(110.12345678901234);
    expect(read?.ids).toEqual(['é1𠀋', 'é2𠀋', 'é3𠀋', 'é4𠀋']);
  });

  it('anything not plain is left to JSON.parse, and JSON.parse’s answer stands', async () => {
    const base = halfText(5, 6);
    const ok = (t: string) =>
      `{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Polygon","coordinates":[[${t}]]}}`;
    const square = '[110,41],[110.1,41],[110.1,41.1],[110,41.1],[110,41]';
    const deep = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`;
    const cases: [string, string][] = [
      ['an open ring', ok('[110,41],[110.1,41],[110.1,41.1],[110,41.1]')],
      ['a bow-tie', ok('[110,41],[110.1,41.1],[110.1,41],[110,41.1],[110,41]')],
      ['outside the region', ok('[10,41],[10.1,41],[10.1,41.1],[10,41]')],
      ['partly outside', ok('[96.4,41],[110.1,41],[110.1,41.1],[96.4,41]')],
      ['metres', ok('[500000,4500000],[500100,4500000],[500100,4500100],[500000,4500000]')],
      ['a third ordinate', ok('[110,41,5],[110.1,41,5],[110.1,41.1,5],[110,41,5]')],
      ['two points', ok('[110,41],[110.1,41],[110,41]')],
      [
        'a hole outside',
        `{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[${square}],[[111,41],[111,41.01],[111.01,41.01],[111,41]]]}}`,
      ],
      ['a point', '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[110,41]}}'],
      ['null geometry', '{"type":"Feature","properties":{},"geometry":null}'],
      ['no geometry', '{"type":"Feature","properties":{}}'],
      [
        'a foreign member',
        `{"type":"Feature","when":"now","properties":{},"geometry":{"type":"Polygon","coordinates":[[${square}]]}}`,
      ],
      [
        'an escaped key',
        `{"typ\\u0065":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[${square}]]}}`,
      ],
      [
        'two geometries',
        `{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[${square}]]},"geometry":{"type":"Polygon","coordinates":[[[110,41],[110.2,41],[110.2,41.2],[110,41]]]}}`,
      ],
      [
        'Polygon written as MultiPolygon',
        `{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[${square}]]]}}`,
      ],
      [
        'properties an array',
        `{"type":"Feature","properties":[1],"geometry":{"type":"Polygon","coordinates":[[${square}]]}}`,
      ],
      [
        'nesting at the limit',
        `{"type":"Feature","properties":{"d":${deep(95)}},"geometry":{"type":"Polygon","coordinates":[[${square}]]}}`,
      ],
      [
        'nesting past the limit',
        `{"type":"Feature","properties":{"d":${deep(97)}},"geometry":{"type":"Polygon","coordinates":[[${square}]]}}`,
      ],
      [
        'broken JSON in properties',
        `{"type":"Feature","properties":{"a":[}],"geometry":{"type":"Polygon","coordinates":[[${square}]]}}`,
      ],
      [
        'a raw control character',
        `{"type":"Feature","properties":{"a":"x\u0001"},"geometry":{"type":"Polygon","coordinates":[[${square}]]}}`,
      ],
      ['a trailing comma', `${ok(square)},`],
      ['a leading zero', ok('[110,41],[0110.1,41],[110.1,41.1],[110,41]')],
      [
        'an empty ring',
        `{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[]]}}`,
      ],
      [
        'an empty MultiPolygon',
        '{"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[]}}',
      ],
    ];
    const left: string[] = [];
    for (const [what, feature] of cases) {
      const text = `${base},${feature}`;
      const r = await expectSameOrLeft(text);
      if (r === 'left') left.push(what);
    }
    // the plain one at the nesting limit is read flat; every other case is left to JSON.parse
    expect(cases.map(([w]) => w).filter((w) => !left.includes(w))).toEqual(['nesting at the limit']);
    // invalid UTF-8 inside a name
    const bytes = enc.encode(`${base},${ok(square)}`);
    const bad = new Uint8Array(bytes.length + 1);
    const at = bytes.lastIndexOf(0x78); // the "x" of the name
    bad.set(bytes.subarray(0, at));
    bad[at] = 0xc3;
    bad[at + 1] = 0x28;
    bad.set(bytes.subarray(at + 1), at + 2);
    expect(await encodeFlatHalf(bad, options, target, 0)).toBe('not-plain');
  });
});
