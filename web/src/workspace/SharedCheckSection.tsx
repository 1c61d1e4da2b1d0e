import { useEffect, useId, useState } from 'react';
import { fmtHa, fmtMu, fmtShare } from '../../domain/report/figures.ts';
import { exportBaseName } from '../../domain/report/geojson.ts';
import { beijingTime } from '../../domain/report/time.ts';
import { VERDICT_LABELS } from '../../domain/screening/rules.ts';
import { serverCheckCsv } from '../../domain/workspace/check-csv.ts';
import { ROLE_LABELS } from '../../domain/workspace/roles.ts';
import { download } from '../screening/download.ts';
import { boundaryKey } from '../screening/draft.ts';
import { useAppStore } from '../store/store.ts';
import { t as tr } from '../strings/index.ts';
import { fill } from '../strings/indicator-labels.ts';
import { checkOnServer, probeWorkspace, showSharedOnMap, signIn, signOut } from './workspace-actions.ts';

const ERROR_KEYS = {
  'project-refused': 'wsProjectRefused',
  'not-published': 'wsNotPublishedError',
  forbidden: 'wsForbidden',
  wsUnreachable: 'wsUnreachable',
} as const;

/**
 * The shared workspace in the screening panel, shown only when a workspace server serves the page: sign in with
 * a token, pick a shared layer, check the project on the bench against its published version on the server.
 * Everything the server sends is rendered as text.
 */
