import { useId, useState } from 'react';
import { layerBadge } from '../../../layers/badge.ts';
import type { LayerDef } from '../../../layers/types.ts';
import { makeMessage } from '../../domain/importers/messages.ts';
import type { ImportMessage } from '../../domain/importers/types.ts';
import { beijingDate } from '../../domain/report/time.ts';
import {
  drawnOutlineErrorMetres,
  USER_TILE_MAX_BYTES,
  USER_TILE_MAX_VERTICES,
  USER_TILE_OPTIONS,
} from '../../domain/tiles/user-tiles.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { fill } from '../strings/indicator-labels.ts';
import {
  type CoordinateSource,
  type ImportPhase,
  importUserLayerFile,
  removeUserLayer,
} from '../user-layers/user-layer-actions.ts';
import { MessageList } from './MessageList.tsx';

const PHASE_TEXT = {
  read: 'importPhaseRead',
  parse: 'importPhaseParse',
  validate: 'importPhaseValidate',
  encode: 'importPhaseEncode',
  store: 'importPhaseStore',
} as const satisfies Record<ImportPhase, string>;

/** Replace a layer with the user's authoritative data (kept in this browser only), or go back to the built-in one. */
export function UserDataSection({ def }: { def: LayerDef }) {
  const lang = useAppStore((s) => s.lang);
  const current = useAppStore((s) => s.userLayers[def.id]);
  const [source, setSource] = useState<CoordinateSource>('wgs84');
  const [busy, setBusy] = useState(false);
  const [phase, setPhase] = useState<ImportPhase | null>(null);
  const [errors, setErrors] = useState<ImportMessage[]>([]);
  const [warnings, setWarnings] = useState<ImportMessage[]>([]);
  const fileId = useId();
  const srcId = useId();

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setErrors([]);
    setWarnings([]);
    try {
      const r = await importUserLayerFile(def.id, file, source, setPhase);
      setErrors(r.errors);
      setWarnings(r.warnings);
    } catch (e) {
      setErrors([
        makeMessage(file.name, 'read-failed', undefined, {
          detail: e instanceof Error ? e.message : String(e),
        }),
      ]);
    } finally {
      setBusy(false);
      setPhase(null);
    }
  };

  return (
    <section className="user-data" aria-label={t('userData', lang)}>
      <h3>{t('userData', lang)}</h3>
      {current ? (
        <div className="user-data-current" data-user-layer={def.id}>
          <p>
            {t('userDataActive', lang)}: <strong>{current.fileName}</strong> · {current.featureCount}{' '}
            {t('features', lang)} · {beijingDate(current.importedAt)} · {current.crs}
          </p>
          <p className="user-data-drawn">
            {fill('userDataDrawn', lang, {
              z: USER_TILE_OPTIONS.maxZoom,
              m: drawnOutlineErrorMetres(USER_TILE_OPTIONS.maxZoom),
              mb: USER_TILE_MAX_BYTES / 1e6,
              v: USER_TILE_MAX_VERTICES.toLocaleString('en'),
            })}
          </p>
          <button type="button" onClick={() => removeUserLayer(def.id)}>
            {t(
              def.userDataOnly
                ? 'removeUserData'
                : layerBadge(def) === 'schematic'
                  ? 'restoreSchematic'
                  : 'restoreBuiltIn',
              lang,
            )}
          </button>
        </div>
      ) : (
        <p className="user-data-hint">{t('userDataHint', lang)}</p>
      )}
      <div className="user-data-form">
        <label htmlFor={srcId}>{t('coordSource', lang)}</label>
        <select
          id={srcId}
          value={source}
          onChange={(e) => setSource(e.currentTarget.value as CoordinateSource)}
        >
          <option value="wgs84">{t('srcWgs', lang)}</option>
          <option value="gcj02">{t('srcGcj', lang)}</option>
          <option value="bd09">{t('srcBd', lang)}</option>
        </select>
        <label htmlFor={fileId}>{t('chooseFile', lang)}</label>
        <input
          id={fileId}
          type="file"
          accept=".geojson,.json,.zip,.kml,.kmz,.gpx,.csv,.wkt,.txt"
          disabled={busy}
          onChange={(e) => {
            void onFile(e.currentTarget.files?.[0]);
            e.currentTarget.value = '';
          }}
        />
      </div>
      {busy ? (
        <p role="status" data-import-phase={phase ?? ''}>
          {t(phase ? PHASE_TEXT[phase] : 'reading', lang)}
        </p>
      ) : null}
      <MessageList items={errors} lang={lang} label={t('messagesErrors', lang)} />
      <MessageList items={warnings} lang={lang} label={t('messagesWarnings', lang)} />
    </section>
  );
}
