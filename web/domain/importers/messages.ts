import { MAX_PROJECT_SPAN_DEG } from '../geo/extent.ts';
import type { ImportMessage, MessageCode } from './types.ts';

/** A location in a file, in both languages. Names inside are verbatim user text. */
export interface Loc {
  en: string;
  zh: string;
}

const q = (s: string): string => `“${clip(s)}”`;

/** Shorten user text for messages; it stays plain text. */
export function clip(s: string, max = 80): string {
  const flat = s.replace(/[\r\n\t]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export const loc = {
  feature: (index: number, name?: string): Loc => ({
    en: `feature ${index + 1}${name ? ` (${q(name)})` : ''}`,
    zh: `第 ${index + 1} 个要素${name ? `（${q(name)}）` : ''}`,
  }),
  line: (n: number): Loc => ({ en: `line ${n}`, zh: `第 ${n} 行` }),
  row: (n: number): Loc => ({ en: `row ${n}`, zh: `第 ${n} 行记录` }),
  record: (n: number): Loc => ({ en: `record ${n}`, zh: `第 ${n} 条记录` }),
  parcel: (name: string): Loc => ({ en: `parcel ${q(name)}`, zh: `地块 ${q(name)}` }),
  entry: (name: string): Loc => ({ en: `archive entry ${q(name)}`, zh: `压缩包内文件 ${q(name)}` }),
  entries: (a: string, b: string): Loc => ({
    en: `archive entries ${q(a)} and ${q(b)}`,
    zh: `压缩包内文件 ${q(a)} 与 ${q(b)}`,
  }),
  position: (line: number, column: number): Loc => ({
    en: `line ${line}, column ${column}`,
    zh: `第 ${line} 行第 ${column} 列`,
  }),
  /** Ring r (0 = outer) of polygon part p inside an outer location. */
  ring: (outer: Loc, ring: number, part?: number): Loc => {
    const partEn = part !== undefined ? `part ${part + 1}, ` : '';
    const partZh = part !== undefined ? `第 ${part + 1} 部分` : '';
    const ringEn = ring === 0 ? 'outer ring' : `hole ${ring}`;
    const ringZh = ring === 0 ? '外环' : `第 ${ring} 个内环（洞）`;
    return { en: `${partEn}${ringEn} of ${outer.en}`, zh: `${outer.zh}${partZh}${ringZh}` };
  },
  within: (outer: Loc, inner: Loc): Loc => ({
    en: `${inner.en} of ${outer.en}`,
    zh: `${outer.zh}${inner.zh}`,
  }),
};

type Params = Record<string, string | number>;
type Template = (p: Params) => { zh: string; en: string };

const DIR_EN: Record<string, string> = {
  N: 'north',
  NE: 'north-east',
  E: 'east',
  SE: 'south-east',
  S: 'south',
  SW: 'south-west',
  W: 'west',
  NW: 'north-west',
};
const DIR_ZH: Record<string, string> = {
  N: '以北',
  NE: '东北方向',
  E: '以东',
  SE: '东南方向',
  S: '以南',
  SW: '西南方向',
  W: '以西',
  NW: '西北方向',
};

const mb = (n: string | number): string => `${Math.round((Number(n) / 1024 / 1024) * 10) / 10} MB`;

const T: Record<MessageCode, Template> = {
  'file-too-large': (p) => ({
    en: `File is too large: ${mb(p.size ?? 0)}; the limit is ${mb(p.limit ?? 0)}.`,
    zh: `文件过大：${mb(p.size ?? 0)}，上限为 ${mb(p.limit ?? 0)}。`,
  }),
  'file-empty': () => ({ en: 'File is empty.', zh: '文件为空。' }),
  'format-unknown': () => ({
    en: 'Format not recognised. Supported: GeoJSON, KML/KMZ, GPX, zipped Shapefile, CSV, WKT, coordinate text, 界址点 TXT.',
    zh: '无法识别文件格式。支持：GeoJSON、KML/KMZ、GPX、Shapefile 压缩包、CSV、WKT、坐标文本、界址点 TXT。',
  }),
  'format-unsupported': (p) => ({
    en: `Format not supported: ${p.what}.`,
    zh: `不支持的格式：${p.what}。`,
  }),
  'json-invalid': (p) => ({ en: `Invalid JSON: ${p.detail}.`, zh: `JSON 格式错误：${p.detail}。` }),
  'geojson-structure': (p) => ({
    en: `Not valid GeoJSON: ${p.detail}.`,
    zh: `GeoJSON 结构错误：${p.detailZh ?? p.detail}。`,
  }),
  'geometry-unsupported': (p) => ({
    en: `Unsupported geometry type ${q(String(p.type))}: a boundary must be a Polygon or MultiPolygon (a closed line is accepted).`,
    zh: `不支持的几何类型 ${q(String(p.type))}：边界须为面（Polygon / MultiPolygon），闭合的线也可接受。`,
  }),
  'geometry-missing': () => ({ en: 'Feature has no geometry.', zh: '要素没有几何图形。' }),
  'coordinate-invalid': (p) => ({
    en: `Invalid coordinate ${q(String(p.value))}: every coordinate must be a finite number.`,
    zh: `坐标值无效 ${q(String(p.value))}：坐标必须是有限的数字。`,
  }),
  'coordinate-out-of-range': (p) => ({
    en: `Coordinate ${p.value} is outside the valid range of longitude (−180…180) / latitude (−90…90).`,
    zh: `坐标 ${p.value} 超出经度（−180～180）/纬度（−90～90）的有效范围。`,
  }),
  'projected-in-lonlat': (p) => ({
    en: `Coordinates look like projected metres (${p.value}), not longitude/latitude. If they are CGCS2000 Gauss–Krüger coordinates, import them as a 界址点 TXT file or choose the Gauss–Krüger option.`,
    zh: `坐标看起来是投影坐标（米）（${p.value}），而不是经纬度。如果是 CGCS2000 高斯-克吕格坐标，请按“界址点 TXT”导入或选择“高斯-克吕格投影”选项。`,
  }),
  'outside-region': (p) => ({
    en: `Coordinates are outside the region (Inner Mongolia, about 97°–126°E, 37°–54°N): the feature lies around ${p.where}, about ${p.km} km ${DIR_EN[String(p.dir)] ?? ''} of the region, and the layers cover Inner Mongolia only. Check the coordinate order and the coordinate system.`,
    zh: `坐标不在内蒙古范围内（约东经 97°–126°、北纬 37°–54°）：要素位于 ${p.where} 附近，在内蒙古范围${DIR_ZH[String(p.dir)] ?? ''}约 ${p.km} 公里处，而图层只覆盖内蒙古。请检查坐标顺序和坐标系。`,
  }),
  'partly-outside-region': (p) => ({
    en: `Part of the feature lies outside the region (Inner Mongolia), around ${p.where}.`,
    zh: `要素有一部分位于内蒙古范围之外（${p.where} 附近）。`,
  }),
  'ring-not-closed': () => ({
    en: 'Ring is not closed: its first and last points differ.',
    zh: '环未闭合：首点与末点不一致。',
  }),
  'ring-closed-automatically': () => ({
    en: 'Ring was not closed; the first point was repeated at the end.',
    zh: '环未闭合，已自动以首点闭合。',
  }),
  'ring-too-few-points': (p) => ({
    en: `Too few points: a ring needs at least 3 distinct points, found ${p.count}.`,
    zh: `点数过少：一个环至少需要 3 个不同的点，实际为 ${p.count} 个。`,
  }),
  'ring-zero-area': () => ({
    en: 'Ring has zero area (all points on a line).',
    zh: '环的面积为零（所有点共线）。',
  }),
  'ring-too-large': () => ({
    en: `Ring is larger than the whole of Inner Mongolia (more than ${MAX_PROJECT_SPAN_DEG.lon}° of longitude or ${MAX_PROJECT_SPAN_DEG.lat}° of latitude): not a parcel. Check the coordinates.`,
    zh: `环的范围大于整个内蒙古（经度超过 ${MAX_PROJECT_SPAN_DEG.lon}° 或纬度超过 ${MAX_PROJECT_SPAN_DEG.lat}°），不是地块。请检查坐标。`,
  }),
  'ring-crosses-antimeridian': () => ({
    en: 'An edge of the ring crosses the 180° meridian, which straight lon/lat edges cannot express; this tool is for Inner Mongolia. Check the longitudes.',
    zh: '环的一条边跨越 180° 经线，经纬度直线边无法表达；本工具用于内蒙古范围，请检查经度。',
  }),
  'ring-self-intersection': (p) => ({
    en: `Boundary crosses itself near ${p.where}.`,
    zh: `边界自相交，位置约在 ${p.where}。`,
  }),
  'hole-outside-shell': () => ({
    en: 'A hole lies outside its outer ring.',
    zh: '内环（洞）位于外环之外。',
  }),
  'no-features': () => ({ en: 'No polygon features found.', zh: '未找到任何面要素。' }),
  'too-many-features': (p) => ({
    en: `Too many features: ${p.count}; the limit is ${p.limit}.`,
    zh: `要素过多：${p.count} 个，上限为 ${p.limit} 个。`,
  }),
  'too-many-vertices': (p) => ({
    en: `Too many vertices: more than ${p.limit}.`,
    zh: `顶点过多：超过 ${p.limit} 个。`,
  }),
  'zip-invalid': (p) => ({
    en: `Not a readable zip archive: ${p.detail}.`,
    zh: `无法读取的 zip 压缩包：${p.detailZh ?? p.detail}。`,
  }),
  'zip-too-large': (p) => ({
    en: `Archive expands to more than ${mb(p.limit ?? 0)}; refused.`,
    zh: `压缩包解压后超过 ${mb(p.limit ?? 0)}，已拒绝。`,
  }),
  'zip-too-many-entries': (p) => ({
    en: `Archive has ${p.count} entries; the limit is ${p.limit}.`,
    zh: `压缩包内有 ${p.count} 个文件，上限为 ${p.limit} 个。`,
  }),
  'zip-missing-part': (p) => ({
    en: `Shapefile ${q(String(p.name))} lacks its ${p.part} file.`,
    zh: `Shapefile ${q(String(p.name))} 缺少 ${p.part} 文件。`,
  }),
  'zip-no-content': () => ({
    en: 'Archive contains no .shp or .kml file.',
    zh: '压缩包中没有 .shp 或 .kml 文件。',
  }),
  'shp-invalid': (p) => ({
    en: `Invalid .shp file: ${p.detail}.`,
    zh: `.shp 文件损坏：${p.detailZh ?? p.detail}。`,
  }),
  'dbf-invalid': (p) => ({
    en: `Invalid .dbf file: ${p.detail}.`,
    zh: `.dbf 文件损坏：${p.detailZh ?? p.detail}。`,
  }),
  'prj-missing': () => ({
    en: 'No .prj file: coordinates are taken as longitude/latitude.',
    zh: '缺少 .prj 文件：按经纬度坐标读取。',
  }),
  'crs-unsupported': (p) => ({
    en: `Coordinate system not supported: ${q(String(p.name))}.`,
    zh: `不支持的坐标系：${q(String(p.name))}。`,
  }),
  'crs-unsupported-datum': (p) => ({
    en: `Coordinate system ${q(String(p.name))} uses the ${p.datum} datum; converting it to CGCS2000 needs local transformation parameters. Convert the data to CGCS2000 first.`,
    zh: `坐标系 ${q(String(p.name))} 基于${p.datum}，转换到 CGCS2000 需要当地转换参数。请先将数据转换为 2000 国家大地坐标系。`,
  }),
  'crs-ignored-source': (p) => ({
    en: `The file declares its coordinate system (${p.crs}); the chosen source (${p.source}) was not applied.`,
    zh: `文件已声明坐标系（${p.crs}），未应用所选的坐标来源（${p.source}）。`,
  }),
  'xml-invalid': (p) => ({ en: `Invalid XML: ${p.detail}.`, zh: `XML 格式错误：${p.detail}。` }),
  'xml-entities': () => ({
    en: 'The XML declares entities (<!ENTITY …> in its DOCTYPE). KML and GPX files never need them, and they can read local files or expand without limit, so the file is not read. Export it again without a DOCTYPE.',
    zh: '该 XML 在 DOCTYPE 中声明了实体（<!ENTITY …>）。KML、GPX 文件不需要实体，实体可能读取本地文件或无限展开，因此不读取此文件。请去掉 DOCTYPE 后重新导出。',
  }),
  'csv-no-geometry-columns': (p) => ({
    en: `CSV has no geometry columns: expected a WKT column (wkt, geometry, geom) or longitude/latitude columns (lon/lng/经度, lat/纬度). Columns found: ${p.columns}.`,
    zh: `CSV 中没有几何列：需要 WKT 列（wkt、geometry、geom）或经纬度列（lon/lng/经度、lat/纬度）。现有列：${p.columns}。`,
  }),
  'csv-row-invalid': (p) => ({ en: `Invalid row: ${p.detail}.`, zh: `记录无效：${p.detail}。` }),
  'wkt-invalid': (p) => ({ en: `Invalid WKT: ${p.detail}.`, zh: `WKT 格式错误：${p.detail}。` }),
  'coordinates-unparsed': (p) => ({
    en: `Cannot read coordinates from ${q(String(p.text))}.`,
    zh: `无法从 ${q(String(p.text))} 读取坐标。`,
  }),
  'coordinates-order-ambiguous': (p) => ({
    en: `Cannot tell whether the numbers are lon,lat or lat,lon; read as ${p.order}.`,
    zh: `无法判断坐标顺序是“经度,纬度”还是“纬度,经度”；已按 ${p.order} 读取。`,
  }),
  'coordinates-order-detected': (p) => ({
    en: `Coordinates read in ${p.order} order.`,
    zh: `已识别坐标顺序为 ${p.order}。`,
  }),
  'jzd-invalid': (p) => ({
    en: `Not a valid 界址点 file: ${p.detail}.`,
    zh: `界址点文件格式错误：${p.detail}。`,
  }),
  'jzd-line-invalid': (p) => ({
    en: `Cannot read point line ${q(String(p.text))}: expected point name, ring number, X (northing), Y (easting).`,
    zh: `无法读取界址点行 ${q(String(p.text))}：应为 点号,圈号,X(北坐标),Y(东坐标)。`,
  }),
  'jzd-zone-missing': () => ({
    en: 'Easting has no zone prefix and the file gives no zone (带号); choose the Gauss–Krüger zone.',
    zh: 'Y 坐标不带带号且文件未给出带号；请选择高斯-克吕格投影带号。',
  }),
  'jzd-axes-swapped': () => ({
    en: 'X and Y look swapped (X should be the northing); they were swapped back.',
    zh: 'X、Y 坐标疑似互换（X 应为北坐标），已自动纠正。',
  }),
  'jzd-point-count': (p) => ({
    en: `Header declares ${p.declared} points, found ${p.found}.`,
    zh: `地块头声明 ${p.declared} 个界址点，实际为 ${p.found} 个。`,
  }),
  'datum-converted': (p) => ({
    en: `Coordinates converted from ${p.source} to WGS84/CGCS2000 (shift about ${p.shift} m).`,
    zh: `坐标已由 ${p.source} 转换为 WGS84/CGCS2000（偏移约 ${p.shift} 米）。`,
  }),
  'encoding-gb18030': () => ({
    en: 'Text read as GBK/GB18030 (not UTF-8).',
    zh: '文本按 GBK/GB18030 编码读取（非 UTF-8）。',
  }),
  'features-skipped': (p) => ({
    en: `${p.count} features without a polygon (points, open lines or no geometry) were skipped.`,
    zh: `已跳过 ${p.count} 个没有面几何的要素（点、未闭合的线或无几何）。`,
  }),
  'screening-export': (p) => ({
    en: `This is a screening result exported by this app: only its project boundary (${p.parts} parts) is read; the ${p.left} overlap pieces in it are left out.`,
    zh: `这是本系统导出的审查结果文件：只读取其中的项目范围（${p.parts} 个部分），其中 ${p.left} 个重叠部分未读取。`,
  }),
  'features-left-out': (p) => ({
    en: `${p.count} features whose role is not “${p.role}” were left out (test fixture option).`,
    zh: `已按测试夹具选项略去 ${p.count} 个角色不是“${p.role}”的要素。`,
  }),
  'nesting-too-deep': (p) => ({
    en: `Nested too deeply: more than ${p.limit} levels of ${p.what}. No boundary needs this; the file is refused.`,
    zh: `嵌套层级过深：${p.what === 'elements' ? '元素' : '括号'}嵌套超过 ${p.limit} 层。边界文件不需要这样的结构，已拒绝。`,
  }),
  'jzd-decimal-comma': (p) => ({
    en: `Point line ${q(String(p.text))} has ${p.count} fields; the numbers seem to use a decimal comma (e.g. 4412345,5). Write decimals with a point (4412345.5): fields are separated by commas.`,
    zh: `界址点行 ${q(String(p.text))} 有 ${p.count} 个字段，数字似乎使用了逗号作小数点（如 4412345,5）。字段以逗号分隔，小数请用小数点（4412345.5）。`,
  }),
  'jzd-zone-mixed': (p) => ({
    en: `The points of one parcel use different Gauss–Krüger zone prefixes: ${p.detail}. One parcel lies in one zone; check these lines.`,
    zh: `同一地块的界址点使用了不同的高斯-克吕格带号前缀：${p.detailZh}。一个地块应位于同一投影带，请检查这些行。`,
  }),
  'zip-encrypted': () => ({
    en: 'This archive entry is password-protected and cannot be read. Unzip it and zip the files again without a password.',
    zh: '压缩包内该文件设有密码，无法读取。请解压后不加密码重新压缩。',
  }),
  'zip-method-unsupported': (p) => ({
    en: `This archive entry is compressed with ${p.method}, which cannot be read here. Zip the files again with standard (Deflate) compression, e.g. with the system's “Compress” / “发送到压缩文件夹”.`,
    zh: `压缩包内该文件使用 ${p.method} 压缩方式，无法读取。请用标准（Deflate）压缩方式重新压缩，例如系统自带的“压缩”/“发送到压缩(zipped)文件夹”。`,
  }),
  'zip-duplicate-entry': () => ({
    en: 'The archive holds two entries with the same name; which one is meant cannot be known. Remove one and zip again.',
    zh: '压缩包内有两个同名文件，无法判断应使用哪一个。请删除其中一个后重新压缩。',
  }),
  'zip-entry-skipped': (p) => ({
    en: `This archive entry was skipped (${p.reason}); it is not needed for the boundary.`,
    zh: `已跳过压缩包内该文件（${p.reasonZh}），导入边界不需要它。`,
  }),
  'crs-values-mismatch': (p) => ({
    en: `The file declares ${q(String(p.name))} (metres) but its coordinates look like degrees (${p.value}). Correct or remove the coordinate system declaration (crs member, .prj, SRID) or export the file again.`,
    zh: `文件声明坐标系为 ${q(String(p.name))}（单位：米），但坐标看起来是经纬度（${p.value}）。请更正或删除坐标系声明（crs 成员、.prj、SRID），或重新导出文件。`,
  }),
  'read-failed': (p) => ({
    en: `The file could not be read: ${p.detail}.`,
    zh: `无法读取文件：${p.detail}。`,
  }),
};

const DEFAULT_SEVERITY: Partial<Record<MessageCode, ImportMessage['severity']>> = {
  'ring-closed-automatically': 'warning',
  'partly-outside-region': 'warning',
  'prj-missing': 'warning',
  'crs-ignored-source': 'warning',
  'coordinates-order-ambiguous': 'warning',
  'coordinates-order-detected': 'info',
  'jzd-axes-swapped': 'warning',
  'jzd-point-count': 'warning',
  'datum-converted': 'info',
  'encoding-gb18030': 'info',
  'features-skipped': 'warning',
  'features-left-out': 'info',
  'screening-export': 'warning',
  'zip-entry-skipped': 'warning',
};

export function makeMessage(
  file: string,
  code: MessageCode,
  where?: Loc,
  params: Params = {},
  severity?: ImportMessage['severity'],
): ImportMessage {
  const t = T[code](params);
  const m: ImportMessage = {
    file,
    code,
    severity: severity ?? DEFAULT_SEVERITY[code] ?? 'error',
    en: `${file}${where ? `, ${where.en}` : ''}: ${t.en}`,
    zh: `${file}${where ? `，${where.zh}` : ''}：${t.zh}`,
  };
  if (where) {
    m.location = where.en;
    m.locationZh = where.zh;
  }
  return m;
}

/** Most messages kept per severity: a broken file can produce one per line. */
export const MAX_MESSAGES = 200;

/** Collects messages for one file. */
export class Reporter {
  readonly messages: ImportMessage[] = [];
  constructor(readonly file: string) {}
  error(code: MessageCode, where?: Loc, params?: Params): void {
    this.messages.push(makeMessage(this.file, code, where, params, 'error'));
  }
  warn(code: MessageCode, where?: Loc, params?: Params): void {
    this.messages.push(makeMessage(this.file, code, where, params, 'warning'));
  }
  info(code: MessageCode, where?: Loc, params?: Params): void {
    this.messages.push(makeMessage(this.file, code, where, params, 'info'));
  }
  get hasErrors(): boolean {
    return this.messages.some((m) => m.severity === 'error');
  }
  get errorCount(): number {
    return this.messages.filter((m) => m.severity === 'error').length;
  }
}

/** Thrown by parsers for fatal, file-level problems. */
export class ImportAbort extends Error {
  constructor(readonly msg: ImportMessage) {
    super(msg.en);
  }
}
