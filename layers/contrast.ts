import type { LayerSpecification } from 'maplibre-gl';

/**
 * The high-contrast variant of the map, for a projector in a lit room: every outline and line drawn wider and
 * darker, every label darker with a wide white halo. Fills, dashes (which scale with the line width) and what is
 * shown stay as they are, so a schematic layer still reads as schematic. buildStyle applies it when
 * `StyleState.highContrast` is set; the default look is untouched.
 */
export const HIGH_CONTRAST = {
  /** line widths are multiplied by this */
  lineWidth: 1.7,
  /** line and label colours keep this share of their lightness */
  darken: 0.6,
  halo: { color: '#ffffff', width: 2.4 },
} as const;

type Value = unknown;

/** #rgb or #rrggbb darkened towards black (its lightness times `keep`); anything else as it is. */
export function darkenColour(value: string, keep: number = HIGH_CONTRAST.darken): string {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value);
  if (!m?.[1]) return value;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const channels = [0, 2, 4].map((i) => Math.round(Number.parseInt(hex.slice(i, i + 2), 16) * keep));
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Every colour literal in a value or expression darkened. */
function darken(value: Value): Value {
  if (typeof value === 'string') return darkenColour(value);
  return Array.isArray(value) ? value.map(darken) : value;
}

/**
 * A width times k: numbers directly, the outputs of a zoom `interpolate` or `step` (which must stay the outermost
 * expression), any other expression wrapped in a product.
 */
function widen(value: Value, k: number): Value {
  if (typeof value === 'number') return Math.round(value * k * 100) / 100;
  if (!Array.isArray(value)) return value;
  const [op] = value;
  if (op === 'interpolate' || op === 'interpolate-hcl' || op === 'interpolate-lab') {
    return value.map((v, i) => (i >= 4 && i % 2 === 0 ? widen(v, k) : v));
  }
  if (op === 'step') return value.map((v, i) => (i >= 2 && i % 2 === 0 ? widen(v, k) : v));
  return ['*', k, value];
}

/** One map layer in the high-contrast look (a new object; the input is not changed). */
export function highContrastLayer(spec: LayerSpecification): LayerSpecification {
  if (spec.type === 'line') {
    const paint: Record<string, Value> = { ...spec.paint };
    paint['line-width'] = widen(paint['line-width'] ?? 1, HIGH_CONTRAST.lineWidth);
    if (paint['line-color'] !== undefined) paint['line-color'] = darken(paint['line-color']);
    return { ...spec, paint } as LayerSpecification;
  }
  if (spec.type === 'symbol') {
    const paint: Record<string, Value> = { ...spec.paint };
    if (paint['text-color'] !== undefined) paint['text-color'] = darken(paint['text-color']);
    paint['text-halo-color'] = HIGH_CONTRAST.halo.color;
    paint['text-halo-width'] = HIGH_CONTRAST.halo.width;
    paint['text-halo-blur'] = 0;
    return { ...spec, paint } as LayerSpecification;
  }
  return spec;
}
