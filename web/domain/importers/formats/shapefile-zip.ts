import type { Position } from 'geojson';
import { type Crs, crsFromPrj } from '../crs.ts';
import type { ParsedFeature, ParseOutput, ZipImporter } from '../format.ts';
import { ImportAbort, type Loc, loc, makeMessage, type Reporter } from '../messages.ts';
import { assembleRings } from '../rings.ts';
import { decodeText, encodingFromCpg, isValidUtf8 } from '../text-decode.ts';
import { featureName } from './geojson.ts';

export interface DbfTable {
  fields: { name: string; type: string; length: number }[];
  records: Record<string, unknown>[];
  encoding: string;
}

const POLYGON_TYPES = new Set([5, 15, 25]);
const TYPE_NAMES: Record<number, string> = {
  0: 'Null',
  1: 'Point',
  3: 'PolyLine',
  8: 'MultiPoint',
  11: 'PointZ',
  13: 'PolyLineZ',
  18: 'MultiPointZ',
  21: 'PointM',
  23: 'PolyLineM',
  28: 'MultiPointM',
  31: 'MultiPatch',
};

/** Read the polygon records of a .shp file. Rings are grouped by containment (robust to wrong winding). */
export function readShp(
  shp: Uint8Array,
  file: string,
  entry?: Loc,
): { type: number; shapes: ({ polygons: Position[][][] } | null)[] } {
  const at = (where?: Loc): Loc | undefined => (where && entry ? loc.within(entry, where) : (where ?? entry));
  const bad = (detail: string, detailZh: string, where?: Loc) =>
    new ImportAbort(makeMessage(file, 'shp-invalid', at(where), { detail, detailZh }));
  if (shp.length < 100)
    throw bad(
      `file is ${shp.length} bytes, shorter than the 100-byte header`,
      `文件只有 ${shp.length} 字节，不足 100 字节的文件头`,
    );
  const dv = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (dv.getInt32(0, false) !== 9994)
    throw bad('wrong file code (not a Shapefile)', '文件标识不对（不是 Shapefile）');
  const type = dv.getInt32(32, true);
  if (!POLYGON_TYPES.has(type)) {
    throw new ImportAbort(
      makeMessage(file, 'geometry-unsupported', entry, {
        type: `Shapefile ${TYPE_NAMES[type] ?? `type ${type}`}`,
      }),
    );
  }
  const declaredLen = dv.getInt32(24, false) * 2;
  const end = Math.min(shp.length, declaredLen > 100 ? declaredLen : shp.length);
  const shapes: ({ polygons: Position[][][] } | null)[] = [];
  let off = 100;
  let rec = 0;
  while (off + 8 <= end) {
    rec++;
    const where = loc.record(rec);
    const len = dv.getInt32(off + 4, false) * 2;
    const start = off + 8;
    if (len < 4 || start + len > shp.length)
      throw bad(`record length ${len} runs past the end of the file`, `记录长度 ${len} 超出文件末尾`, where);
    const st = dv.getInt32(start, true);
    if (st === 0) {
      shapes.push(null);
      off = start + len;
      continue;
    }
    if (!POLYGON_TYPES.has(st))
      throw bad(`shape type ${st} in a polygon file`, `面文件中出现几何类型 ${st}`, where);
    if (len < 44) throw bad('polygon record too short', '面记录过短', where);
    const numParts = dv.getInt32(start + 36, true);
    const numPoints = dv.getInt32(start + 40, true);
    const partsAt = start + 44;
    const pointsAt = partsAt + numParts * 4;
    if (numParts < 1 || numPoints < 1 || numParts > numPoints || pointsAt + numPoints * 16 > start + len) {
      throw bad(
        `${numParts} parts / ${numPoints} points do not fit in the record`,
        `${numParts} 个部分 / ${numPoints} 个点超出记录长度`,
        where,
      );
    }
    const parts: number[] = [];
    for (let i = 0; i < numParts; i++) parts.push(dv.getInt32(partsAt + i * 4, true));
    const rings: Position[][] = [];
    for (let i = 0; i < numParts; i++) {
      const a = parts[i] as number;
      const b = i + 1 < numParts ? (parts[i + 1] as number) : numPoints;
      if (a < 0 || b > numPoints || a >= b)
        throw bad(
          `part ${i + 1} has invalid point range ${a}–${b}`,
          `第 ${i + 1} 部分的点范围 ${a}–${b} 无效`,
          where,
        );
      const ring: Position[] = [];
      for (let k = a; k < b; k++) {
        ring.push([dv.getFloat64(pointsAt + k * 16, true), dv.getFloat64(pointsAt + k * 16 + 8, true)]);
      }
      rings.push(ring);
    }
    const finite = rings.every((r) => r.every((p) => Number.isFinite(p[0]) && Number.isFinite(p[1])));
    shapes.push({
      polygons: finite && rings.every((r) => r.length >= 4) ? assembleRings(rings) : rings.map((r) => [r]),
    });
    off = start + len;
  }
  return { type, shapes };
}

