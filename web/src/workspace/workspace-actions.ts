// What the shared-workspace section does: find the server, sign in with a token, list the shared layers, and
// screen the project on the bench against one of them on the server.
import type { Observation } from '../../domain/plan/types.ts';
import { isProjectType } from '../../domain/screening/rules.ts';
import { boundaryKey } from '../screening/draft.ts';
import { useAppStore } from '../store/store.ts';
import { words } from '../strings/indicator-labels.ts';
import { keepToken, savedToken } from './token.ts';
import {
  fetchAccount,
  fetchLayers,
  fetchObservations,
  postCheck,
  postObservations,
  workspaceHere,
} from './workspace-client.ts';

const store = () => useAppStore.getState();

let probing: Promise<void> | undefined;

/** Once per page: whether a workspace server serves it, and signing in again with this tab's token. */
export function probeWorkspace(): Promise<void> {
  probing ??= (async () => {
    if (!workspaceHere()) {
      store().setWorkspace({ status: 'absent' });
      return;
    }
    const token = savedToken();
    if (token) await signIn(token);
    else store().setWorkspace({ status: 'signed-out' });
  })();
  return probing;
}

export async function signIn(token: string): Promise<void> {
  const t = token.trim();
  store().setWorkspace({ status: 'signing-in', error: null });
  const me = await fetchAccount(t);
  if (!me.ok) {
    keepToken(null);
    store().setWorkspace({
      status: 'signed-out',
      account: null,
      layers: [],
      error: me.status === 401 ? 'wsTokenRefused' : 'wsUnreachable',
    });
    return;
  }
  keepToken(t);
  store().setWorkspace({ status: 'signed-in', account: me.value, error: null });
  await Promise.all([refreshLayers(), refreshObservations()]);
}

export function signOut(): void {
  keepToken(null);
  store().setWorkspace({
    status: 'signed-out',
    account: null,
    layers: [],
    error: null,
    shown: null,
    observations: [],
  });
  store().setWorkspaceCheck({ status: 'idle', result: null, error: null, messages: [], draftKey: null });
}

export async function refreshLayers(): Promise<void> {
  const token = savedToken();
  if (!token) return;
  const a = await fetchLayers(token);
  if (a.ok) store().setWorkspace({ layers: a.value, error: null });
  else if (a.status === 401) signOut();
  else store().setWorkspace({ error: 'wsUnreachable' });
}

/** Screens the draft's boundary against the layer's published version on the server. */
export async function checkOnServer(layerId: string): Promise<void> {
  const token = savedToken();
  const draft = store().screeningDraft;
  if (!token || !draft) return;
  const key = boundaryKey(draft);
  store().setWorkspaceCheck({ status: 'running', error: null, messages: [], draftKey: key });
  const a = await postCheck(token, {
    layerId,
    project: draft.boundary,
    ...(isProjectType(draft.type) ? { projectType: draft.type } : {}),
  });
  if (a.ok) {
    store().setWorkspaceCheck({ status: 'done', result: a.value, error: null, messages: [] });
    return;
  }
  if (a.status === 401) signOut();
  store().setWorkspaceCheck({
    status: 'error',
    result: null,
    error: a.status === 0 ? 'wsUnreachable' : a.body.error,
    messages: (a.body.errors ?? []).map((m) => ({ zh: m.zh, en: m.en })),
  });
}

/** Draws the layer's published version on the map from the server's tiles, or stops drawing it (null). */
export function showSharedOnMap(layerId: string | null): void {
  const layer = layerId ? store().workspace.layers.find((l) => l.id === layerId) : undefined;
  store().setWorkspace({
    shown:
      layer && layer.published !== null
        ? {
            layerId: layer.id,
            version: layer.published,
            attribution: words('wsAttribution', { version: layer.published }),
          }
        : null,
  });
}

export async function refreshObservations(): Promise<void> {
  const token = savedToken();
  if (!token) return;
  const a = await fetchObservations(token);
  if (a.ok) store().setWorkspace({ observations: a.value });
  else if (a.status === 401) signOut();
}

/** A message about sending rows to the workspace, in both languages (the observation manager lists it). */
export interface SubmitMessage {
  code: string;
  severity: 'error' | 'info';
  zh: string;
  en: string;
}

/**
 * Sends a file's rows to the workspace as this account's league's observations. The server checks them by the
 * same rules as the file was read with and refuses all of them when one is refused (its messages name the rows).
 */
export async function submitObservations(rows: readonly Observation[]): Promise<SubmitMessage[]> {
  const token = savedToken();
  if (!token) return [];
  const a = await postObservations(token, [...rows]);
  if (a.ok) {
    await refreshObservations();
    return [{ code: 'ws-submitted', severity: 'info', ...words('wsSubmitted', { n: a.value.ids.length }) }];
  }
  if (a.status === 401) signOut();
  if (a.status === 403) return [{ code: 'ws-forbidden', severity: 'error', ...words('wsSubmitForbidden') }];
  const issues = a.body.issues ?? [];
  if (issues.length === 0) {
    const why = a.status === 0 ? words('wsUnreachable') : a.body.error;
    return [{ code: 'ws-failed', severity: 'error', ...words('wsSubmitFailed', { why }) }];
  }
  return issues.map((i) => ({
    code: i.code,
    severity: 'error',
    ...words('wsSubmitRow', { line: i.line, text: { zh: i.zh, en: i.en } }),
  }));
}
