import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { EDGE_DRAWN_BY_LINE, perFeature } from './expressions.ts';
import { THEME } from './theme.ts';

/** Things the user brings or the app computes, drawn above all layers: project outlines, overlaps, buffers. */
export type OverlayKind =
  | 'project'
  | 'project-original'
  | 'overlap'
  | 'buffer'
  | 'position'
  | 'accuracy'
  | 'walk';

/** The device's position (web/src/field): a dot, and its accuracy circle. */
const POSITION = { dot: '#1a66d2', halo: '#ffffff' } as const;

export interface Overlay {
  kind: OverlayKind;
  data: FeatureCollection;
}

/**
 * An outline and its fill (a project, an overlap, an accuracy circle). Their paint values are said per feature and
 * the fill draws no edge of its own, as the start-up layers' (expressions.ts): they are drawn with the shader
 * programs the map compiled for its first paint. With constant values they needed programs of their own, compiled
 * in the frame that first drew them: in software WebGL, 0.5 s of the first check after a reload (a trace of it).
 */
function fillAndLine(
  source: string,
  metadata: object,
  color: string,
  fillOpacity: number,
  lineWidth: number,
): LayerSpecification[] {
  return [
    {
      id: `${source}-fill`,
      type: 'fill',
      source,
      metadata,
      paint: {
        'fill-color': perFeature(color),
        'fill-opacity': perFeature(fillOpacity),
        'fill-antialias': EDGE_DRAWN_BY_LINE,
      },
    },
    {
      id: `${source}-line`,
      type: 'line',
      source,
      metadata,
      paint: { 'line-color': perFeature(color), 'line-width': perFeature(lineWidth) },
    },
  ];
}

export function overlayStyle(overlays: Record<string, Overlay>): {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
} {
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [];
  const c = THEME.overlay;
  for (const [id, o] of Object.entries(overlays).sort(([a], [b]) => a.localeCompare(b))) {
    const source = `overlay-${id}`;
    sources[source] = { type: 'geojson', data: o.data };
    const meta = { overlay: id, kind: o.kind };
    switch (o.kind) {
      case 'project':
        layers.push(...fillAndLine(source, meta, c.project, 0.15, 2.5));
        break;
      case 'project-original':
        layers.push({
          id: `${source}-line`,
          type: 'line',
          source,
          metadata: meta,
          paint: {
            'line-color': perFeature(c.original),
            'line-width': perFeature(1.5),
            'line-dasharray': [2, 2],
          },
        });
        break;
      case 'overlap':
        layers.push(...fillAndLine(source, meta, c.overlap, 0.55, 1));
        break;
      case 'accuracy':
        layers.push(...fillAndLine(source, meta, POSITION.dot, 0.12, 1.5));
        break;
      case 'position':
        layers.push({
          id: `${source}-point`,
          type: 'circle',
          source,
          metadata: meta,
          paint: {
            'circle-radius': 7,
            'circle-color': POSITION.dot,
            'circle-stroke-color': POSITION.halo,
            'circle-stroke-width': 2.5,
          },
        });
        break;
      // a boundary being walked (web/src/field/walk): the track, the fixes (hollow when one cannot place a
      // boundary point) and the last fix's accuracy
      case 'walk':
        layers.push(
          {
            id: `${source}-accuracy`,
            type: 'fill',
            source,
            metadata: meta,
            filter: ['==', ['get', 'role'], 'accuracy'],
            paint: { 'fill-color': c.walk, 'fill-opacity': 0.12 },
          },
          {
            id: `${source}-line`,
            type: 'line',
            source,
            metadata: meta,
            filter: ['==', ['get', 'role'], 'track'],
            paint: { 'line-color': c.walk, 'line-width': 2.5 },
          },
          {
            id: `${source}-fixes`,
            type: 'circle',
            source,
            metadata: meta,
            filter: ['==', ['get', 'role'], 'fix'],
            paint: {
              'circle-radius': 3.5,
              'circle-color': ['case', ['get', 'usable'], c.walk, '#ffffff'],
              'circle-stroke-color': c.walk,
              'circle-stroke-width': 1.5,
            },
          },
        );
        break;
      case 'buffer':
        // dashed as the schematic layers' outlines are, with their program (1.7 s to compile in software WebGL)
        layers.push({
          id: `${source}-line`,
          type: 'line',
          source,
          metadata: meta,
          paint: {
            'line-color': perFeature(c.buffer),
            'line-width': perFeature(1),
            'line-dasharray': [1, 2],
          },
        });
        break;
    }
  }
  return { sources, layers };
}
