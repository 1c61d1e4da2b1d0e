/**
 * Screening benchmark: a seeded synthetic red-line layer (20,000 polygons with holes, ~4 M vertices)
 * and three projects (S ~2 km/20 vertices, M ~30 km/200, L ~200 km/2,000). Times, in one run:
 *  - load: decode the binary layer + index (what the worker does), and the ring-area warm-up;
 *  - the engine's full check (overlaps with geometry + areas, buffers 500 m/1 km/5 km, nearest);
 *  - GEOS (geos-wasm 3.13) baseline: flatbush filter, prepared project, whole-containment shortcut,
 *    clip only crossers, same ellipsoidal area of the result;
 *  - naive @turf/intersect over every feature (S and M only; on a subset, extrapolated).
 * Also checks the engine's overlap areas against the GEOS clip + GeographicLib area.
 *
 *   npx tsx scripts/bench-screening.ts [--json]
 */
import { intersect as turfIntersect } from '@turf/turf';
import type Flatbush from 'flatbush';
import initGeosJs from 'geos-wasm';
import { geojsonToGeosGeom, geosGeomToGeojson } from 'geos-wasm/helpers';
import { multiPolygonArea } from '../web/domain/geo/ellipsoid.ts';
import { validateProject } from '../web/domain/geo/validate-polygon.ts';
import { overlapsInLayer, prepareProject, screenProject } from '../web/domain/screening/engine.ts';
import {
  decodeLayer,
  encodeLayer,
  featureCoordinates,
  indexLayer,
  ringArea,
  warmAreas,
} from '../web/domain/screening/layer.ts';
import { propsArray } from '../web/domain/screening/layer-props.ts';
import { BENCH_LAYER, syntheticLayer, syntheticProject } from '../web/domain/screening/synthetic-layer.ts';

const asJson = process.argv.includes('--json');
const log = (...a: unknown[]) => {
  if (!asJson) console.log(...a);
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
};

// near the east edge of the polygon in cell (col 100, row 30), so S and M cross boundaries
const CENTRE: [number, number] = [111.7222 + 0.035, 42.2495];
const SIZES = [
  { name: 'S', km: 2, n: 20, reps: 15 },
  { name: 'M', km: 30, n: 200, reps: 9 },
  { name: 'L', km: 200, n: 2000, reps: 5 },
] as const;
const BUFFERS = [500, 1000, 5000];

