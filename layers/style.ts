import type {
  GeoJSONSourceSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import { USER_TILE_LAYER, USER_TILE_OPTIONS } from '../web/domain/tiles/user-tiles.ts';
import { drawsSchematic } from './badge.ts';
import { highContrastLayer } from './contrast.ts';
import { THEME } from './theme.ts';
import type { Lang, LayerDef } from './types.ts';
import { highlightLayers, type ZonePaint, zonePaintLayer, zonePaintLineLayer } from './zone-paint.ts';

export interface StyleState {
  lang: Lang;
  visible: Record<string, boolean>;
  opacity: Record<string, number>;
  /** the presentation's high-contrast map (layers/contrast.ts): wider, darker lines and haloed labels */
  highContrast?: boolean;
}

export interface OnlineBasemap {
  id: string;
  tiles: string[];
  attribution: string;
  tileSize?: number;
}

/**
 * Turns a layer's data file into what maplibre loads: a same-origin URL in the app, an object in tests, or the
 * user's own data where they replaced the layer.
 */
export type DataResolver = (file: string, layer: LayerDef) => GeoJSONSourceSpecification['data'];

export interface StyleExtras {
  online?: OnlineBasemap;
  /** Layers the user replaced with their own data: badged and drawn by layers/badge.ts, sources keyed apart. */
  replaced?: ReadonlySet<string>;
  /**
   * Replaced layers drawn from vector tiles (layer id → tile URL template, web/domain/tiles/user-tiles.ts): their
   * source is a vector source and every map layer on it reads the tiles' one source layer.
   */
  userTiles?: ReadonlyMap<string, string>;
  /**
   * Data files not needed yet (every layer using them hidden since start): given an empty collection, so that
   * maplibre, which fetches a GeoJSON source as soon as it is in the style, does not download them.
   */
  deferred?: ReadonlySet<string>;
  /**
   * Registry layers left out of the style altogether (no source, no map layer): those never switched on so far.
   * At start this keeps the style to what the first view draws (maplibre parses, sends to its worker and
   * re-evaluates on every frame each layer and source it is given, hidden or not); a layer switched on is added by
   * the next style diff.
   */
  absent?: ReadonlySet<string>;
  /** Map layers drawn above everything (project boundaries, overlaps), built by the caller. */
  overlays?: { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] };
  /** Zones coloured by a view (indicator status, task coverage), drawn above their layer's shapes. */
  zonePaint?: ZonePaint | null;
  /** Zones outlined because the chosen task or indicator is about them. */
  highlight?: readonly string[];
  /**
   * A shared layer version drawn from the workspace server's vector tiles (docs/workspace.md), below the overlays;
   * its attribution names the layer, its version and that it comes from the shared workspace.
   */
  shared?: { tiles: string; attribution: string } | null;
}

/** The shared layer's source on the map, and the source layer of the workspace's tiles (server/tiles.ts). */
export const SHARED_SOURCE = 'src-shared';
export const SHARED_TILE_LAYER = 'features';

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Files that no layer shown so far needs. */
export function deferredFiles(layers: LayerDef[], shown: ReadonlySet<string>): Set<string> {
  const needed = new Set(
    layers.filter((l) => shown.has(l.id)).flatMap((l) => [l.data, ...(l.labels ? [l.labels] : [])]),
  );
  return new Set(
    layers.flatMap((l) => [l.data, ...(l.labels ? [l.labels] : [])]).filter((f) => !needed.has(f)),
  );
}

/** Layers never shown so far and not replaced by the user's data: left out of the style (StyleExtras.absent). */
export function absentLayers(
  layers: LayerDef[],
  shown: ReadonlySet<string>,
  replaced: ReadonlySet<string> = new Set(),
): Set<string> {
  return new Set(layers.filter((l) => !shown.has(l.id) && !replaced.has(l.id)).map((l) => l.id));
}

export const sourceIdFor = (file: string): string => `src-${file.replace(/\.geojson$/, '')}`;

export function initialStyleState(layers: LayerDef[], lang: Lang = 'zh'): StyleState {
  return {
    lang,
    visible: Object.fromEntries(layers.map((l) => [l.id, l.defaultVisible])),
    opacity: Object.fromEntries(layers.map((l) => [l.id, 1])),
  };
}

