import { useId, useState } from 'react';
import type { CoordinateSource, ImportMessage } from '../../domain/importers/types.ts';
import { runCommand } from '../commands/registry.ts';
import { useCommand } from '../commands/use-command.ts';
import { FileDropZone } from '../components/FileDropZone.tsx';
import { MessageList } from '../components/MessageList.tsx';
import { WalkSection } from '../field/walk/WalkSection.tsx';
import { useAppStore } from '../store/store.ts';
import { t as tr } from '../strings/index.ts';
import { type ImportOutcome, importBoundaryFiles, importBoundaryText } from './boundary-import.ts';

const ACCEPT = '.geojson,.json,.kml,.kmz,.gpx,.zip,.shp,.shx,.dbf,.prj,.cpg,.csv,.tsv,.wkt,.txt';

/** Draw, upload or paste the project boundary; the user says where coordinates come from. */
export function BoundarySection() {
  const lang = useAppStore((s) => s.lang);
  const drawMode = useAppStore((s) => s.drawMode);
  const undo = useCommand('draw.undo');
  const redo = useCommand('draw.redo');
  const del = useCommand('draw.deleteSelected');
  const refused = useAppStore((s) => s.drawRefused);
  const draft = useAppStore((s) => s.screeningDraft);
  const [source, setSource] = useState<CoordinateSource>('wgs84');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ImportMessage[]>([]);
  const [warnings, setWarnings] = useState<ImportMessage[]>([]);
  const [pasted, setPasted] = useState('');
  const ids = { src: useId(), paste: useId() };

  const run = async (work: () => Promise<ImportOutcome>) => {
    setBusy(true);
    setErrors([]);
    setWarnings([]);
    try {
      const r = await work();
      setErrors(r.errors);
      setWarnings(r.warnings);
    } finally {
      setBusy(false);
    }
  };
  const onFiles = (files: FileList | null | undefined) => {
    const list = files ? [...files] : [];
    if (list.length > 0) void run(() => importBoundaryFiles(list, source));
  };

  const from = draft?.importedFrom;
  return (
    <section className="screening-section" aria-labelledby="screening-boundary-h">
      <h3 id="screening-boundary-h">{tr('boundary', lang)}</h3>
      <div className="draw-toolbar" role="toolbar" aria-label={tr('draw', lang)}>
        <button
          type="button"
          aria-pressed={drawMode === 'polygon'}
          onClick={() => runCommand('draw.polygon')}
        >
          {tr('polygon', lang)}
        </button>
        <button
          type="button"
          aria-pressed={drawMode === 'rectangle'}
          onClick={() => runCommand('draw.rectangle')}
        >
          {tr('rectangle', lang)}
        </button>
        <button type="button" aria-pressed={drawMode === 'select'} onClick={() => runCommand('draw.select')}>
          {tr('edit', lang)}
        </button>
        <button type="button" disabled={!undo.enabled} onClick={undo.run}>
          {tr('undo', lang)}
        </button>
        <button type="button" disabled={!redo.enabled} onClick={redo.run}>
          {tr('redo', lang)}
        </button>
        <button type="button" disabled={!del.enabled} onClick={del.run}>
          {tr('deleteShape', lang)}
        </button>
        {drawMode !== 'off' ? (
          <button type="button" onClick={() => runCommand('draw.stop')}>
            {tr('stopDrawing', lang)}
          </button>
        ) : null}
      </div>
      {drawMode === 'polygon' || drawMode === 'rectangle' ? (
        <p className="screening-hint">{tr('drawHint', lang)}</p>
      ) : drawMode === 'select' ? (
        <p className="screening-hint">{tr('editHint', lang)}</p>
      ) : null}
      {refused ? (
        <p
          className="screening-error"
          role="alert"
          data-refused={refused.issue.code}
          data-refused-when={refused.when}
        >
          {tr(refused.when === 'finish' ? 'drawRefused' : 'editRefused', lang)}: {refused.issue[lang]}{' '}
          {tr(refused.when === 'finish' ? 'drawRefusedAction' : 'editRefusedAction', lang)}
        </p>
      ) : null}

      <div className="screening-field">
        <label htmlFor={ids.src}>{tr('coordSource', lang)}</label>
        <select
          id={ids.src}
          value={source}
          onChange={(e) => setSource(e.currentTarget.value as CoordinateSource)}
        >
          <option value="wgs84">{tr('srcWgs', lang)}</option>
          <option value="gcj02">{tr('srcGcj', lang)}</option>
          <option value="bd09">{tr('srcBd', lang)}</option>
        </select>
      </div>
      <FileDropZone
        label={tr('upload', lang)}
        dropText={tr('dropHere', lang)}
        chooseText={tr('chooseFile', lang)}
        inputClassName="screening-file"
        accept={ACCEPT}
        busy={busy}
        onFiles={onFiles}
      />
      <div className="screening-field">
        <label htmlFor={ids.paste}>{tr('paste', lang)}</label>
        <textarea id={ids.paste} rows={3} value={pasted} onChange={(e) => setPasted(e.currentTarget.value)} />
        <button
          type="button"
          disabled={busy || !pasted.trim()}
          onClick={() => void run(() => importBoundaryText(pasted, source, tr('pastedLabel', lang)))}
        >
          {tr('readPasted', lang)}
        </button>
      </div>
      <WalkSection />
      {busy ? <p role="status">{tr('reading', lang)}</p> : null}
      <MessageList
        items={errors}
        lang={lang}
        label={tr('messagesErrors', lang)}
        className="screening-messages"
      />
      <MessageList
        items={warnings}
        lang={lang}
        label={tr('messagesWarnings', lang)}
        className="screening-messages"
      />
      {draft && draft.boundary.features.length > 0 ? (
        <p className="boundary-summary" data-format={from?.format ?? ''}>
          {tr('boundaryFrom', lang)}: {from?.format === 'drawn' ? tr('drawn', lang) : (from?.fileName ?? '')}
          {from && from.format !== 'drawn' ? ` (${from.format}, ${from.crs})` : ''} ·{' '}
          {draft.boundary.features.length} {tr('parts', lang)}
        </p>
      ) : null}
      {draft?.originalBoundary ? <p className="screening-note">{tr('converted', lang)}</p> : null}
    </section>
  );
}
