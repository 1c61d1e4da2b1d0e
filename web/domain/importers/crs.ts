import proj4 from 'proj4';
import type { GaussKrugerOption } from './types.ts';

/** A coordinate reference the importers can turn into lon/lat. */
export type Crs =
  | { kind: 'lonlat'; name: string }
  | { kind: 'projected'; name: string; toLonLat: (x: number, y: number) => [number, number] };

export const LONLAT: Crs = { kind: 'lonlat', name: 'WGS84 / CGCS2000 lon/lat' };

/** Thrown when a declared CRS cannot be used. `datum` is set for Xian80 / Beijing54. */
export class CrsError extends Error {
  constructor(
    readonly crsName: string,
    readonly datum?: string,
  ) {
    super(`unsupported CRS ${crsName}`);
  }
}

const tmCache = new Map<number, proj4.Converter>();

function tmForMeridian(lon0: number): proj4.Converter {
  let c = tmCache.get(lon0);
  if (!c) {
    c = proj4(
      `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs`,
      'WGS84',
    );
    tmCache.set(lon0, c);
  }
  return c;
}

export function centralMeridian(zone: number, zoneWidth: 3 | 6): number {
  return zoneWidth === 3 ? 3 * zone : 6 * zone - 3;
}

/** Zone number from a zone-prefixed easting (e.g. 39512345.6 → 39), or undefined when not prefixed. */
export function zoneFromEasting(easting: number): number | undefined {
  if (Math.abs(easting) < 1e7) return undefined;
  return Math.floor(easting / 1e6);
}

/**
 * CGCS2000 Gauss–Krüger (GRS80, k = 1, false easting 500 km, X = northing).
 * Eastings with a zone prefix choose their zone; others use `zone`.
 * Returns undefined when a coordinate has no prefix and no zone is known.
 */
export function gaussKrugerToLonLat(
  easting: number,
  northing: number,
  opt: GaussKrugerOption = {},
): [number, number] | undefined {
  const width = opt.zoneWidth ?? 3;
  const prefixed = zoneFromEasting(easting);
  const zone = prefixed ?? opt.zone;
  if (zone === undefined || !Number.isFinite(zone)) return undefined;
  const e = prefixed !== undefined ? easting - prefixed * 1e6 : easting;
  const out = tmForMeridian(centralMeridian(zone, width)).forward([e, northing]);
  return [out[0] as number, out[1] as number];
}

export function lonLatToGaussKruger(
  lon: number,
  lat: number,
  zone: number,
  zoneWidth: 3 | 6 = 3,
): [number, number] {
  const out = tmForMeridian(centralMeridian(zone, zoneWidth)).inverse([lon, lat]);
  return [(out[0] as number) + zone * 1e6, out[1] as number];
}

export function gaussKrugerCrs(opt: GaussKrugerOption): Crs {
  const width = opt.zoneWidth ?? 3;
  const name = `CGCS2000 ${width}° Gauss–Krüger${opt.zone !== undefined ? ` zone ${opt.zone}` : ''}`;
  return {
    kind: 'projected',
    name,
    toLonLat: (x, y) => {
      const r = gaussKrugerToLonLat(x, y, opt);
      if (!r) throw new CrsError(name);
      return r;
    },
  };
}

/** EPSG codes of Xian 1980 and Beijing 1954 (geographic and Gauss–Krüger), which need local parameters. */
function legacyDatum(code: number): string | undefined {
  if (code === 4610 || (code >= 2327 && code <= 2390)) return 'Xian 1980 (西安80)';
  if (code === 4214 || (code >= 2401 && code <= 2442) || (code >= 21413 && code <= 21423))
    return 'Beijing 1954 (北京54)';
  if (code >= 21453 && code <= 21463) return 'Beijing 1954 (北京54)';
  return undefined;
}

