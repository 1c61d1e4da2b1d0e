/** What the service worker and the browser say about offline use (web/src/offline/register.ts keeps it current). */

/** A version of the offline copy, as the service worker that holds it reports it. */
export interface OfflineCopy {
  version: string;
  /** files in this version's precache, and how many of them its cache holds */
  total: number;
  cached: number;
  bytes: number;
  /** built-in data files (.geojson) among them */
  dataFiles: number;
  /** when the last file was stored (epoch ms), null while incomplete */
  cachedAt: number | null;
}

export interface UserDataCounts {
  layers: number;
  projects: number;
  observationFiles: number;
}

export interface OfflineState {
  /**
   * pending: not registered yet; unsupported: no service worker here; failed: registering or caching failed;
   * dev: the development server, which registers none
   */
  support: 'pending' | 'registered' | 'unsupported' | 'failed' | 'dev';
  error: string | null;
  /** navigator.onLine, followed through online/offline events */
  online: boolean;
  /** whether a service worker serves this page (navigator.serviceWorker.controller) */
  controlled: boolean;
  /** the active version's copy */
  copy: OfflineCopy | null;
  /** a version being cached (the first, or a new one while the active one serves) */
  caching: { version: string; done: number; total: number } | null;
  /** a new version cached and waiting for the user's reload: its version ('' until it has said it) */
  waiting: string | null;
  userData: UserDataCounts | { error: string } | null;
}

export interface OfflineSlice {
  offline: OfflineState;
  setOffline(patch: Partial<OfflineState>): void;
}

type Set = (f: (s: OfflineSlice) => Partial<OfflineSlice>) => void;

export const initialOffline = (): OfflineState => ({
  support: 'pending',
  error: null,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  // a page the service worker served is controlled from its first line, before register.ts is loaded
  controlled: typeof navigator !== 'undefined' && (navigator.serviceWorker?.controller ?? null) !== null,
  copy: null,
  caching: null,
  waiting: null,
  userData: null,
});

export const offlineSlice = (set: Set): OfflineSlice => ({
  offline: initialOffline(),
  setOffline: (patch) => set((s) => ({ offline: { ...s.offline, ...patch } })),
});
