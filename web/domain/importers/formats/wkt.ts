import type { Position } from 'geojson';
import { crsFromEpsg } from '../crs.ts';
import type { ParsedFeature, ParseOutput, TextImporter } from '../format.ts';
import { lineCol } from '../json-locate.ts';
import { clip, type Loc, loc, type Reporter } from '../messages.ts';
import { MAX_NESTING } from '../nesting.ts';

type Tok = { t: 'word' | 'num' | '(' | ')' | ',' | ';' | '=' | 'end'; v: string; at: number };

class WktError extends Error {
  constructor(
    message: string,
    readonly at: number,
    /** Set when the text nests GEOMETRYCOLLECTIONs too deeply (reported as nesting-too-deep). */
    readonly tooDeep = false,
  ) {
    super(message);
  }
}

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  const re = /\s*(?:([A-Za-z_]+)|([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|([(),;=])|(\S))/gy;
  let m: RegExpExecArray | null = re.exec(s);
  while (m !== null) {
    const at = m.index + (m[0].length - m[0].trimStart().length);
    if (m[1]) out.push({ t: 'word', v: m[1].toUpperCase(), at });
    else if (m[2]) out.push({ t: 'num', v: m[2], at });
    else if (m[3]) out.push({ t: m[3] as Tok['t'], v: m[3], at });
    else if (m[4]) throw new WktError(`unexpected character “${m[4]}”`, at);
    m = re.exec(s);
  }
  out.push({ t: 'end', v: '', at: s.length });
  return out;
}

export type WktGeom =
  | { type: 'Polygon'; rings: Position[][] }
  | { type: 'MultiPolygon'; polys: Position[][][] }
  | { type: 'LineString'; ring: Position[] }
  | { type: 'Point' | 'MultiPoint' | 'MultiLineString' | 'Other'; name: string }
  | { type: 'Collection'; items: WktGeom[] };

class P {
  i = 0;
  constructor(readonly toks: Tok[]) {}
  peek(): Tok {
    return this.toks[this.i] as Tok;
  }
  next(): Tok {
    return this.toks[this.i++] as Tok;
  }
  expect(t: Tok['t']): Tok {
    const k = this.next();
    if (k.t !== t)
      throw new WktError(
        `expected “${t === 'end' ? 'end of text' : t}”, found “${k.v || 'end of text'}”`,
        k.at,
      );
    return k;
  }
  dims(): void {
    const k = this.peek();
    if (k.t === 'word' && /^(Z|M|ZM)$/.test(k.v)) this.i++;
  }
  empty(): boolean {
    const k = this.peek();
    if (k.t === 'word' && k.v === 'EMPTY') {
      this.i++;
      return true;
    }
    return false;
  }
  position(): Position {
    const nums: number[] = [];
    while (this.peek().t === 'num') nums.push(Number(this.next().v));
    if (nums.length < 2 || nums.length > 4) {
      const k = this.peek();
      throw new WktError(
        `a position needs 2 to 4 numbers, found ${nums.length} before “${k.v || 'end of text'}”`,
        k.at,
      );
    }
    return [nums[0] as number, nums[1] as number];
  }
  ring(): Position[] {
    this.expect('(');
    const pts = [this.position()];
    while (this.peek().t === ',') {
      this.i++;
      pts.push(this.position());
    }
    this.expect(')');
    return pts;
  }
  polygon(): Position[][] {
    if (this.empty()) return [];
    this.expect('(');
    const rings = [this.ring()];
    while (this.peek().t === ',') {
      this.i++;
      rings.push(this.ring());
    }
    this.expect(')');
    return rings;
  }
  skipBalanced(): void {
    if (this.empty()) return;
    let depth = 0;
    do {
      const k = this.next();
      if (k.t === '(') depth++;
      else if (k.t === ')') depth--;
      else if (k.t === 'end') throw new WktError('unbalanced parentheses', k.at);
    } while (depth > 0);
  }
  geometry(depth = 0): WktGeom {
    const k = this.next();
    if (depth > MAX_NESTING) throw new WktError('nested too deeply', k.at, true);
    if (k.t !== 'word')
      throw new WktError(`expected a geometry keyword, found “${k.v || 'end of text'}”`, k.at);
    this.dims();
    switch (k.v) {
      case 'POLYGON':
        return { type: 'Polygon', rings: this.polygon() };
      case 'MULTIPOLYGON': {
        if (this.empty()) return { type: 'MultiPolygon', polys: [] };
        this.expect('(');
        const polys = [this.polygon()];
        while (this.peek().t === ',') {
          this.i++;
          polys.push(this.polygon());
        }
        this.expect(')');
        return { type: 'MultiPolygon', polys };
      }
      case 'LINESTRING':
      case 'LINEARRING':
        if (this.empty()) return { type: 'Other', name: k.v };
        return { type: 'LineString', ring: this.ring() };
      case 'GEOMETRYCOLLECTION': {
        if (this.empty()) return { type: 'Collection', items: [] };
        this.expect('(');
        const items = [this.geometry(depth + 1)];
        while (this.peek().t === ',') {
          this.i++;
          items.push(this.geometry(depth + 1));
        }
        this.expect(')');
        return { type: 'Collection', items };
      }
      case 'POINT':
      case 'MULTIPOINT':
      case 'MULTILINESTRING':
      case 'CIRCULARSTRING':
      case 'CURVEPOLYGON':
      case 'TIN':
      case 'TRIANGLE':
      case 'POLYHEDRALSURFACE':
        this.skipBalanced();
        return {
          type: k.v === 'POINT' ? 'Point' : k.v === 'MULTIPOINT' ? 'MultiPoint' : 'Other',
          name: k.v,
        };
      default:
        throw new WktError(`unknown geometry type “${clip(k.v, 30)}”`, k.at);
    }
  }
}

/** Polygons of a parsed WKT geometry, or the name of the unsupported type. */
export function wktPolygons(g: WktGeom): Position[][][] | string {
  switch (g.type) {
    case 'Polygon':
      return g.rings.length ? [g.rings] : 'POLYGON EMPTY';
    case 'MultiPolygon':
      return g.polys.length ? g.polys.filter((p) => p.length > 0) : 'MULTIPOLYGON EMPTY';
    case 'LineString': {
      const a = g.ring[0];
      const b = g.ring[g.ring.length - 1];
      return g.ring.length >= 4 && a && b && a[0] === b[0] && a[1] === b[1]
        ? [[g.ring]]
        : 'LINESTRING (open line)';
    }
    case 'Collection': {
      const out: Position[][][] = [];
      for (const it of g.items) {
        const r = wktPolygons(it);
        if (typeof r !== 'string') out.push(...r);
      }
      return out.length ? out : 'GEOMETRYCOLLECTION without polygons';
    }
    default:
      return g.name;
  }
}

/** Parse a single WKT (or EWKT "SRID=4490;…") geometry. Throws WktError with offset. */
export function parseOneWkt(text: string): { geom: WktGeom; srid?: number } {
  const p = new P(tokenize(text));
  let srid: number | undefined;
  if (p.peek().t === 'word' && p.peek().v === 'SRID') {
    p.next();
    p.expect('=');
    srid = Number(p.expect('num').v);
    p.expect(';');
  }
  const geom = p.geometry();
  p.expect('end');
  return srid !== undefined ? { geom, srid } : { geom };
}

export { WktError };

/** A WKT error as a message located by line and column of `text`, offset by `where` when inside a cell. */
export function reportWktError(e: WktError, text: string, rep: Reporter, where?: Loc): void {
  const at = lineCol(text, e.at);
  const place = where ?? loc.position(at.line, at.column);
  if (e.tooDeep) rep.error('nesting-too-deep', place, { limit: MAX_NESTING, what: 'brackets' });
  else rep.error('wkt-invalid', place, { detail: e.message });
}

/** A text of one or more WKT geometries (separated by newlines or ';'). */
export function parseWktText(text: string, rep: Reporter): ParseOutput {
  let toks: Tok[];
  try {
    toks = tokenize(text);
  } catch (e) {
    if (e instanceof WktError) {
      reportWktError(e, text, rep);
      return { features: [], closePolicy: 'require' };
    }
    throw e;
  }
  const p = new P(toks);
  const features: ParsedFeature[] = [];
  let srid: number | undefined;
  let idx = 0;
  while (p.peek().t !== 'end') {
    const start = p.peek().at;
    const lc = lineCol(text, start);
    const where: Loc = {
      en: `geometry ${idx + 1} (line ${lc.line})`,
      zh: `第 ${idx + 1} 个几何（第 ${lc.line} 行）`,
    };
    try {
      if (p.peek().t === 'word' && p.peek().v === 'SRID') {
        p.next();
        p.expect('=');
        srid = Number(p.expect('num').v);
        p.expect(';');
      }
      const g = p.geometry();
      const polys = wktPolygons(g);
      if (typeof polys === 'string') rep.error('geometry-unsupported', where, { type: polys });
      else features.push({ polygons: polys, properties: {}, where });
    } catch (e) {
      if (!(e instanceof WktError)) throw e;
      reportWktError(e, text, rep);
      return { features: [], closePolicy: 'require' };
    }
    idx++;
    while (p.peek().t === ';' || p.peek().t === ',') p.next();
  }
  const crs = srid !== undefined ? crsFromEpsg(srid) : undefined;
  if (srid !== undefined && !crs) rep.error('crs-unsupported', undefined, { name: `SRID=${srid}` });
  return { features, closePolicy: 'require', ...(crs && crs.kind === 'projected' ? { crs } : {}) };
}

export const WKT_START =
  /^\s*(SRID=\d+;\s*)?(POLYGON|MULTIPOLYGON|GEOMETRYCOLLECTION|LINESTRING|POINT|MULTIPOINT|MULTILINESTRING)\b/i;

export const wktImporter: TextImporter = {
  kind: 'text',
  format: 'wkt',
  extensions: ['wkt'],
  detect: (head) => WKT_START.test(head),
  parse: (text, { rep }) => parseWktText(text, rep),
};
