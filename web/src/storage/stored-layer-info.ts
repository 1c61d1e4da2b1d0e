import type { UserLayerInfo } from '../store/store.ts';
import type { StoredLayerMeta } from './layer-binary-db.ts';

/** What the store shows of a stored user layer (its summary; no geometry); null for a record without provenance. */
export function storedLayerInfo(m: StoredLayerMeta): UserLayerInfo | null {
  const p = m.provenance;
  if (!p) return null;
  return {
    fileName: p.fileName,
    importedAt: p.importedAt,
    featureCount: m.featureCount,
    note: p.note,
    crs: p.crs,
  };
}
