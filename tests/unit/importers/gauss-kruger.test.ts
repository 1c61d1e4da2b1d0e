import { describe, expect, it } from 'vitest';
import { crsFromEpsg, crsFromPrj, gaussKrugerToLonLat } from '../../../web/domain/importers/crs.ts';
import { expectClose, krugerForward, meridianArc } from './helpers.ts';

describe('CGCS2000 Gauss–Krüger', () => {
  it('a point on the central meridian has northing = meridian arc (independent integration)', () => {
    const n = meridianArc(45);
    const r = gaussKrugerToLonLat(39500000, n);
    expect(r).toBeDefined();
    expectClose(r?.[0] ?? 0, 117, 1e-9);
    expectClose(r?.[1] ?? 0, 45, 1e-8);
  });

  it('inverts the Krüger series forward projection to ~1 mm, with and without zone prefix', () => {
    for (const [lat, lon, zone] of [
      [40.85, 111.75, 37],
      [49.2, 119.6, 40],
      [38.9, 105.4, 35],
      [43.6, 116.3, 39],
    ] as const) {
      const { easting, northing } = krugerForward(lat, lon, 3 * zone);
      const prefixed = gaussKrugerToLonLat(zone * 1e6 + easting, northing);
      const plain = gaussKrugerToLonLat(easting, northing, { zone });
      for (const r of [prefixed, plain]) {
        expectClose(r?.[0] ?? 0, lon, 2e-8);
        expectClose(r?.[1] ?? 0, lat, 2e-8);
      }
    }
  });

  it('refuses an unprefixed easting without a zone', () => {
    expect(gaussKrugerToLonLat(512345, 4512345)).toBeUndefined();
  });

  it('maps EPSG 4513–4554 to zones 25–45', () => {
    const { easting, northing } = krugerForward(40.5, 117.3, 117);
    const withPrefix = crsFromEpsg(4527);
    const noPrefix = crsFromEpsg(4548);
    expect(withPrefix?.kind).toBe('projected');
    if (withPrefix?.kind !== 'projected' || noPrefix?.kind !== 'projected') throw new Error('projected');
    expectClose(withPrefix.toLonLat(39e6 + easting, northing)[0], 117.3, 1e-8);
    expectClose(noPrefix.toLonLat(easting, northing)[1], 40.5, 1e-8);
  });

  it('reads ESRI .prj for CGCS2000 GK and refuses Xian 80 / Beijing 54 by name', () => {
    const prj =
      'PROJCS["CGCS2000_3_Degree_GK_Zone_39",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",39500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const c = crsFromPrj(prj);
    if (c.kind !== 'projected') throw new Error('projected');
    const { easting, northing } = krugerForward(42.1, 118.2, 117);
    const [lon, lat] = c.toLonLat(39e6 + easting, northing);
    expectClose(lon, 118.2, 2e-8);
    expectClose(lat, 42.1, 2e-8);
    expect(() => crsFromPrj(prj.replace(/China_Geodetic_Coordinate_System_2000/g, 'Xian_1980'))).toThrow(
      /unsupported/,
    );
    expect(() =>
      crsFromPrj('PROJCS["Beijing_1954_3_Degree_GK_CM_117E",GEOGCS["GCS_Beijing_1954"]]'),
    ).toThrow();
  });
});