export function SharedCheckSection() {
  const lang = useAppStore((s) => s.lang);
  const ws = useAppStore((s) => s.workspace);
  const draft = useAppStore((s) => s.screeningDraft);
  const [token, setToken] = useState('');
  const [layerId, setLayerId] = useState<string | null>(null);
  const ids = { token: useId(), layer: useId() };
  useEffect(() => {
    void probeWorkspace();
  }, []);
  if (ws.status === 'unknown' || ws.status === 'absent') return null;

  const published = ws.layers.filter((l) => l.published !== null);
  const chosen = published.find((l) => l.id === layerId) ?? published[0] ?? null;
  const hasBoundary = Boolean(draft && draft.boundary.features.length > 0);
  const c = ws.check;
  const stale = c.status === 'done' && c.draftKey !== boundaryKey(draft);
  const result = c.status === 'done' ? c.result : null;
  const resultLayer = result ? ws.layers.find((l) => l.id === result.layerId) : undefined;

  return (
    <section className="screening-section shared-workspace" aria-labelledby="ws-h">
      <h3 id="ws-h">{tr('wsTitle', lang)}</h3>
      <p className="screening-hint">{tr('wsHint', lang)}</p>
      {ws.status === 'signed-in' && ws.account ? (
        <p className="ws-account">
          {fill('wsSignedIn', lang, {
            name: ws.account.name,
            role: ROLE_LABELS[ws.account.role][lang],
            scope: ws.account.scope === 'region' ? tr('wsRegion', lang) : ws.account.scope,
          })}{' '}
          <button type="button" onClick={signOut}>
            {tr('wsSignOut', lang)}
          </button>
        </p>
      ) : (
        <form
          className="ws-sign-in"
          onSubmit={(e) => {
            e.preventDefault();
            if (token.trim()) void signIn(token);
          }}
        >
          <label htmlFor={ids.token}>{tr('wsToken', lang)}</label>
          <input
            id={ids.token}
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.currentTarget.value)}
          />
          <button type="submit" disabled={ws.status === 'signing-in' || !token.trim()}>
            {tr('wsSignIn', lang)}
          </button>
        </form>
      )}
      {ws.error ? (
        <p className="screening-error" role="alert">
          {tr(ws.error === 'wsTokenRefused' ? 'wsTokenRefused' : 'wsUnreachable', lang)}
        </p>
      ) : null}
      {ws.status === 'signed-in' ? (
        published.length === 0 ? (
          <p className="screening-hint">{tr('wsNoLayers', lang)}</p>
        ) : (
          <>
            <div className="screening-field">
              <label htmlFor={ids.layer}>{tr('wsLayer', lang)}</label>
              <select
                id={ids.layer}
                value={chosen?.id ?? ''}
                onChange={(e) => setLayerId(e.currentTarget.value)}
              >
                {published.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name[lang]}
                  </option>
                ))}
              </select>
            </div>
            {chosen ? (
              <p className="ws-version">
                {(() => {
                  const v = chosen.versions.find((x) => x.version === chosen.published);
                  return fill('wsPublished', lang, {
                    version: chosen.published ?? '',
                    count: v?.featureCount.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') ?? '',
                    author: chosen.publishedBy ?? '',
                    at: beijingTime(chosen.publishedAt, lang),
                  });
                })()}
              </p>
            ) : null}
            {chosen ? (
              <label className="ws-show">
                <input
                  type="checkbox"
                  checked={ws.shown?.layerId === chosen.id}
                  onChange={(e) => showSharedOnMap(e.currentTarget.checked ? chosen.id : null)}
                />{' '}
                {tr('wsShowOnMap', lang)}
              </label>
            ) : null}
            <button
              type="button"
              className="ws-check"
              disabled={!hasBoundary || !chosen || c.status === 'running'}
              onClick={() => chosen && void checkOnServer(chosen.id)}
            >
              {tr('wsCheck', lang)}
            </button>
            {!hasBoundary ? <p className="screening-hint">{tr('needBoundary', lang)}</p> : null}
          </>
        )
      ) : null}
      {c.status === 'running' ? (
        <p className="screening-progress" role="status">
          {tr('wsChecking', lang)}
        </p>
      ) : null}
      {c.status === 'error' ? (
        <div className="screening-error ws-check-error" role="alert">
          <p>
            {fill('wsCheckFailed', lang, {
              why:
                c.error && c.error in ERROR_KEYS
                  ? tr(ERROR_KEYS[c.error as keyof typeof ERROR_KEYS], lang)
                  : (c.error ?? ''),
            })}
          </p>
          {c.messages.length > 0 ? (
            <ul>
              {c.messages.map((m, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the server's list, shown as given
                <li key={i}>{m[lang]}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {result ? (
        <div className="ws-result" data-check-id={result.id}>
          <h4>
            {fill('wsResultTitle', lang, {
              layer: resultLayer?.name[lang] ?? result.layerId,
              version: result.version,
            })}
          </h4>
          {stale ? <p className="screening-warning">{tr('wsStale', lang)}</p> : null}
          <p className="ws-summary">
            {fill('wsResultSummary', lang, {
              ha: fmtHa(result.projectAreaM2),
              mu: fmtMu(result.projectAreaM2),
              n: result.overlaps.length,
              oha: fmtHa(result.overlapM2),
              omu: fmtMu(result.overlapM2),
              share: fmtShare(result.overlapM2 / result.projectAreaM2),
            })}
          </p>
          {result.overlaps.length === 0 ? (
            <p>{tr('wsNoOverlap', lang)}</p>
          ) : (
            <table className="result-table ws-overlaps">
              <thead>
                <tr>
                  <th scope="col">{tr('feature', lang)}</th>
                  <th scope="col">{tr('ha', lang)}</th>
                  <th scope="col">{tr('mu', lang)}</th>
                  <th scope="col">{tr('share', lang)}</th>
                  <th scope="col">{tr('verdict', lang)}</th>
                </tr>
              </thead>
              <tbody>
                {result.overlaps.map((o) => (
                  <tr key={o.featureId} data-feature-id={o.featureId}>
                    <th scope="row">{o.name ?? o.featureId}</th>
                    <td className="ws-ha">{fmtHa(o.areaM2)}</td>
                    <td>{fmtMu(o.areaM2)}</td>
                    <td>{fmtShare(o.share)}</td>
                    <td>
                      {o.verdict && o.verdict in VERDICT_LABELS
                        ? VERDICT_LABELS[o.verdict as keyof typeof VERDICT_LABELS][lang]
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="screening-method">
            {fill('wsRecorded', lang, {
              id: result.id,
              at: beijingTime(result.at, lang, { seconds: true }),
              hash: result.reportSha256.slice(0, 16),
            })}
          </p>
          <p className="screening-method">
            {tr('wsEngine', lang)}: {result.engine.postgis} · {result.engine.method}
          </p>
          <div className="button-row">
            <button
              type="button"
              onClick={() =>
                download(
                  `${exportBaseName(draft ?? { name: '' })}-server-check-${result.id}.csv`,
                  serverCheckCsv(result, resultLayer?.name.zh ?? result.layerId, {
                    name: draft?.name ?? '',
                    type: draft?.type || null,
                  }),
                  'text/csv;charset=utf-8',
                )
              }
            >
              {tr('exportCsv', lang)}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