/** CRS from an EPSG code (GeoJSON "crs" member, .prj authority, EWKT SRID). Throws CrsError for Xian80/Beijing54. */
export function crsFromEpsg(code: number): Crs | undefined {
  const datum = legacyDatum(code);
  if (datum) throw new CrsError(`EPSG:${code}`, datum);
  if (code === 4326 || code === 4490) return LONLAT;
  // CGCS2000 Gauss–Krüger: 3° zones 25–45 with zone prefix (4513–4533) and by CM without (4534–4554);
  // 6° zones 13–23 with prefix (4491–4501) and by CM without (4502–4512).
  if (code >= 4513 && code <= 4533) return gaussKrugerCrs({ zoneWidth: 3, zone: code - 4513 + 25 });
  if (code >= 4534 && code <= 4554) return gaussKrugerCrs({ zoneWidth: 3, zone: code - 4534 + 25 });
  if (code >= 4491 && code <= 4501) return gaussKrugerCrs({ zoneWidth: 6, zone: code - 4491 + 13 });
  if (code >= 4502 && code <= 4512) return gaussKrugerCrs({ zoneWidth: 6, zone: code - 4502 + 13 });
  if ((code >= 32601 && code <= 32660) || (code >= 32701 && code <= 32760)) {
    const zone = code % 100;
    const south = code > 32700 ? ' +south' : '';
    return projFromDef(
      `WGS 84 / UTM zone ${zone}${south ? 'S' : 'N'} (EPSG:${code})`,
      `+proj=utm +zone=${zone}${south} +datum=WGS84 +units=m +no_defs`,
    );
  }
  if (code === 3857 || code === 900913) {
    const c = proj4('EPSG:3857', 'WGS84');
    return {
      kind: 'projected',
      name: 'Web Mercator (EPSG:3857)',
      toLonLat: (x, y) => c.forward([x, y]) as [number, number],
    };
  }
  return undefined;
}

/**
 * Parse a GeoJSON 2008 "crs" name: "EPSG:4527", "urn:ogc:def:crs:EPSG::4527", "urn:ogc:def:crs:EPSG:6.6:4527",
 * "http://www.opengis.net/def/crs/EPSG/0/4527" or OGC CRS84.
 */
export function crsFromName(name: string): Crs | undefined {
  const t = name.trim();
  if (/CRS:?84$/i.test(t)) return LONLAT;
  const m = /EPSG:(?:[\d.]*:)?(\d+)$/i.exec(t) ?? /\/EPSG\/[\d.]+\/(\d+)$/i.exec(t);
  if (!m) return undefined;
  return crsFromEpsg(Number(m[1]));
}

const XIAN = /xian[\s_-]*(19)?80|西安\s*80|西安1980|IAG[\s_]*1975/i;
const BEIJING = /beijing[\s_-]*(19)?54|北京\s*54|北京1954|krassowsky|krasovsky/i;

/** CRS from a Shapefile .prj (ESRI WKT). Throws CrsError when not usable. */
export function crsFromPrj(wkt: string): Crs {
  const text = wkt.trim();
  const name = /^(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS)\s*\[\s*"([^"]*)"/i.exec(text)?.[1] ?? text.slice(0, 60);
  if (XIAN.test(text)) throw new CrsError(name, 'Xian 1980 (西安80)');
  if (BEIJING.test(text)) throw new CrsError(name, 'Beijing 1954 (北京54)');
  if (/^GEOG(CS|CRS)/i.test(text)) {
    if (
      /WGS[\s_]*(19)?84|China[\s_]Geodetic[\s_]Coordinate[\s_]System[\s_]2000|CGCS[\s_]*2000|D_China_2000/i.test(
        text,
      )
    ) {
      return { kind: 'lonlat', name };
    }
    throw new CrsError(name);
  }
  if (!/^PROJ(CS|CRS)/i.test(text)) throw new CrsError(name);
  // CGCS2000 Gauss–Krüger: read the parameters ourselves, so the zone prefix logic is the same everywhere.
  if (/China[\s_]Geodetic|CGCS[\s_]*2000|China_2000/i.test(text) && /Gauss|Transverse_Mercator/i.test(text)) {
    const cm = numParam(text, 'central_meridian');
    const fe = numParam(text, 'false_easting');
    const k = numParam(text, 'scale_factor') ?? 1;
    if (cm !== undefined && fe !== undefined && k === 1) {
      return projFromDef(
        name,
        `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${fe} +y_0=0 +ellps=GRS80 +units=m +no_defs`,
      );
    }
  }
  try {
    return projFromDef(name, text);
  } catch (e) {
    if (e instanceof CrsError) throw e;
    throw new CrsError(name);
  }
}

function numParam(wkt: string, key: string): number | undefined {
  const re = new RegExp(`PARAMETER\\s*\\[\\s*"${key}"\\s*,\\s*(-?[\\d.eE+-]+)\\s*\\]`, 'i');
  const m = re.exec(wkt);
  return m ? Number(m[1]) : undefined;
}

function projFromDef(name: string, def: string): Crs {
  const conv = proj4(def, 'WGS84');
  // A sanity probe: a converter that returns non-finite values for its own origin is unusable.
  return {
    kind: 'projected',
    name,
    toLonLat: (x, y) => {
      const r = conv.forward([x, y]);
      const lon = r[0] as number;
      const lat = r[1] as number;
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new CrsError(name);
      return [lon, lat];
    },
  };
}
