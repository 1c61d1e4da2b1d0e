/** A minimal Shapefile writer for fixtures and the malformed corpus (polygons only, or points). */
import { signedArea } from '../../../web/domain/importers/rings.ts';

type Pos = number[];

export interface ShpFeature {
  /** Polygons as rings (first outer), any winding: written outer clockwise, holes counter-clockwise. */
  polygons: Pos[][][];
  props: Record<string, string | number>;
}

export interface DbfField {
  name: string;
  type: 'C' | 'N';
  length: number;
  decimals?: number;
}

export function writeShp(features: ShpFeature[], shapeType = 5): { shp: Uint8Array; shx: Uint8Array } {
  const recs: Uint8Array[] = [];
  for (const f of features) {
    const rings: Pos[][] = [];
    for (const poly of f.polygons) {
      poly.forEach((r, i) => {
        const cw = signedArea(r) < 0;
        rings.push((i === 0) === cw ? r : [...r].reverse());
      });
    }
    const pts = rings.flat();
    const len = 44 + rings.length * 4 + pts.length * 16;
    const b = new Uint8Array(8 + len);
    const dv = new DataView(b.buffer);
    dv.setInt32(4, len / 2, false);
    dv.setInt32(8, shapeType, true);
    const xs = pts.map((p) => p[0] as number);
    const ys = pts.map((p) => p[1] as number);
    dv.setFloat64(12, Math.min(...xs), true);
    dv.setFloat64(20, Math.min(...ys), true);
    dv.setFloat64(28, Math.max(...xs), true);
    dv.setFloat64(36, Math.max(...ys), true);
    dv.setInt32(44, rings.length, true);
    dv.setInt32(48, pts.length, true);
    let idx = 0;
    rings.forEach((r, i) => {
      dv.setInt32(52 + i * 4, idx, true);
      idx += r.length;
    });
    const at = 52 + rings.length * 4;
    pts.forEach((p, i) => {
      dv.setFloat64(at + i * 16, p[0] as number, true);
      dv.setFloat64(at + i * 16 + 8, p[1] as number, true);
    });
    recs.push(b);
  }
  const header = (total: number) => {
    const h = new Uint8Array(100);
    const dv = new DataView(h.buffer);
    dv.setInt32(0, 9994, false);
    dv.setInt32(24, total / 2, false);
    dv.setInt32(28, 1000, true);
    dv.setInt32(32, shapeType, true);
    return h;
  };
  const shpLen = 100 + recs.reduce((s, r) => s + r.length, 0);
  const shp = new Uint8Array(shpLen);
  shp.set(header(shpLen));
  const shx = new Uint8Array(100 + recs.length * 8);
  shx.set(header(shx.length));
  const sdv = new DataView(shx.buffer);
  let off = 100;
  recs.forEach((r, i) => {
    new DataView(r.buffer).setInt32(0, i + 1, false);
    shp.set(r, off);
    sdv.setInt32(100 + i * 8, off / 2, false);
    sdv.setInt32(104 + i * 8, (r.length - 8) / 2, false);
    off += r.length;
  });
  return { shp, shx };
}

export function writeDbf(
  fields: DbfField[],
  rows: Record<string, string | number>[],
  encode: (s: string) => Uint8Array,
  ldid = 0,
): Uint8Array {
  const headerLen = 32 + fields.length * 32 + 1;
  const recordLen = 1 + fields.reduce((s, f) => s + f.length, 0);
  const b = new Uint8Array(headerLen + rows.length * recordLen + 1);
  const dv = new DataView(b.buffer);
  b[0] = 3;
  b[1] = 125;
  b[2] = 1;
  b[3] = 1;
  dv.setUint32(4, rows.length, true);
  dv.setUint16(8, headerLen, true);
  dv.setUint16(10, recordLen, true);
  b[29] = ldid;
  fields.forEach((f, i) => {
    const o = 32 + i * 32;
    b.set(encode(f.name).subarray(0, 10), o);
    b[o + 11] = f.type.charCodeAt(0);
    b[o + 16] = f.length;
    b[o + 17] = f.decimals ?? 0;
  });
  b[headerLen - 1] = 0x0d;
  rows.forEach((row, r) => {
    let o = headerLen + r * recordLen;
    b[o] = 0x20;
    o++;
    for (const f of fields) {
      const v = row[f.name];
      const cell = new Uint8Array(f.length).fill(0x20);
      const text = v === undefined ? '' : f.type === 'N' ? String(v).padStart(f.length, ' ') : String(v);
      cell.set(encode(text).subarray(0, f.length));
      b.set(cell, o);
      o += f.length;
    }
  });
  b[b.length - 1] = 0x1a;
  return b;
}

export const PRJ_WGS84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
export const PRJ_CGCS2000 =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
export const PRJ_GK39 =
  'PROJCS["CGCS2000_3_Degree_GK_Zone_39",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",39500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
export const PRJ_GK_CM117 =
  'PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
export const PRJ_XIAN80 =
  'PROJCS["Xian_1980_3_Degree_GK_CM_117E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
