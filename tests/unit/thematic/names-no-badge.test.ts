/**
 * Names carry no badge: no name of a feature, a gazetteer entry or a layer says 示意 / schematic / illustrative.
 * The badge is decided by layers/badge.ts and shown beside the name; the data keeps saying how it was made
 * (`schematic`, `source`, `method`, `accuracy` on every feature of a schematic layer).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../../layers/registry.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BADGE_WORDS = /示意|schematic|illustrative/i;
/** Keys whose values are shown as names: zh/en, name*, label*, short*, aliases, list forms. */
const NAME_KEY = /^(zh|en|name(Zh|En)?|label(Zh|En)?|short(Zh|En)?|aliases|listForms)$/;

/** Every [path, text] under a name key, however deep (arrays of aliases included). */
function names(
  value: unknown,
  path: string,
  out: [string, string][] = [],
  underName = false,
): [string, string][] {
  if (typeof value === 'string') {
    if (underName) out.push([path, value]);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) names(v, `${path}[${i}]`, out, underName);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) names(v, `${path}.${k}`, out, underName || NAME_KEY.test(k));
  return out;
}

const json = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as Record<string, unknown>;
const layerFiles = readdirSync(join(ROOT, 'data', 'layers'))
  .filter((f) => f.endsWith('.geojson'))
  .sort();

describe('names carry no badge', () => {
  it('reads every layer file and finds names in each', () => {
    expect(layerFiles.length).toBeGreaterThanOrEqual(LAYERS.length);
    for (const f of layerFiles) {
      const fc = json(join('data', 'layers', f)) as { features: { properties: unknown }[] };
      expect(names(fc.features, f).length, f).toBeGreaterThan(0);
    }
  });

  it.each(layerFiles)('data/layers/%s: no feature name says 示意 / schematic / illustrative', (f) => {
    const fc = json(join('data', 'layers', f)) as { features: { properties: unknown }[] };
    const found = fc.features.flatMap((ft, i) => names(ft.properties, `features[${i}]`));
    expect(found.filter(([, text]) => BADGE_WORDS.test(text))).toEqual([]);
  });

  it.each(['seeds/gazetteer.json', 'data/gazetteer.json'])('%s: no entry name or alias says it', (p) => {
    const entries = json(p).entries as unknown[];
    const found = names(entries, 'entries');
    expect(found.length).toBeGreaterThan(entries.length); // zh, en and aliases of each entry were read
    expect(found.filter(([, text]) => BADGE_WORDS.test(text))).toEqual([]);
  });

  it('the registry: no layer name says it', () => {
    const found = LAYERS.flatMap((l) => names(l.name, l.id, [], true));
    expect(found).toHaveLength(LAYERS.length * 2);
    expect(found.filter(([, text]) => BADGE_WORDS.test(text))).toEqual([]);
  });

  it('every feature of a schematic layer still says how it was made', () => {
    const schematic = LAYERS.filter((l) => l.schematic);
    expect(schematic.length).toBeGreaterThan(0);
    for (const def of schematic) {
      const fc = json(join('data', 'layers', def.data)) as {
        features: { properties: Record<string, unknown> }[];
      };
      for (const { properties: p } of fc.features) {
        expect(p.schematic, `${def.id} ${p.zoneId}`).toBe(true);
        for (const k of ['source', 'method', 'accuracy'])
          expect(typeof p[k] === 'string' && (p[k] as string).length > 0, `${def.id} ${p.zoneId} ${k}`).toBe(
            true,
          );
      }
    }
  });
});
