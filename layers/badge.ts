import type { Badge } from '../web/domain/report/types.ts';

/**
 * The honesty badge: the one rule that decides whether a layer is shown as 示意 (schematic), 用户数据 (the user's
 * own data) or neither. The legend, the info view, the zone panel, the map's dashes, the screening results, the
 * CSV and GeoJSON exports and the printed report all ask this function; layer names never carry a badge.
 */
/** 示意, 用户数据 or none; the type and the badge words live in the domain, beside the exports that print them. */
export type LayerBadge = Badge;

/** The layers the user replaced with their own data: a set of layer ids, or the store's record keyed by id. */
export type ReplacedLayers = ReadonlySet<string> | Readonly<Record<string, unknown>>;

const NONE: ReadonlySet<string> = new Set();

export function isReplaced(layerId: string, replaced: ReplacedLayers): boolean {
  return replaced instanceof Set
    ? replaced.has(layerId)
    : Object.hasOwn(replaced, layerId) && (replaced as Record<string, unknown>)[layerId] !== undefined;
}

/**
 * A layer the user replaced shows the user's data, whatever the built-in layer was; otherwise a layer drawn from
 * public descriptions rather than a surveyed dataset is schematic; a built-in surveyed layer needs no badge.
 */
export function layerBadge(
  def: { readonly id: string; readonly schematic: boolean },
  replaced: ReplacedLayers = NONE,
): LayerBadge {
  if (isReplaced(def.id, replaced)) return 'user';
  return def.schematic ? 'schematic' : null;
}

/** Whether a map layer is drawn dashed and lighter: exactly when its badge is 示意. */
export const drawsSchematic = (
  def: { readonly id: string; readonly schematic: boolean },
  replaced?: ReplacedLayers,
) => layerBadge(def, replaced) === 'schematic';

/** Where a zone shown in the app came from: the user's replacement file, or the built-in layer file. */
export type FeatureOrigin = 'user' | 'builtin';

export interface FeatureBadge {
  /** The badge of the data the feature came from. */
  badge: LayerBadge;
  /**
   * A built-in feature of a layer the user has replaced: the map shows the user's data instead, so this feature is
   * not drawn (opened by search, link or URL, or selected before the replacement).
   */
  superseded: boolean;
}

/**
 * The badge of one feature: a feature from the user's file is 用户数据; a built-in feature keeps the built-in
 * layer's badge (示意 or none) even when the user has replaced its layer, and says it is superseded. For a feature
 * on the map (built-in while the layer is not replaced, the user's while it is) this is `layerBadge`.
 */
export function featureBadge(
  def: { readonly id: string; readonly schematic: boolean },
  replaced: ReplacedLayers,
  origin: FeatureOrigin,
): FeatureBadge {
  if (origin === 'user') return { badge: 'user', superseded: false };
  return { badge: layerBadge(def), superseded: isReplaced(def.id, replaced) };
}
