// storedFeatureProperties (one object literal) against the three steps it stands for: userFeatureProperties, a
// usable name, withIdAndName. The same keys in the same order with the same values, for properties of every kind.
import { describe, expect, it } from 'vitest';
import { storedFeatureProperties, usableName } from '../../../web/domain/projects/stored-layer.ts';
import { userFeatureProperties } from '../../../web/domain/projects/user-layer.ts';
import { withIdAndName } from '../../../web/domain/screening/layer-features.ts';
import { seededRandom } from '../../../web/domain/screening/synthetic-layer.ts';

function threeSteps(
  properties: Record<string, unknown> | null,
  featureId: unknown,
  i: number,
  o: { layerId: string; zoneType?: string },
) {
  const p = userFeatureProperties(properties, i, o.layerId, o.zoneType);
  if (typeof p.name !== 'string') {
    const name = usableName(p);
    if (name) p.name = name;
  }
  return withIdAndName(p, featureId, i);
}

const KEYS = ['name', 'NAME', '名称', 'DKMC', 'zh', 'en', 'id', 'zoneId', 'zoneType', 'area', '__proto__'];
const VALUES: unknown[] = ['', ' ', '图斑 1', 'x', 0, 12.5, Number.NaN, null, true, { a: 1 }, [1]];

describe('storedFeatureProperties', () => {
  it('gives the keys, their order and values of userFeatureProperties, a usable name and withIdAndName', () => {
    const rnd = seededRandom(17);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
    let named = 0;
    for (let k = 0; k < 20_000; k++) {
      let properties: Record<string, unknown> | null = null;
      if (rnd() < 0.9) {
        // as JSON.parse makes them: "__proto__" an own key
        const entries: string[] = [];
        for (let n = Math.floor(rnd() * 5); n > 0; n--)
          entries.push(`${JSON.stringify(pick(KEYS))}:${JSON.stringify(pick(VALUES)) ?? 'null'}`);
        properties = JSON.parse(`{${entries.join(',')}}`) as Record<string, unknown>;
      }
      const featureId = pick([undefined, 'f1', 7, 0, '']);
      const i = Math.floor(rnd() * 1000);
      const o =
        rnd() < 0.5
          ? { layerId: 'farmland' }
          : { layerId: 'farmland', zoneType: pick(['farmland-permanent', '']) };
      const want = threeSteps(properties, featureId, i, o);
      const got = storedFeatureProperties(properties, featureId, i, o);
      expect(Object.keys(got)).toEqual(Object.keys(want));
      expect(got).toEqual(want);
      if (typeof got.name === 'string' && typeof properties?.name !== 'string') named++;
    }
    // names found under other keys (or made of zh / en) were part of what was compared
    expect(named).toBeGreaterThan(1000);
  });
});
