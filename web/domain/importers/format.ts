import type { Position } from 'geojson';
import type { Crs } from './crs.ts';
import type { Loc, Reporter } from './messages.ts';
import type { ImportFormat, ImportLimits, ImportOptions } from './types.ts';

/** What every parser hands over: polygons as rings of numeric positions, in the file's CRS. */
export interface ParsedFeature {
  polygons: Position[][][];
  properties: Record<string, unknown>;
  /** The feature's own GeoJSON `id`, kept so layers that name features by id stay joinable. */
  id?: string | number;
  where: Loc;
}

export interface ParseOutput {
  features: ParsedFeature[];
  /** Declared CRS; undefined means lon/lat of the user's chosen source. */
  crs?: Crs;
  /** 'auto' closes open rings with a warning (vertex lists); 'require' reports them (GeoJSON, WKT, KML). */
  closePolicy: 'require' | 'auto';
  encoding?: string;
}

/** What a parser is given besides its input. Problems go to `rep`; fatal ones are thrown as ImportAbort. */
export interface ParseContext {
  rep: Reporter;
  options: ImportOptions;
  limits: ImportLimits;
  /** The bytes the text was decoded from when they are UTF-8 (a faster nesting guard reads them). */
  utf8?: Uint8Array;
}

/** A format read from (decoded) text. */
export interface TextImporter {
  kind: 'text';
  format: ImportFormat;
  /** File extensions (lower case, no dot) that choose this format outright. */
  extensions: readonly string[];
  /** Whether the start of a text (BOM removed, leading white space trimmed) looks like this format. */
  detect(head: string): boolean;
  parse(text: string, ctx: ParseContext): ParseOutput;
}

/** A format read from the entries of a zip archive (already inflated with the bomb guards). */
export interface ZipImporter {
  kind: 'zip';
  format: ImportFormat;
  extensions: readonly string[];
  /** Whether an archive with these entry names holds this format. */
  detect(entryNames: readonly string[]): boolean;
  parse(entries: ReadonlyMap<string, Uint8Array>, ctx: ParseContext): ParseOutput;
}

export type Importer = TextImporter | ZipImporter;
