// Requests to the workspace server on the page's own origin (connect-src 'self'), with the tab's token (token.ts).
import type {
  ServerCheck,
  ServerError,
  SharedLayer,
  SharedObservation,
  WorkspaceAccount,
} from '../../domain/workspace/api-types.ts';
import { WORKSPACE_META } from '../../domain/workspace/page-mark.ts';

export type Answer<T> = { ok: true; value: T } | { ok: false; status: number; body: ServerError };

async function call<T>(path: string, token: string | null, init: RequestInit = {}): Promise<Answer<T>> {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    return { ok: false, status: 0, body: { error: 'network' } };
  }
  const json: unknown = (res.headers.get('content-type') ?? '').includes('application/json')
    ? await res.json().catch(() => null)
    : null;
  if (res.ok && json !== null) return { ok: true, value: json as T };
  const body =
    json && typeof json === 'object' && 'error' in json ? (json as ServerError) : { error: 'bad-answer' };
  return { ok: false, status: res.status, body };
}

/** Whether a workspace server serves this page (it marks the page it serves, page-mark.ts). */
export const workspaceHere = (): boolean =>
  typeof document !== 'undefined' && document.querySelector(`meta[name="${WORKSPACE_META}"]`) !== null;

export const fetchAccount = (token: string) => call<WorkspaceAccount>('/api/me', token);
export const fetchLayers = (token: string) => call<SharedLayer[]>('/api/layers', token);

export const postCheck = (
  token: string,
  body: { layerId: string; version?: number; project: unknown; projectType?: string },
) =>
  call<ServerCheck>('/api/checks', token, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

export const fetchObservations = (token: string) => call<SharedObservation[]>('/api/observations', token);

export const postObservations = (token: string, rows: unknown[]) =>
  call<{ ids: number[] }>('/api/observations', token, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rows }),
  });
