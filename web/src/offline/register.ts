import type { AppStore } from '../store/store.ts';
import type { OfflineCopy, OfflineState } from './offline-slice.ts';
import { userDataCounts } from './user-data-counts.ts';

/**
 * Registers the service worker (sw.js, built by scripts/vite/service-worker-plugin.ts) and keeps the store's
 * offline state current: the copy of the active version, a version being cached with its progress, a new version
 * waiting, the network, the user's data kept in this browser. main.tsx starts it after the map's first idle, in
 * production builds only. A waiting version takes over only through `reloadToNewVersion` (the user's click): this
 * module never reloads the page on its own.
 */

interface SwMessage {
  source?: string;
  type?: string;
  version?: string;
  done?: number;
  total?: number;
  message?: string;
  cached?: number;
  bytes?: number;
  dataFiles?: number;
  cachedAt?: number | null;
  active?: boolean;
}

let userAskedReload = false;
let registration: ServiceWorkerRegistration | null = null;

/** Hands over to the waiting version and reloads once it controls the page (the user asked for it). */
export function reloadToNewVersion(): void {
  const waiting = registration?.waiting;
  if (!waiting) return;
  userAskedReload = true;
  waiting.postMessage({ type: 'skip-waiting' });
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function startOffline(store: AppStore): Promise<void> {
  const set = (patch: Partial<OfflineState>) => store.getState().setOffline(patch);
  addEventListener('online', () => {
    set({ online: true });
    void registration?.update().catch(() => undefined); // a new version is looked for when the network is back
  });
  addEventListener('offline', () => set({ online: false }));
  set({ online: navigator.onLine });
  void countUserData(store);

  // present but undefined where service workers are blocked (a browser policy, a test's context)
  const sw = navigator.serviceWorker as ServiceWorkerContainer | undefined;
  if (!sw || !isSecureContext) {
    set({ support: 'unsupported' });
    return;
  }
  const askStatus = (worker: ServiceWorker | null | undefined) => worker?.postMessage({ type: 'status' });
  sw.addEventListener('message', (e: MessageEvent<SwMessage>) => {
    const m = e.data;
    if (m?.source !== 'ebm-sw' || !m.version) return;
    const s = store.getState().offline;
    if (m.type === 'progress') {
      set({ caching: { version: m.version, done: m.done ?? 0, total: m.total ?? 0 } });
    } else if (m.type === 'failed') {
      set({ caching: null, support: s.copy ? s.support : 'failed', error: m.message ?? null });
    } else if (m.type === 'status' && !m.active) {
      if (registration?.waiting) set({ waiting: m.version });
    } else if (m.type === 'status') {
      const copy: OfflineCopy = {
        version: m.version,
        total: m.total ?? 0,
        cached: m.cached ?? 0,
        bytes: m.bytes ?? 0,
        dataFiles: m.dataFiles ?? 0,
        cachedAt: m.cachedAt ?? null,
      };
      set({ copy, caching: s.caching?.version === m.version ? null : s.caching });
    }
  });
  sw.addEventListener('controllerchange', () => {
    set({ controlled: sw.controller !== null });
    if (userAskedReload) location.reload();
    else askStatus(sw.controller);
  });
  set({ controlled: sw.controller !== null });

  let reg: ServiceWorkerRegistration | undefined;
  try {
    reg = await sw.register(new URL('sw.js', document.baseURI), {
      scope: new URL('./', document.baseURI).href,
    });
  } catch (e) {
    set({ support: 'failed', error: errorText(e) });
    return;
  }
  // a browser that blocks service workers may answer with no registration at all
  if (!reg) {
    set({ support: 'unsupported' });
    return;
  }
  registration = reg;
  set({ support: 'registered' });

  const follow = (worker: ServiceWorker) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && reg.active && reg.waiting === worker) {
        set({ waiting: '', caching: null });
        askStatus(worker); // its reply names its version
      }
      if (worker.state === 'activated') {
        set({ waiting: null });
        askStatus(worker);
      }
      if (worker.state === 'redundant' && store.getState().offline.caching) set({ caching: null });
    });
  };
  reg.addEventListener('updatefound', () => {
    if (reg.installing) follow(reg.installing);
  });
  if (reg.installing) follow(reg.installing);
  if (reg.waiting && reg.active) {
    follow(reg.waiting);
    set({ waiting: '' });
    askStatus(reg.waiting);
  }
  askStatus(reg.active);
}

/** Counts the user's data kept in this browser into the offline state (again whenever it is looked at). */
export function countUserData(store: AppStore): Promise<void> {
  return userDataCounts().then(
    (userData) => store.getState().setOffline({ userData }),
    (e: unknown) => store.getState().setOffline({ userData: { error: errorText(e) } }),
  );
}