export function buildStyle(
  layers: LayerDef[],
  state: StyleState,
  resolve: DataResolver,
  extras: StyleExtras = {},
): StyleSpecification {
  const { online, replaced, overlays, deferred, absent, zonePaint, highlight, userTiles, shared } = extras;
  const sources: Record<string, SourceSpecification> = {};
  const tiled = new Set<string>();
  const addSource = (file: string, def: LayerDef) => {
    const user = replaced?.has(def.id) && file === def.data;
    const id = user ? `src-user-${def.id}` : sourceIdFor(file);
    const attribution = [...new Set(def.sources.map((s) => s.attribution))].join(' · ');
    const existing = sources[id] as GeoJSONSourceSpecification | VectorSourceSpecification | undefined;
    if (existing) {
      if (existing.attribution && !existing.attribution.includes(attribution)) {
        existing.attribution = `${existing.attribution} · ${attribution}`;
      }
      return id;
    }
    const tiles = user ? userTiles?.get(def.id) : undefined;
    if (tiles) {
      sources[id] = {
        type: 'vector',
        tiles: [tiles],
        minzoom: 0,
        maxzoom: USER_TILE_OPTIONS.maxZoom,
        attribution,
        ...(def.interactive ? { promoteId: 'zoneId' } : {}),
      };
      tiled.add(id);
      return id;
    }
    // a layer with no built-in data draws nothing until the user loads theirs
    const noData = def.userDataOnly && !replaced?.has(def.id);
    const data = deferred?.has(file) || noData ? EMPTY : resolve(file, def);
    const src: GeoJSONSourceSpecification = { type: 'geojson', data, attribution };
    if (def.interactive) src.promoteId = 'zoneId';
    sources[id] = src;
    return id;
  };

  const shapes: LayerSpecification[] = [];
  const highlights: LayerSpecification[] = [];
  const symbols: { rank: number; spec: LayerSpecification }[] = [];
  for (const def of layers) {
    if (absent?.has(def.id)) continue;
    const source = addSource(def.data, def);
    const labelSource = def.labels ? addSource(def.labels, def) : source;
    const specs = def.style({
      theme: THEME,
      lang: state.lang,
      opacity: state.opacity[def.id] ?? 1,
      visible: state.visible[def.id] ?? def.defaultVisible,
      schematic: drawsSchematic(def, replaced),
      source,
      labelSource,
    });
    for (const spec of specs) {
      const s = state.highContrast ? highContrastLayer(spec) : spec;
      s.metadata = { registryId: def.id, interactive: def.interactive };
      if (s.type === 'symbol') symbols.push({ rank: def.labelRank ?? 0, spec: s });
      else shapes.push(s);
    }
    const shown = state.visible[def.id] ?? def.defaultVisible;
    if (def.interactive && shown && zonePaint?.layerIds.includes(def.id)) {
      shapes.push(zonePaintLayer(zonePaint, def.id, source));
      if (def.legend.kind === 'line') shapes.push(zonePaintLineLayer(zonePaint, def.id, source));
    }
    if (def.interactive && shown && highlight && highlight.length > 0) {
      for (const h of highlightLayers(highlight, def.id, source)) {
        highlights.push(state.highContrast ? highContrastLayer(h) : h);
      }
    }
  }

  const bottom: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': THEME.background } },
  ];
  if (online) {
    sources[`online-${online.id}`] = {
      type: 'raster',
      tiles: online.tiles,
      tileSize: online.tileSize ?? 256,
      attribution: online.attribution,
    };
    bottom.push({ id: `online-${online.id}`, type: 'raster', source: `online-${online.id}` });
  }
  if (overlays) Object.assign(sources, overlays.sources);
  const sharedLayers: LayerSpecification[] = [];
  if (shared) {
    sources[SHARED_SOURCE] = {
      type: 'vector',
      tiles: [shared.tiles],
      maxzoom: 14,
      attribution: shared.attribution,
    };
    const c = THEME.overlay.shared;
    const common = { source: SHARED_SOURCE, 'source-layer': SHARED_TILE_LAYER, metadata: { shared: true } };
    sharedLayers.push(
      {
        id: `${SHARED_SOURCE}-fill`,
        type: 'fill',
        ...common,
        paint: { 'fill-color': c, 'fill-opacity': 0.25 },
      },
      { id: `${SHARED_SOURCE}-line`, type: 'line', ...common, paint: { 'line-color': c, 'line-width': 1.2 } },
    );
  }
  const ordered = [
    ...bottom,
    ...shapes,
    ...highlights,
    ...symbols.sort((a, b) => a.rank - b.rank).map((x) => x.spec),
    ...sharedLayers,
    ...(overlays?.layers ?? []),
  ];
  return {
    version: 8,
    name: 'eco-barrier-map',
    sources,
    layers: ordered.map((l) => ('source' in l && tiled.has(l.source) ? onUserTiles(l) : l)),
  };
}

/**
 * Below this zoom the lines drawn from a user's tiles join mitred, whatever their registry layer says. There a tile
 * holds a whole region's outlines (the bench's 20,000-polygon red line: 172,000 vertices in rings ~2 px across at
 * z4), and maplibre builds a round join of a ring's sharp turn from 8 vertices where a mitre takes 2. At 1–2.6 px
 * wide the two look the same. In software WebGL the mitred joins halved the main thread's longest waits in pan and
 * zoom (README, bench).
 */
export const USER_TILES_ROUND_JOIN_ZOOM = 10;

/** A map layer on a user's tiles: it reads their one source layer, and its lines join mitred further out. */
function onUserTiles(l: LayerSpecification): LayerSpecification {
  const tiled = { ...l, 'source-layer': USER_TILE_LAYER } as LayerSpecification;
  if (tiled.type !== 'line') return tiled;
  const join = tiled.layout?.['line-join'];
  if (typeof join !== 'string' || join === 'miter') return tiled;
  return {
    ...tiled,
    layout: { ...tiled.layout, 'line-join': ['step', ['zoom'], 'miter', USER_TILES_ROUND_JOIN_ZOOM, join] },
  };
}

/** Map layer ids that belong to a registry layer and can be clicked. */
export function interactiveMapLayerIds(style: StyleSpecification): string[] {
  return style.layers
    .filter(
      (l) =>
        l.type !== 'symbol' && (l.metadata as { interactive?: boolean } | undefined)?.interactive === true,
    )
    .map((l) => l.id);
}

export function registryIdOf(mapLayer: { metadata?: unknown }): string | undefined {
  return (mapLayer.metadata as { registryId?: string } | undefined)?.registryId;
}
