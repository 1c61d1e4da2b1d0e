import type { AppStore } from '../store/store.ts';
import { loadZoneIndex } from '../zones/zone-index.ts';

/**
 * Keeps the shareable part of the state in the URL: `zone=<id>` opens a zone, `lang=en` switches language.
 * Reads once at start, then mirrors the store with history.replaceState.
 */
export function bindUrlState(
  store: AppStore,
  loc: Location = window.location,
  hist: History = window.history,
): () => void {
  const params = new URLSearchParams(loc.search);
  const zone = params.get('zone');
  const lang = params.get('lang');
  if (lang === 'en' || lang === 'zh') store.getState().setLang(lang);
  if (zone && /^[a-z0-9-]{1,80}$/.test(zone)) {
    store.getState().selectZone({ id: zone, zh: '', en: '', kind: '', layerId: '' });
    void loadZoneIndex().then((index) => {
      const e = index[zone];
      if (e && store.getState().selectedZoneId === zone) store.getState().openZone(zone, e.layerId, e.bbox);
    });
  }
  return store.subscribe(
    (s) => [s.selectedZoneId, s.lang] as const,
    ([id, l]) => {
      const next = new URLSearchParams(loc.search);
      if (id) next.set('zone', id);
      else next.delete('zone');
      if (l === 'en') next.set('lang', 'en');
      else next.delete('lang');
      const q = next.toString();
      hist.replaceState(hist.state, '', `${loc.pathname}${q ? `?${q}` : ''}${loc.hash}`);
    },
    { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
  );
}
