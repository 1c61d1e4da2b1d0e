/** Authored sources of the thematic layers: one spec per spatial entity the plan outline names. */

/** [longitude, latitude], WGS84 degrees. */
export type Pt = readonly [number, number];

export type Shape =
  /** Closed control polygon, smoothed by Chaikin corner cutting (`smooth` rounds, default 3). */
  | { type: 'area'; outline: readonly Pt[]; smooth?: number }
  /** Several closed control polygons (a MultiPolygon). */
  | { type: 'areas'; outlines: readonly (readonly Pt[])[]; smooth?: number }
  /**
   * Open control line, smoothed by Chaikin with fixed end points (`smooth` default 2). `snapStart`/`snapEnd`: move
   * that end (of every path) onto a base river or lake by zone id, so tributaries meet the surveyed line.
   */
  | { type: 'line'; path: readonly Pt[]; smooth?: number; snapStart?: string; snapEnd?: string }
  | {
      type: 'lines';
      paths: readonly (readonly Pt[])[];
      smooth?: number;
      snapStart?: string;
      snapEnd?: string;
    }
  /** `snapTo`: move the point onto a base river or lake outline (data/layers/rivers|lakes.geojson) by zone id. */
  | { type: 'point'; at: Pt; snapTo?: string }
  /** The outline of one or more base league polygons (data/layers/leagues.geojson), for city-wide zones. */
  | { type: 'leagues'; leagues: readonly string[] }
  /** Another thematic entity's control outline scaled about its vertex centroid (cores of sandy lands). */
  | { type: 'scaled'; of: string; factor: number; smooth?: number };

export interface ThematicSpec {
  /** The gazetteer id exactly (seeds/gazetteer.json): names, kind and task links come from the gazetteer. */
  zoneId: string;
  shape: Shape;
  /** What the geometry was drawn from: extent, centre, published area, route, etc. One line. */
  drawnFrom: string;
  /** 'schematic' (default) or a surveyed dataset; all authored shapes here are schematic. */
  accuracy: string;
  /**
   * 'region' clips the drawn area to the region outline (default for areas); 'none' keeps the full extent;
   * 'outside' cuts the region out (neighbours the outline names).
   */
  clip?: 'region' | 'none' | 'outside';
  /** The entity really extends past the region's border and is drawn so. */
  crossesBorder?: boolean;
  /** The entity lies outside the region (named by the outline as a neighbour). */
  outsideRegion?: boolean;
  /** A published area this drawing is held to (km²), and where the figure comes from. */
  cited?: { km2: number; source: string };
  /** Names to show instead of the gazetteer's (e.g. red-line parts). */
  names?: { zh: string; en: string };
  /** Extra properties written as-is after the standard ones (e.g. zoneType for the red line). */
  props?: Record<string, string | number | boolean>;
}

export interface ThematicLayerSpec {
  /** Layer id and file name stem: data/layers/<id>.geojson. */
  id: string;
  method: string;
  specs: readonly ThematicSpec[];
  /** Subtract earlier features so the parts do not overlap (red line). */
  disjoint?: boolean;
}
