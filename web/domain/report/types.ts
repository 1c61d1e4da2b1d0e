import type { BoundaryCollection, Project } from '../projects/model.ts';

/**
 * A layer's honesty badge as the app decides it (layers/badge.ts): 示意 (drawn from public descriptions), 用户数据
 * (the user's own file replaced the built-in layer) or none (a built-in surveyed dataset).
 */
export type Badge = 'schematic' | 'user' | null;

/** The words for each badge: the one source for the UI catalogue, the CSV and the report. */
export const BADGE_TEXT: Record<Exclude<Badge, null>, { zh: string; en: string }> = {
  schematic: { zh: '示意', en: 'schematic' },
  user: { zh: '用户数据', en: 'user data' },
};

/** A dataset a check ran against, as it was at the time of the check. */
export interface DatasetInfo {
  layerId: string;
  /** the layer's plain name; the badge is kept apart and shown next to it */
  nameZh: string;
  nameEn: string;
  zoneType: string;
  badge: Badge;
  version: string;
  provenance: string;
  featureCount: number;
  /** SHA-256 of the data as sent to the engine */
  sha256: string;
}

/** What the exports and the record need of the project that was checked. */
export interface CheckedProject {
  name: string;
  type: string;
  source: Project['source'];
  boundary: BoundaryCollection;
  importedFrom?: Project['importedFrom'];
}