/** Read a .dbf table. The encoding comes from .cpg, else the language driver byte, else UTF-8 validity. */
export function readDbf(dbf: Uint8Array, file: string, cpg?: string, entry?: Loc): DbfTable {
  const bad = (detail: string, detailZh: string) =>
    new ImportAbort(makeMessage(file, 'dbf-invalid', entry, { detail, detailZh }));
  if (dbf.length < 32) throw bad('file shorter than its 32-byte header', '文件不足 32 字节的文件头');
  const dv = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const numRecords = dv.getUint32(4, true);
  const headerLen = dv.getUint16(8, true);
  const recordLen = dv.getUint16(10, true);
  if (headerLen < 33 || headerLen > dbf.length)
    throw bad(`header length ${headerLen} is invalid`, `文件头长度 ${headerLen} 无效`);
  const fieldsRaw: { nameBytes: Uint8Array; type: string; length: number; decimals: number }[] = [];
  for (let o = 32; o + 32 <= headerLen && dbf[o] !== 0x0d; o += 32) {
    const nameBytes = dbf.subarray(o, o + 11);
    const z = nameBytes.indexOf(0);
    fieldsRaw.push({
      nameBytes: z >= 0 ? nameBytes.subarray(0, z) : nameBytes,
      type: String.fromCharCode(dbf[o + 11] as number),
      length: dbf[o + 16] as number,
      decimals: dbf[o + 17] as number,
    });
  }
  const sum = 1 + fieldsRaw.reduce((s, f) => s + f.length, 0);
  if (recordLen < sum)
    throw bad(
      `record length ${recordLen} is shorter than its fields (${sum})`,
      `记录长度 ${recordLen} 小于字段总长（${sum}）`,
    );
  const available = Math.floor((dbf.length - headerLen) / recordLen);
  const n = Math.min(numRecords, available);

  let encoding = cpg ? encodingFromCpg(cpg) : undefined;
  if (!encoding) {
    const ldid = dbf[29];
    if (ldid === 0x4d || ldid === 0x7a) encoding = 'gb18030';
    else {
      const body = dbf.subarray(32, headerLen + n * recordLen);
      encoding = isValidUtf8(body) ? 'utf-8' : 'gb18030';
    }
  }
  const dec = new TextDecoder(encoding);
  const fields = fieldsRaw.map((f) => ({
    name: dec.decode(f.nameBytes).trim(),
    type: f.type,
    length: f.length,
    decimals: f.decimals,
  }));
  const records: Record<string, unknown>[] = [];
  for (let r = 0; r < n; r++) {
    let o = headerLen + r * recordLen;
    const deleted = dbf[o] === 0x2a;
    o += 1;
    const rec: Record<string, unknown> = {};
    for (const f of fields) {
      const raw = dbf.subarray(o, o + f.length);
      o += f.length;
      const s = dec.decode(raw).replace(/\0+$/, '').trim();
      if (f.type === 'N' || f.type === 'F') {
        rec[f.name] = s === '' || /^\*+$/.test(s) ? null : Number(s);
        if (typeof rec[f.name] === 'number' && !Number.isFinite(rec[f.name])) rec[f.name] = s;
      } else if (f.type === 'L') {
        rec[f.name] = /^[YyTt]$/.test(s) ? true : /^[NnFf]$/.test(s) ? false : null;
      } else if (f.type === 'D') {
        rec[f.name] = /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : s || null;
      } else {
        rec[f.name] = s;
      }
    }
    if (!deleted) records.push(rec);
    else records.push({ __deleted: true });
  }
  return { fields: fields.map(({ name, type, length }) => ({ name, type, length })), records, encoding };
}

