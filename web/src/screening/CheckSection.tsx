import { useId, useState } from 'react';
import { screeningLayerDefs } from '../../../layers/screening.ts';
import { parseBufferList } from '../../domain/screening/buffers.ts';
import { isProjectType } from '../../domain/screening/rules.ts';
import { MessageList } from '../components/MessageList.tsx';
import { useAppStore } from '../store/store.ts';
import { t as tr } from '../strings/index.ts';
import { runCheck } from './check.ts';

/**
 * The check: buffer distances (read by the same rule as the CLI's `--buffer`, web/domain/screening/buffers.ts),
 * the run button, progress, and why a check gave no result (a boundary not valid, a layer refused).
 */
export function CheckSection() {
  const lang = useAppStore((s) => s.lang);
  const draft = useAppStore((s) => s.screeningDraft);
  const run = useAppStore((s) => s.screeningRun);
  const [buffers, setBuffers] = useState(() => run.buffersM.join(', '));
  const ids = { buf: useId(), bufErr: useId() };

  const parsed = parseBufferList(buffers);
  const hasBoundary = Boolean(draft && draft.boundary.features.length > 0);
  const busy = run.status === 'loading' || run.status === 'running';
  const p = run.progress;

  return (
    <section className="screening-section" aria-labelledby="screening-check-h">
      <h3 id="screening-check-h">{tr('check', lang)}</h3>
      <div className="screening-field">
        <label htmlFor={ids.buf}>{tr('buffers', lang)}</label>
        <input
          id={ids.buf}
          type="text"
          value={buffers}
          aria-invalid={!parsed.ok}
          aria-describedby={parsed.ok ? undefined : ids.bufErr}
          onChange={(e) => setBuffers(e.currentTarget.value)}
        />
      </div>
      {parsed.ok ? null : (
        <div id={ids.bufErr} className="screening-error buffer-errors" role="alert">
          <p>{tr('buffersInvalid', lang)}</p>
          <ul>
            {parsed.errors.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
              <li key={i}>{e[lang]}</li>
            ))}
          </ul>
        </div>
      )}
      <button
        type="button"
        className="primary run-check"
        disabled={!hasBoundary || busy || !parsed.ok}
        onClick={() => parsed.ok && void runCheck(parsed.metres)}
      >
        {tr('runCheck', lang)}
      </button>
      {!hasBoundary ? <p className="screening-hint">{tr('needBoundary', lang)}</p> : null}
      {hasBoundary && !isProjectType(draft?.type ?? '') ? (
        <p className="screening-hint type-hint">{tr('noTypeHint', lang)}</p>
      ) : null}
      {screeningLayerDefs().length === 0 ? <p className="screening-error">{tr('noLayers', lang)}</p> : null}
      {busy ? (
        <div className="screening-progress" role="status" data-phase={p?.phase ?? ''}>
          {run.status === 'loading' ? tr('loadingLayers', lang) : tr('checking', lang)}
          {p ? ` · ${p.phase} ${p.done}/${p.total}` : ' …'}
          <progress max={p?.total || 1} value={p ? p.done : undefined} />
        </div>
      ) : null}
      {run.status === 'error' && run.layerIssues.length > 0 ? (
        <div className="screening-error layer-refused" role="alert">
          <p>
            {tr('failed', lang)}: {tr('layerRefused', lang)}
          </p>
          <MessageList
            items={run.layerIssues}
            lang={lang}
            label={tr('messagesErrors', lang)}
            className="screening-messages"
          />
        </div>
      ) : run.status === 'error' ? (
        <p className="screening-error" role="alert">
          {tr('failed', lang)}: {run.message === 'no-layers' ? tr('noLayers', lang) : run.message}
        </p>
      ) : null}
      {run.status === 'invalid' ? (
        <div className="screening-error" role="alert">
          <p>{tr('invalid', lang)}</p>
          <ul>
            {run.errors.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
              <li key={`${e.code}-${i}`}>{e[lang]}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
