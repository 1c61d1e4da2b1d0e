/** What the layer checks say and how they name a layer and its features (layer-check.ts, the CLI, the worker). */
import type { LayerData, LayerMeta } from './layer.ts';

export type LayerIssueCode =
  | 'layer-not-feature-collection'
  | 'layer-corrupt'
  | 'layer-empty'
  | 'layer-bad-coordinate'
  | 'layer-not-lonlat'
  | 'layer-invalid-geometry'
  | 'layer-geometry-unchecked';

/** Plain text in two languages (render as text, never markup). */
export interface LayerIssue {
  code: LayerIssueCode;
  severity: 'error' | 'warning';
  /** the layer as named to the user (file name or layer name) */
  layer: string;
  featureId?: string;
  /** [lon, lat] (or the raw coordinate for `layer-not-lonlat`) */
  at?: [number, number];
  zh: string;
  en: string;
}

export type LayerCheck = { errors: LayerIssue[]; warnings: LayerIssue[] };

export interface LayerCheckOptions {
  /** how the layer is named in messages; default: meta.nameZh / meta.nameEn, else meta.id */
  label?: LayerLabel;
  /** features with more vertices are not checked for invalid geometry (reported); default 200,000 */
  maxVerticesPerFeature?: number;
}

export const clipName = (s: string): string => {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
};

export function issue(
  code: LayerIssueCode,
  severity: LayerIssue['severity'],
  label: LayerLabel,
  zh: string,
  en: string,
  extra: Partial<LayerIssue> = {},
): LayerIssue {
  const layer = zhOf(label) === enOf(label) ? zhOf(label) : `${zhOf(label)} / ${enOf(label)}`;
  return { code, severity, layer, ...extra, zh, en };
}

export function featureOfVertex(data: LayerData, v: number): number {
  const ring = upperBound(data.ringStarts, v) - 1;
  const part = upperBound(data.partRingStarts, ring) - 1;
  return upperBound(data.featurePartStarts, part) - 1;
}

/** Index of the first element > x (arrays are non-decreasing). */
function upperBound(a: Uint32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const featureId = (data: LayerData, f: number): string => String(data.props.at(f)?.id ?? f);

/** How a message names a layer: one text, or its Chinese and English names. */
export type LayerLabel = string | { readonly zh: string; readonly en: string };
export const zhOf = (l: LayerLabel): string => (typeof l === 'string' ? l : l.zh);
export const enOf = (l: LayerLabel): string => (typeof l === 'string' ? l : l.en);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** A feature as a message names it: its name where it has one (“name” (id)), else its id. */
export function featureNames(data: LayerData, f: number): { zh: string; en: string } {
  const p = data.props.at(f);
  const id = clipName(featureId(data, f));
  const zh = text(p?.nameZh) ?? text(p?.zh) ?? text(p?.name) ?? text(p?.NAME);
  const en = text(p?.nameEn) ?? text(p?.en) ?? text(p?.name) ?? text(p?.NAME) ?? zh;
  return {
    zh: zh ? `“${clipName(zh)}”（${id}）` : id,
    en: en ? `“${clipName(en)}” (${id})` : id,
  };
}

/** A layer's own names (each falling back on the other, then its id), as messages name it unless told otherwise. */
export const metaLabel = (meta: LayerMeta): LayerLabel => ({
  zh: meta.nameZh ?? meta.nameEn ?? meta.id,
  en: meta.nameEn ?? meta.nameZh ?? meta.id,
});

export const defaultLabel = (data: LayerData): LayerLabel => metaLabel(data.meta);