/** A zipped Shapefile (entries already safely inflated). */
export function parseShapefileZip(
  entries: ReadonlyMap<string, Uint8Array>,
  rep: Reporter,
  purpose: 'boundary' | 'layer',
): ParseOutput {
  const file = rep.file;
  const byLower = new Map<string, [string, Uint8Array]>();
  for (const [k, v] of entries) byLower.set(k.toLowerCase(), [k, v]);
  const shps = [...byLower.keys()].filter((k) => k.endsWith('.shp'));
  if (shps.length === 0) {
    const other = [...byLower.keys()].find((k) => /\.(dbf|shx|prj)$/.test(k));
    if (other) {
      throw new ImportAbort(
        makeMessage(file, 'zip-missing-part', undefined, {
          name: (byLower.get(other) as [string, Uint8Array])[0].replace(/\.[^.]+$/, ''),
          part: '.shp',
        }),
      );
    }
    throw new ImportAbort(makeMessage(file, 'zip-no-content'));
  }
  const features: ParsedFeature[] = [];
  let crs: Crs | undefined;
  let prjText: string | undefined;
  let encoding: string | undefined;
  for (const shpKey of shps) {
    const base = shpKey.slice(0, -4);
    const displayBase = (byLower.get(shpKey) as [string, Uint8Array])[0].slice(0, -4);
    const get = (ext: string) => byLower.get(base + ext)?.[1];
    const dbf = get('.dbf');
    if (!dbf)
      throw new ImportAbort(
        makeMessage(file, 'zip-missing-part', undefined, { name: displayBase, part: '.dbf' }),
      );
    if (!get('.shx')) rep.warn('zip-missing-part', undefined, { name: displayBase, part: '.shx' });
    const prj = get('.prj');
    const cpg = get('.cpg');
    const thisPrj = prj ? decodeText(prj).text.trim() : '';
    if (prjText !== undefined && thisPrj !== prjText) {
      rep.error('format-unsupported', undefined, {
        what: 'several Shapefiles with different .prj in one archive',
      });
      return { features: [], closePolicy: 'require' };
    }
    if (prjText === undefined) {
      prjText = thisPrj;
      if (!prj) rep.warn('prj-missing', loc.entry(displayBase));
      else {
        const c = crsFromPrj(thisPrj);
        if (c.kind === 'projected') crs = c;
      }
    }
    const shp = get('.shp') as Uint8Array;
    const { shapes } = readShp(shp, file, loc.entry(`${displayBase}.shp`));
    const table = readDbf(dbf, file, cpg ? decodeText(cpg).text : undefined, loc.entry(`${displayBase}.dbf`));
    encoding = table.encoding;
    shapes.forEach((s, i) => {
      const props = { ...(table.records[i] ?? {}) };
      if (props.__deleted) return;
      const name = featureName(props);
      const where =
        shps.length > 1 ? loc.within(loc.entry(`${displayBase}.shp`), loc.record(i + 1)) : loc.record(i + 1);
      const w: Loc = name ? { en: `${where.en} (“${name}”)`, zh: `${where.zh}（“${name}”）` } : where;
      if (!s) {
        if (purpose === 'boundary') rep.error('geometry-missing', w);
        else rep.warn('geometry-missing', w);
        return;
      }
      features.push({ polygons: s.polygons, properties: props, where: w });
    });
  }
  return { features, closePolicy: 'require', ...(crs ? { crs } : {}), ...(encoding ? { encoding } : {}) };
}

/** A zipped Shapefile, or loose parts dropped together (same entries, see importFiles). */
export const shapefileImporter: ZipImporter = {
  kind: 'zip',
  format: 'shapefile-zip',
  extensions: ['zip'],
  detect: (names) => names.some((n) => /\.shp$/i.test(n)),
  parse: (entries, { rep, options }) => parseShapefileZip(entries, rep, options.purpose ?? 'boundary'),
};
