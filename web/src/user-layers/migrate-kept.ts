/**
 * Layers kept by an earlier version of the app (GeoJSON bytes or objects in the project store's `userLayers`,
 * or a layer a project bundle brought) become stored binary layers, once; the kept copy is then removed. Runs in
 * the import worker.
 */
import type { UserLayerStore } from '../../domain/projects/storage.ts';
import {
  keptLayerFeatures,
  storedLayerParts,
  storedLayerVersion,
} from '../../domain/projects/stored-layer.ts';
import { indexLayer } from '../../domain/screening/layer.ts';
import { encodeIndex } from '../../domain/screening/stored-index.ts';
import {
  getStoredLayerMeta,
  putStoredLayer,
  type StoredLayer,
  type StoredLayerMeta,
} from '../storage/layer-binary-db.ts';
import type { LayerTarget } from './layer-messages.ts';

export async function sha256Hex(bytes: BufferSource): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let s = '';
  for (const b of d) s += b.toString(16).padStart(2, '0');
  return s;
}

export async function migrateKeptLayers(
  db: UserLayerStore,
  targets: LayerTarget[],
): Promise<{ metas: StoredLayerMeta[]; problems: string[] }> {
  const metas: StoredLayerMeta[] = [];
  const problems: string[] = [];
  const byId = new Map(targets.map((x) => [x.id, x]));
  for (const l of await db.allUserLayers()) {
    const target = byId.get(l.id);
    if (!target) continue;
    const version = storedLayerVersion(l.provenance);
    const have = await getStoredLayerMeta(l.id);
    // a layer imported since (stored) wins over an older kept copy; a newer one (a project bundle's) replaces it
    if (have && (have.provenance?.importedAt ?? '') >= l.provenance.importedAt) {
      await db.deleteUserLayer(l.id);
      continue;
    }
    const fc = keptLayerFeatures(l);
    if (!fc) continue;
    const made = storedLayerParts(fc, {
      layerId: l.id,
      ...(target.zoneType ? { zoneType: target.zoneType } : {}),
      label: l.provenance.fileName,
    });
    if (!made.ok) {
      // kept where it is (nothing lost), and said why
      problems.push(`${l.provenance.fileName}: ${made.errors.map((e) => e.en).join('; ')}`);
      continue;
    }
    // the original file is gone: the hash is of the GeoJSON kept, as earlier versions reported it
    const kept = l.geojson ?? (new TextEncoder().encode(JSON.stringify(fc)).buffer as ArrayBuffer);
    const rec: StoredLayer = {
      id: l.id,
      version,
      sha256: await sha256Hex(kept),
      fileBytes: kept.byteLength,
      featureCount: made.parts.featureCount,
      vertexCount: made.parts.vertexCount,
      bbox: made.parts.bbox,
      name: l.name,
      provenance: { ...l.provenance, featureCount: made.parts.featureCount },
      ebl: made.parts.ebl,
      index: encodeIndex(indexLayer(made.parts.data)),
    };
    await putStoredLayer(rec);
    await db.deleteUserLayer(l.id);
    const { ebl: _ebl, index: _index, ...meta } = rec;
    metas.push(meta);
  }
  return { metas, problems };
}
