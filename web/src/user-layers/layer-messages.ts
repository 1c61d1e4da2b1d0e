import type { ImportMessage } from '../../domain/importers/types.ts';
import type { ImportPath } from '../../domain/projects/split-import.ts';
import type { StoredLayerMeta } from '../storage/layer-binary-db.ts';

/** The import phases, in order (each is timed: `ebm:import:<phase>`). */
export const IMPORT_PHASES = ['read', 'parse', 'validate', 'encode', 'store'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

export interface LayerTarget {
  /** registry layer id */
  id: string;
  zoneType?: string;
}

export type LayerWorkerRequest =
  | {
      type: 'import';
      file: File;
      options: { layerId: string; source: 'wgs84' | 'gcj02' | 'bd09'; provenanceNote: string };
      zoneType?: string;
    }
  /** turn layers kept by an earlier version (GeoJSON in the project store) into stored binary layers */
  | { type: 'migrate'; targets: LayerTarget[] };

export type LayerWorkerResponse =
  | { type: 'phase'; phase: ImportPhase }
  | {
      type: 'imported';
      meta: StoredLayerMeta;
      warnings: ImportMessage[];
      /** ms per phase, measured in the worker */
      ms: Record<ImportPhase, number>;
      /** how the features were read (kept in the measures' detail) */
      path: ImportPath;
    }
  | { type: 'refused'; errors: ImportMessage[]; warnings: ImportMessage[] }
  | { type: 'migrated'; metas: StoredLayerMeta[]; problems: string[] }
  | { type: 'error'; message: string };
