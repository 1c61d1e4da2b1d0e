import type { ExpressionSpecification } from 'maplibre-gl';
import type { Lang } from './types.ts';

export const nameField = (lang: Lang): ExpressionSpecification => ['coalesce', ['get', lang], ['get', 'zh']];

export const byState = (selected: string, hover: string, base: string): ExpressionSpecification => [
  'case',
  ['boolean', ['feature-state', 'selected'], false],
  selected,
  ['boolean', ['feature-state', 'hover'], false],
  hover,
  base,
];

export const visibility = (visible: boolean): 'visible' | 'none' => (visible ? 'visible' : 'none');
