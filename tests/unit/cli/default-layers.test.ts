/**
 * One rule for which layers are screened (layers/screening.ts): the CLI's default layers are the app's screening
 * layers, in the same order and with the same engine metadata, and neither repeats the rule.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../../layers/registry.ts';
import { screeningLayerDefs, screeningPlan, zoneTypeOf } from '../../../layers/screening.ts';
import { defaultLayers } from '../../../scripts/cli/inputs.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(join(ROOT, p)).isDirectory()) return sources(p);
    return /\.tsx?$/.test(n) ? [p] : [];
  });
}

describe('screening layers: one rule for the app and the CLI', () => {
  const loaded = defaultLayers();

  it("the CLI's default layers are the app's screening layers, in order, with the same engine metadata", () => {
    // the layers with no built-in data (三区三线) are not read: every result lists them as not loaded
    const { read: defs, notLoaded } = screeningPlan(new Set());
    expect(notLoaded.map((d) => d.id)).toEqual(['farmland-permanent', 'urban-boundary']);
    expect([...defs, ...notLoaded].map((d) => d.id).sort()).toEqual(
      screeningLayerDefs()
        .map((d) => d.id)
        .sort(),
    );
    expect(defs.length).toBeGreaterThan(0);
    expect(loaded.map((l) => l.index.data.meta)).toEqual(
      defs.map((d) => ({
        id: d.id,
        nameZh: d.name.zh,
        nameEn: d.name.en,
        version: d.data,
        defaultZoneType: zoneTypeOf(d),
      })),
    );
  });

  it('every registry layer whose data carries a zone type is screened; the red-line layer is among them', () => {
    const screened = new Set(loaded.map((l) => l.index.data.meta.id));
    for (const def of LAYERS.filter((d) => !d.userDataOnly)) {
      const fc = JSON.parse(read(join('data', 'layers', def.data))) as {
        features: { properties?: Record<string, unknown> }[];
      };
      const typed = fc.features.some((f) => typeof f.properties?.zoneType === 'string');
      if (typed) expect(screened, def.id).toContain(def.id);
    }
    expect(screened).toContain('redline-illustrative');
    // a base layer with no zone type is context, not screened
    expect(screened).not.toContain('leagues');
  });

  it('the app and the CLI take the set from layers/screening.ts; scripts never import the app (web/src)', () => {
    const rule = /group\s*===\s*'redline'/;
    const offenders = [...sources('web'), ...sources('scripts'), ...sources('layers')].filter(
      (p) => p !== join('layers', 'screening.ts') && rule.test(read(p)),
    );
    expect(offenders).toEqual([]);
    const fromRule =
      /import \{[^}]*\b(screeningLayerDefs|screeningPlan)\b[^}]*\} from '[./]*layers\/screening\.ts'/;
    // the check and the CLI read the set from the rule, and so does every other place that names it
    const users = [...sources('web'), ...sources('scripts')].filter((p) =>
      /\b(screeningLayerDefs|screeningPlan)\b/.test(read(p)),
    );
    expect(users).toEqual(
      expect.arrayContaining([join('web/src/screening/check.ts'), join('scripts/cli/inputs.ts')]),
    );
    for (const p of users) expect(read(p), p).toMatch(fromRule);
    const fromApp = sources('scripts').filter((p) => /from '[^']*web\/src\//.test(read(p)));
    expect(fromApp.map((p) => relative(ROOT, join(ROOT, p)))).toEqual([]);
  });
});
