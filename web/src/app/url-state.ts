import { parseUrlState, writeUrlState } from '../../domain/ui/url-state.ts';
import type { AppStore } from '../store/store.ts';
import { loadZoneIndex } from '../zones/zone-index.ts';
import { openZone } from './zone-actions.ts';

/**
 * Keeps the shareable part of the state in the URL (web/domain/ui/url-state.ts): reads once at start, then
 * mirrors the store with history.replaceState.
 */
export function bindUrlState(
  store: AppStore,
  loc: Location = window.location,
  hist: History = window.history,
): () => void {
  const { zone, lang } = parseUrlState(new URLSearchParams(loc.search));
  if (lang) store.getState().setLang(lang);
  if (zone) {
    store.getState().selectZone({ id: zone, zh: '', en: '', kind: '', layerId: '' });
    void loadZoneIndex().then((index) => {
      const at = index[zone];
      if (at && store.getState().selectedZoneId === zone) openZone(store, zone, at);
    });
  }
  return store.subscribe(
    (s) => [s.selectedZoneId, s.lang] as const,
    ([id, l]) => {
      const next = new URLSearchParams(loc.search);
      writeUrlState(next, { zone: id, lang: l });
      const q = next.toString();
      hist.replaceState(hist.state, '', `${loc.pathname}${q ? `?${q}` : ''}${loc.hash}`);
    },
    { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
  );
}
