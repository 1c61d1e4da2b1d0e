import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** Where the user says lon/lat coordinates come from. Projected files (GK, .prj) ignore it. */
export type CoordinateSource = 'wgs84' | 'gcj02' | 'bd09';

/** Formats the importers recognise. */
export type ImportFormat =
  | 'geojson'
  | 'kml'
  | 'kmz'
  | 'gpx'
  | 'shapefile-zip'
  | 'csv'
  | 'wkt'
  | 'coordinates'
  | 'jzd-txt';

/** A message is data: plain text in two languages, never HTML. */
export interface ImportMessage {
  /** File name as given by the user (verbatim, never interpreted). */
  file: string;
  /** Where in the file, in English, e.g. "feature 3", "line 17", "ring 2 of parcel J2". */
  location?: string;
  /** The same location in Chinese, e.g. "第 3 个要素". */
  locationZh?: string;
  /** Stable machine code, see messages.ts. */
  code: MessageCode;
  severity: 'error' | 'warning' | 'info';
  zh: string;
  en: string;
}

export type MessageCode =
  | 'file-too-large'
  | 'file-empty'
  | 'format-unknown'
  | 'format-unsupported'
  | 'json-invalid'
  | 'geojson-structure'
  | 'geometry-unsupported'
  | 'geometry-missing'
  | 'coordinate-invalid'
  | 'coordinate-out-of-range'
  | 'projected-in-lonlat'
  | 'outside-region'
  | 'partly-outside-region'
  | 'ring-not-closed'
  | 'ring-closed-automatically'
  | 'ring-too-few-points'
  | 'ring-zero-area'
  | 'ring-too-large'
  | 'ring-crosses-antimeridian'
  | 'ring-self-intersection'
  | 'hole-outside-shell'
  | 'no-features'
  | 'too-many-features'
  | 'too-many-vertices'
  | 'zip-invalid'
  | 'zip-too-large'
  | 'zip-too-many-entries'
  | 'zip-missing-part'
  | 'zip-no-content'
  | 'shp-invalid'
  | 'dbf-invalid'
  | 'prj-missing'
  | 'crs-unsupported'
  | 'crs-unsupported-datum'
  | 'crs-ignored-source'
  | 'xml-invalid'
  | 'xml-entities'
  | 'screening-export'
  | 'csv-no-geometry-columns'
  | 'csv-row-invalid'
  | 'wkt-invalid'
  | 'coordinates-unparsed'
  | 'coordinates-order-ambiguous'
  | 'coordinates-order-detected'
  | 'jzd-invalid'
  | 'jzd-line-invalid'
  | 'jzd-zone-missing'
  | 'jzd-axes-swapped'
  | 'jzd-point-count'
  | 'datum-converted'
  | 'encoding-gb18030'
  | 'features-skipped'
  | 'features-left-out'
  | 'nesting-too-deep'
  | 'jzd-decimal-comma'
  | 'jzd-zone-mixed'
  | 'zip-encrypted'
  | 'zip-method-unsupported'
  | 'zip-duplicate-entry'
  | 'zip-entry-skipped'
  | 'crs-values-mismatch'
  | 'read-failed';

export type BoundaryGeometry = Polygon | MultiPolygon;
export type BoundaryFeature = Feature<BoundaryGeometry, Record<string, unknown>>;

export interface ImportLimits {
  /** Largest input accepted, checked before reading. */
  maxBytes: number;
  /** Largest total uncompressed size of a zip (KMZ, Shapefile). */
  maxUncompressedBytes: number;
  maxZipEntries: number;
  maxFeatures: number;
  maxVertices: number;
  /** Self-intersection checks are skipped for features with more vertices than this (keeps huge layers fast). */
  maxVerticesForSelfIntersectionCheck: number;
}

/** Gauss–Krüger declaration for files whose coordinates are projected metres. */
export interface GaussKrugerOption {
  /** 3 (default) or 6 degree zones. */
  zoneWidth?: 3 | 6;
  /** Zone number when the easting has no zone prefix. */
  zone?: number;
}

export interface ImportOptions {
  source: CoordinateSource;
  /** 'boundary' (default) or 'layer' (user-supplied authoritative layer: larger limits, region check warns). */
  purpose?: 'boundary' | 'layer';
  limits?: Partial<ImportLimits>;
  /** Force a format instead of detecting it. */
  format?: ImportFormat;
  /** Coordinates are Gauss–Krüger metres (CSV, WKT, GeoJSON, pasted text). */
  gaussKruger?: GaussKrugerOption;
  /** Axis order for pasted coordinates / CSV when it cannot be detected. */
  axisOrder?: 'lonlat' | 'latlon';
  /** Region check: 'error' (default for boundaries), 'warn' (default for layers) or 'off'. */
  regionCheck?: 'error' | 'warn' | 'off';
  /**
   * Test fixtures only: keep the features whose `properties.role` equals this (fixtures hold a project and its
   * layer in one file). Never set for user files; the features left out are reported (`features-left-out`).
   */
  fixtureRole?: string;
  /** DOMParser-like constructor for KML/GPX; defaults to @xmldom/xmldom's. */
  domParser?: DomParserLike;
}

export interface DomParserLike {
  new (): { parseFromString(text: string, mimeType: string): unknown };
}

export type ImportResult =
  | {
      ok: true;
      format: ImportFormat;
      /** Polygons in WGS84 / CGCS2000 lon/lat, RFC 7946 winding. */
      features: BoundaryFeature[];
      /** The same features before datum conversion (GCJ-02 / BD-09 as read), when one was applied. */
      original?: BoundaryFeature[];
      /** Description of the coordinate reference read, e.g. "CGCS2000 3° GK zone 39". */
      crs: string;
      /** Text encoding used for text inputs ('utf-8' or 'gb18030'). */
      encoding?: string;
      warnings: ImportMessage[];
    }
  | { ok: false; format?: ImportFormat; errors: ImportMessage[]; warnings: ImportMessage[] };

/** Input: bytes, text, or anything File-like (size known before reading). */
export type ImportInput =
  | { name: string; bytes: Uint8Array }
  | { name: string; text: string }
  | { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };

export type Ring = Position[];
/** Polygon rings: first is the outer ring. */
export type PolygonRings = Ring[];