async function main() {
  log('generating the synthetic layer …');
  const [data, genMs] = time(() => syntheticLayer(BENCH_LAYER));
  const featureCount = data.featurePartStarts.length - 1;
  const vertexCount = data.coords.length / 2;
  const holes = data.ringStarts.length - 1 - (data.partRingStarts.length - 1);
  let maxV = 0;
  for (let p = 0; p < data.partRingStarts.length - 1; p++) {
    const r = data.partRingStarts[p] as number;
    maxV = Math.max(maxV, (data.ringStarts[r + 1] as number) - (data.ringStarts[r] as number));
  }
  const [buf, encMs] = time(() => encodeLayer(data));
  log(
    `layer: ${featureCount} polygons, ${holes} holes, ${vertexCount} vertices (max ${maxV} per outer ring), binary ${(buf.byteLength / 1e6).toFixed(1)} MB (generated in ${genMs.toFixed(0)} ms, encoded in ${encMs.toFixed(0)} ms)`,
  );

  // load = decode + index, as in the worker (median of 3)
  const loads: number[] = [];
  let index = indexLayer(decodeLayer(buf));
  for (let i = 0; i < 3; i++) {
    const copy = buf.slice(0);
    const [ix, ms] = time(() => indexLayer(decodeLayer(copy)));
    loads.push(ms);
    index = ix;
  }
  const loadMs = median(loads);
  log(`load (decode + index): ${loadMs.toFixed(0)} ms`);

  const results: Record<string, unknown>[] = [];
  const projects = SIZES.map((s) => ({ ...s, geo: syntheticProject(11, CENTRE[0], CENTRE[1], s.km, s.n) }));

  // cold: first check on a fresh index (ring areas not cached yet)
  const cold: Record<string, number> = {};
  for (const p of projects) {
    const fresh = indexLayer(decodeLayer(buf.slice(0)));
    cold[p.name] = time(() => screenProject(p.geo, [fresh], { buffersM: BUFFERS, includeGeometry: true }))[1];
  }
  // background warm-up of all ring areas (the worker does this while idle)
  const [, warmMs] = time(() => warmAreas(index, Number.POSITIVE_INFINITY));
  log(`ring-area warm-up (background, all ${data.ringStarts.length - 1} rings): ${warmMs.toFixed(0)} ms`);

  // GEOS baseline setup
  const geos = await initGeosJs();
  const [geosFeatures, geosBuildMs] = time(() => {
    const out: number[] = [];
    for (let f = 0; f < featureCount; f++) {
      out.push(geojsonToGeosGeom({ type: 'MultiPolygon', coordinates: featureCoordinates(data, f) }, geos));
    }
    return out;
  });
  log(`GEOS: building ${featureCount} geometries: ${geosBuildMs.toFixed(0)} ms`);
  const tree = index.tree as Flatbush;
  const featureArea = (f: number) => {
    const p0 = data.featurePartStarts[f] as number;
    const p1 = data.featurePartStarts[f + 1] as number;
    let a = 0;
    for (let r = data.partRingStarts[p0] as number; r < (data.partRingStarts[p1] as number); r++)
      a += ringArea(index, r);
    return a;
  };
  const geosCheck = (project: unknown) => {
    const v = validateProject(project);
    if (!v.ok) throw new Error('invalid');
    const pg = geojsonToGeosGeom(project as never, geos);
    const prep = geos.GEOSPrepare(pg);
    const env = prepareProject(v.polygons).bbox;
    const areas = new Map<number, number>();
    for (const f of tree.search(env[0], env[1], env[2], env[3])) {
      const g = geosFeatures[f] as number;
      if (!geos.GEOSPreparedIntersects(prep, g)) continue;
      if (geos.GEOSPreparedContains(prep, g)) {
        areas.set(f, featureArea(f));
        continue;
      }
      const inter = geos.GEOSIntersection(pg, g);
      const gj = geosGeomToGeojson(inter, geos) as {
        type: string;
        coordinates: number[][][] | number[][][][];
        geometries?: unknown[];
      };
      geos.GEOSGeom_destroy(inter);
      const polys =
        gj.type === 'Polygon'
          ? [gj.coordinates as number[][][]]
          : gj.type === 'MultiPolygon'
            ? (gj.coordinates as number[][][][])
            : [];
      const a = multiPolygonArea(polys);
      if (a > 0) areas.set(f, a);
    }
    geos.GEOSPreparedGeom_destroy(prep);
    geos.GEOSGeom_destroy(pg);
    return areas;
  };

  for (const p of projects) {
    const engineFull: number[] = [];
    const engineOverlap: number[] = [];
    const geosTimes: number[] = [];
    let last: ReturnType<typeof screenProject> | null = null;
    let geosAreas = new Map<number, number>();
    for (let i = 0; i < p.reps; i++) {
      const [r, ms] = time(() => screenProject(p.geo, [index], { buffersM: BUFFERS, includeGeometry: true }));
      engineFull.push(ms);
      last = r;
      engineOverlap.push(
        time(() => {
          const v = validateProject(p.geo);
          if (v.ok) overlapsInLayer(prepareProject(v.polygons), index, false);
        })[1],
      );
      const [g, gms] = time(() => geosCheck(p.geo));
      geosTimes.push(gms);
      geosAreas = g;
    }
    if (!last?.ok) throw new Error('screen failed');
    // agreement engine vs GEOS clip + GeographicLib area
    let maxRel = 0;
    let mismatched = 0;
    for (const o of last.result.overlaps) {
      const f = propsArray(data.props).findIndex((x) => x.id === o.featureId);
      const g = geosAreas.get(f);
      if (g === undefined) {
        mismatched++;
        continue;
      }
      maxRel = Math.max(maxRel, Math.abs(o.areaM2 / g - 1));
    }
    mismatched += Math.abs(geosAreas.size - last.result.overlaps.length);

    // naive turf loop over every feature: on a subset, extrapolated
    let naiveMs: number | null = null;
    let naiveNote = '';
    if (p.name !== 'L') {
      const step = p.name === 'S' ? 10 : 40;
      const subset: number[] = [];
      for (let f = 0; f < featureCount; f += step) subset.push(f);
      const turfFeatures = subset.map((f) => ({
        type: 'Feature' as const,
        properties: {},
        geometry: { type: 'MultiPolygon' as const, coordinates: featureCoordinates(data, f) },
      }));
      const projectFeature = { type: 'Feature' as const, properties: {}, geometry: p.geo };
      const reps = p.name === 'S' ? 3 : 1;
      const ts: number[] = [];
      for (let i = 0; i < reps; i++) {
        ts.push(
          time(() => {
            for (const tf of turfFeatures)
              turfIntersect({ type: 'FeatureCollection', features: [projectFeature, tf] } as never);
          })[1],
        );
      }
      naiveMs = median(ts) * (featureCount / subset.length);
      naiveNote = `every ${step}th feature (${subset.length}), ×${featureCount / subset.length}, ${reps} rep(s)`;
    }
    const row = {
      size: p.name,
      projectKm: p.km,
      projectVertices: p.n,
      overlaps: last.result.overlaps.length,
      engineMs: median(engineFull),
      engineColdMs: cold[p.name],
      engineOverlapOnlyMs: median(engineOverlap),
      geosMs: median(geosTimes),
      geosOverGaEngine: median(geosTimes) / median(engineOverlap),
      naiveMs,
      naiveNote,
      naiveSpeedup: naiveMs ? naiveMs / median(engineFull) : null,
      maxRelDiffVsGeos: maxRel,
      featureSetMismatches: mismatched,
      reps: p.reps,
    };
    results.push(row);
    log(
      `${p.name}: engine ${row.engineMs.toFixed(2)} ms full (cold ${row.engineColdMs?.toFixed(1)} ms), overlaps only ${row.engineOverlapOnlyMs.toFixed(2)} ms; GEOS ${row.geosMs.toFixed(2)} ms (GEOS/engine ${row.geosOverGaEngine.toFixed(2)}×); naive ${naiveMs ? `${(naiveMs / 1000).toFixed(1)} s (${naiveNote}), ${row.naiveSpeedup?.toFixed(0)}×` : 'skipped'}; ${row.overlaps} overlaps, max rel. diff vs GEOS ${maxRel.toExponential(1)}, set mismatches ${mismatched}`,
    );
  }
  const boundaries = benchBoundaries(index, results.find((r) => r.size === 'L')?.engineMs as number);
  const summary = {
    layer: { featureCount, vertexCount, holes, maxVertices: maxV, binaryMB: buf.byteLength / 1e6 },
    loadMs,
    warmAreasMs: warmMs,
    geosBuildMs,
    results,
    boundaries,
  };
  if (asJson) console.log(JSON.stringify(summary, null, 2));
  else {
    log(
      '\n| size | engine full (median) | cold | overlaps only | GEOS | GEOS/engine | naive turf | engine speed-up vs naive |',
    );
    log('|---|---|---|---|---|---|---|---|');
    for (const r of results as typeof results & { [k: string]: never }[]) {
      const x = r as Record<string, number | string | null>;
      log(
        `| ${x.size} | ${(x.engineMs as number).toFixed(2)} ms | ${(x.engineColdMs as number).toFixed(1)} ms | ${(x.engineOverlapOnlyMs as number).toFixed(2)} ms | ${(x.geosMs as number).toFixed(2)} ms | ${(x.geosOverGaEngine as number).toFixed(2)}× | ${x.naiveMs ? `${((x.naiveMs as number) / 1000).toFixed(1)} s*` : '—'} | ${x.naiveSpeedup ? `${(x.naiveSpeedup as number).toFixed(0)}×` : '—'} |`,
      );
    }
    log(`load (decode + index) ${loadMs.toFixed(0)} ms; *naive measured on a subset and extrapolated`);
  }
}

