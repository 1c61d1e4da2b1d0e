/**
 * The seeded farmland-like layer (web/domain/screening/farmland-layer.ts) that the bench and browser tests load
 * as a 永久基本农田 file: its size, determinism, and that every parcel is a valid polygon of 0.5–20 ha that no
 * other parcel overlaps.
 */
import { describe, expect, it } from 'vitest';
import { ringSignedArea } from '../../../web/domain/geo/ellipsoid.ts';
import { screenProject } from '../../../web/domain/screening/engine.ts';
import {
  FARMLAND_BENCH,
  FARMLAND_PLAINS,
  farmlandLayer,
  farmlandName,
} from '../../../web/domain/screening/farmland-layer.ts';
import { featureCoordinates, type LayerData } from '../../../web/domain/screening/layer.ts';
import { prepareLayer, validateLayer } from '../../../web/domain/screening/layer-check.ts';
import { propsArray } from '../../../web/domain/screening/layer-props.ts';

function parcelAreasM2(d: LayerData): number[] {
  const out: number[] = [];
  for (let f = 0; f + 1 < d.featurePartStarts.length; f++) {
    const p = d.featurePartStarts[f] as number;
    let a = 0;
    for (let r = d.partRingStarts[p] as number; r < (d.partRingStarts[p + 1] as number); r++)
      a += ringSignedArea(d.coords, d.ringStarts[r] as number, d.ringStarts[r + 1] as number);
    out.push(a);
  }
  return out;
}

describe('farmland-like layer', () => {
  it('has the benchmark size: 300,000 valid parcels of 0.5–20 ha, named, on the plains, some with holes', () => {
    const d = farmlandLayer(FARMLAND_BENCH);
    expect(d.props).toHaveLength(300_000);
    expect(d.featurePartStarts).toHaveLength(300_001);
    const check = validateLayer(d, { geometry: true });
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([]);
    const areas = parcelAreasM2(d);
    const outside = areas.filter((a) => !(a >= 5_000 && a <= 200_000));
    expect(outside).toEqual([]);
    // the spread a farmland layer has: parcels under 2 ha and over 10 ha both occur
    expect(areas.some((a) => a < 20_000)).toBe(true);
    expect(areas.some((a) => a > 100_000)).toBe(true);
    const holes = d.ringStarts.length - 1 - d.props.length;
    expect(holes).toBeGreaterThan(0.02 * d.props.length);
    expect(holes).toBeLessThan(0.06 * d.props.length);
    expect(d.props.at(122)).toMatchObject({
      name: '永久基本农田图斑 000123',
      zoneType: 'farmland-permanent',
    });
    expect(new Set(propsArray(d.props).map((p) => p.id)).size).toBe(300_000);
    // every vertex lies in one of the plains (the blocks reach at most ~1 km past their ellipse)
    const perPlain = FARMLAND_PLAINS.map(() => 0);
    for (let v = 0; 2 * v < d.coords.length; v += 97) {
      const x = d.coords[2 * v] as number;
      const y = d.coords[2 * v + 1] as number;
      const k = FARMLAND_PLAINS.findIndex(
        (p) => ((x - p.lon) / (p.rx + 0.02)) ** 2 + ((y - p.lat) / (p.ry + 0.02)) ** 2 <= 1,
      );
      expect(k, `vertex ${x}, ${y}`).toBeGreaterThanOrEqual(0);
      perPlain[k] = (perPlain[k] as number) + 1;
    }
    for (const n of perPlain) expect(n).toBeGreaterThan(0);
  });

  it('is the same for the same seed and differs for another', () => {
    const a = farmlandLayer({ seed: 7, parcels: 20_000 });
    const b = farmlandLayer({ seed: 7, parcels: 20_000 });
    const c = farmlandLayer({ seed: 8, parcels: 20_000 });
    expect(a.props).toHaveLength(20_000);
    expect(Array.from(a.coords)).toEqual(Array.from(b.coords));
    expect(Array.from(a.ringStarts)).toEqual(Array.from(b.ringStarts));
    expect(a.props).toEqual(b.props);
    expect(c.coords.length === a.coords.length && c.coords.every((x, i) => x === a.coords[i])).toBe(false);
  });

  it('has no two parcels overlapping: each parcel checked as a project overlaps only itself, by its own area', () => {
    const d = farmlandLayer({ seed: 11, parcels: 20_000 });
    const prepared = prepareLayer(d);
    if (!prepared.ok) throw new Error('layer refused');
    const areas = parcelAreasM2(d);
    for (let f = 0; f < 20_000; f += 37) {
      const out = screenProject(
        { type: 'MultiPolygon', coordinates: featureCoordinates(d, f) },
        [prepared.index],
        { includeGeometry: false, nearest: false },
      );
      if (!out.ok) throw new Error(`parcel ${f} refused as a project`);
      const touched = out.result.overlaps.filter((o) => o.areaM2 > 1e-6);
      expect(touched.map((o) => o.featureId)).toEqual([d.props.at(f)?.id]);
      expect(touched[0]?.areaM2).toBeCloseTo(areas[f] as number, 3);
    }
  });

  it('names parcels with a six-digit number', () => {
    expect(farmlandName(123)).toBe('永久基本农田图斑 000123');
    expect(farmlandName(300_000)).toBe('永久基本农田图斑 300000');
  });
});
