import { area, buffer, difference, featureCollection, pointToLineDistance, polygonToLine } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { syntheticProject } from '../../../web/domain/screening/synthetic-layer.ts';
import { bufferRings } from '../../../web/src/screening/buffer-rings.ts';

type Area = Feature<Polygon | MultiPolygon>;
const DISTANCES = [500, 1000, 5000];

const fc = (geometry: Polygon): FeatureCollection<Polygon> => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: {}, geometry }],
});

/** The point x km east and y km north of 111°E, 42°N. */
const at = (x: number, y: number): Position => [
  111 + x / (111.32 * Math.cos((42 * Math.PI) / 180)),
  42 + y / 111.0,
];

/** A 20 km square with a notch 2 km wide and 15 km deep: the 5 km ring closes the notch, the 500 m one does not. */
function notched(): Polygon {
  const ring = [
    at(0, 0),
    at(20, 0),
    at(20, 20),
    at(11, 20),
    at(11, 5),
    at(9, 5),
    at(9, 20),
    at(0, 20),
    at(0, 0),
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

const vertices = (f: Area): Position[] =>
  f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2);

/** An area's outlines as lines, for pointToLineDistance. */
function outlines(f: Area): Feature<never>[] {
  const l = polygonToLine(f);
  return (l.type === 'FeatureCollection' ? l.features : [l]) as Feature<never>[];
}

/** Each vertex's distance (m, on the sphere) to the project's outline, as a share of `d`: the lowest and highest. */
function band(ring: Area, project: Feature<Polygon>, d: number): [number, number] {
  const lines = outlines(project);
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const v of vertices(ring)) {
    const m = Math.min(...lines.map((l) => pointToLineDistance(v, l, { units: 'meters' })));
    lo = Math.min(lo, m / d);
    hi = Math.max(hi, m / d);
  }
  return [lo, hi];
}

const cases: [string, Polygon][] = [
  ['a 2 km project of 20 vertices', syntheticProject(7, 111.76, 42.25, 2, 20)],
  ['a 30 km project of 200 vertices', syntheticProject(7, 111.76, 42.25, 30, 200)],
  ['a square with a notch', notched()],
];

describe('buffer rings for the map (grown ring from ring)', () => {
  for (const [name, geometry] of cases) {
    it(`${name}: each ring is within 1 % of its distance of Turf's own ring around the project`, () => {
      const project = fc(geometry);
      const rings = bufferRings(project, DISTANCES);
      // largest first, one feature per distance here
      expect(rings.features.map((f) => f.properties?.distanceM)).toEqual([5000, 1000, 500]);
      const projectArea = area(project);
      for (const ring of rings.features) {
        const d = ring.properties?.distanceM as number;
        const direct = buffer(project, d / 1000, { units: 'kilometers', steps: 16 })?.features[0] as Area;
        // the band between project and ring: what the two rings may disagree on is under 1 % of it
        const apart = difference(featureCollection([ring, direct]));
        const apart2 = difference(featureCollection([direct, ring]));
        const disagree = (apart ? area(apart) : 0) + (apart2 ? area(apart2) : 0);
        expect(disagree / (area(direct) - projectArea), `${d} m`).toBeLessThan(0.01);
        // every vertex lies at the distance, give or take 1 % more than Turf's own ring's vertices
        const [lo, hi] = band(ring, project.features[0] as Feature<Polygon>, d);
        const [dlo, dhi] = band(direct, project.features[0] as Feature<Polygon>, d);
        expect(lo, `${d} m: nearest vertex`).toBeGreaterThan(Math.min(dlo, 1) - 0.01);
        expect(hi, `${d} m: farthest vertex`).toBeLessThan(Math.max(dhi, 1) + 0.01);
      }
    });
  }

  it('the notch: the 5 km ring closes it, the 500 m ring leaves it open', () => {
    const rings = bufferRings(fc(notched()), DISTANCES);
    // in the notch, 10 km east and 12 km north of the square's corner
    const inNotch = at(10, 12);
    const ring = (d: number) =>
      outlines(rings.features.find((f) => f.properties?.distanceM === d) as Area)[0];
    // 5 km ring: its outline stays away from the notch (over 5 km); 500 m ring: its outline runs 500 m from the
    // notch's walls, so within 1 km of the notch's middle line
    expect(pointToLineDistance(inNotch, ring(5000) as Feature<never>, { units: 'meters' })).toBeGreaterThan(
      5000,
    );
    expect(pointToLineDistance(inNotch, ring(500) as Feature<never>, { units: 'meters' })).toBeLessThan(1000);
  });
});