/** A MultiPolygon of n separate 0.001° squares in rows of 200 (4 vertices each). */
function manyParts(n: number) {
  const coordinates = Array.from({ length: n }, (_, i) => {
    const x = 111 + (i % 200) * 0.002;
    const y = 40 + Math.floor(i / 200) * 0.002;
    return [
      [
        [x, y],
        [x + 0.001, y],
        [x + 0.001, y + 0.001],
        [x, y + 0.001],
        [x, y],
      ],
    ];
  });
  return { type: 'MultiPolygon', coordinates };
}

/** One wobbly ring of n vertices round (111.5°E, 42.45°N), about 65 km across. */
function fineOutline(n: number) {
  const ring: number[][] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const r = 0.3 + 0.02 * Math.sin(7 * t);
    ring.push([111.5 + (r * Math.cos(t)) / 0.7374, 42.45 + r * Math.sin(t)]);
  }
  ring.push(ring[0] as number[]);
  return { type: 'Polygon', coordinates: [ring] };
}

/**
 * Boundary validation at scale: many parts (the parts-overlap check was quadratic: 10,000 parts took 25 s)
 * against one ring with the same number of vertices, measured in the same run; and a 300,000-vertex
 * boundary validated and screened. Ratios matter, not the absolute times.
 */
function benchBoundaries(index: ReturnType<typeof indexLayer>, largeProjectMs: number) {
  const validateMs = (g: unknown, reps: number) =>
    median(
      Array.from(
        { length: reps },
        () =>
          time(() => {
            if (!validateProject(g).ok) throw new Error('bench boundary refused');
          })[1],
      ),
    );
  const parts = [10_000, 20_000].map((n) => {
    const ms = validateMs(manyParts(n), 3);
    const baselineMs = validateMs(fineOutline(4 * n), 3);
    return { parts: n, vertices: 4 * n, ms, oneRingMs: baselineMs, ratio: ms / baselineMs };
  });
  const [p10, p20] = parts as [(typeof parts)[number], (typeof parts)[number]];
  const big = fineOutline(300_000);
  const bigValidateMs = validateMs(big, 3);
  const [bigOut, bigScreenMs] = time(() => screenProject(big, [index], { buffersM: BUFFERS }));
  if (!bigOut.ok) throw new Error('300k boundary refused');
  log(
    '\nBoundary validation (validateProject), medians of 3; baseline: one ring with as many vertices, same run',
  );
  log('| boundary | vertices | validate | one ring, same vertices | ratio |');
  log('|---|---|---|---|---|');
  for (const p of parts)
    log(
      `| ${p.parts.toLocaleString('en')} parts | ${p.vertices.toLocaleString('en')} | ${p.ms.toFixed(0)} ms | ${p.oneRingMs.toFixed(0)} ms | ${p.ratio.toFixed(2)}× |`,
    );
  log(
    `20,000 / 10,000 parts: ${(p20.ms / p10.ms).toFixed(2)}× the time for 2× the parts (≈ 2 is linear, ≈ 4 quadratic)`,
  );
  log(
    `300,000-vertex boundary: validate ${bigValidateMs.toFixed(0)} ms; full check against the bench layer ${bigScreenMs.toFixed(0)} ms (${bigOut.result.overlaps.length} overlaps), ${(bigScreenMs / largeProjectMs).toFixed(0)}× the L project's (2,000 vertices)`,
  );
  return {
    parts,
    partsScaling: p20.ms / p10.ms,
    vertices300k: {
      validateMs: bigValidateMs,
      screenMs: bigScreenMs,
      overlaps: bigOut.result.overlaps.length,
    },
  };
}

await main();
