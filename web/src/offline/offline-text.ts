import type { Lang } from '../../../layers/types.ts';
import { beijingTime } from '../../domain/report/time.ts';
import type { StringKey } from '../strings/index.ts';
import { t } from '../strings/index.ts';
import { fill } from '../strings/indicator-labels.ts';
import type { OfflineState } from './offline-slice.ts';

/** Whether this version's copy holds every file (then, and only then, the app opens with no network). */
export const copyComplete = (s: OfflineState): boolean =>
  s.copy !== null && s.copy.total > 0 && s.copy.cached === s.copy.total && s.copy.cachedAt !== null;

export const sizeText = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;

/**
 * The offline state in words, every sentence from the state by one rule: the chip (network · copy) and the lines
 * of its details — the copy (complete with version and time, being cached n of N, failed, not possible), the
 * network, what works offline (the built-in data, the data kept in this browser with their counts), the online
 * basemap when one is configured, a new version being downloaded.
 */
export function offlineText(
  s: OfflineState,
  lang: Lang,
  basemapName: string | null,
): { chip: string; lines: string[] } {
  const complete = copyComplete(s);
  const firstCaching = !complete ? s.caching : null;
  const chipState: string =
    s.support === 'dev'
      ? t('offlineChipDev', lang)
      : s.support === 'unsupported'
        ? t('offlineChipUnsupported', lang)
        : complete
          ? t('offlineChipReady', lang)
          : s.support === 'failed'
            ? t('offlineChipFailed', lang)
            : firstCaching
              ? fill('offlineChipCaching', lang, { done: firstCaching.done, total: firstCaching.total })
              : s.copy
                ? t('offlineChipIncomplete', lang)
                : t('offlineChipPending', lang);
  const chip = `${t(s.online ? 'offlineNetOnline' : 'offlineNetOffline', lang)} · ${chipState}`;

  const lines: string[] = [];
  if (s.support === 'dev') lines.push(t('offlineDev', lang));
  else if (s.support === 'unsupported') lines.push(t('offlineUnsupported', lang));
  else if (complete && s.copy)
    lines.push(
      fill('offlineReady', lang, {
        files: s.copy.total,
        size: sizeText(s.copy.bytes),
        version: s.copy.version,
        time: beijingTime(s.copy.cachedAt, lang),
      }),
    );
  else if (s.support === 'failed') lines.push(fill('offlineFailed', lang, { error: s.error ?? '' }));
  else if (firstCaching)
    lines.push(fill('offlineCaching', lang, { done: firstCaching.done, total: firstCaching.total }));
  else if (s.copy)
    lines.push(
      fill('offlineIncomplete', lang, { version: s.copy.version, done: s.copy.cached, total: s.copy.total }),
    );
  else lines.push(t('offlinePending', lang));

  const net: StringKey = s.online
    ? 'offlineNetworkOnline'
    : s.controlled && complete
      ? 'offlineNetworkOffline'
      : 'offlineNetworkOfflineNoCopy';
  lines.push(t(net, lang));

  if (complete && s.copy) lines.push(fill('offlineCoversBuiltIn', lang, { dataFiles: s.copy.dataFiles }));
  if (s.userData && 'error' in s.userData)
    lines.push(fill('offlineCoversUserUnknown', lang, { error: s.userData.error }));
  else if (s.userData)
    lines.push(
      fill('offlineCoversUser', lang, {
        layers: s.userData.layers,
        projects: s.userData.projects,
        observations: s.userData.observationFiles,
      }),
    );
  if (basemapName) lines.push(fill('offlineBasemap', lang, { name: basemapName }));
  if (complete && s.caching && s.caching.version !== s.copy?.version && s.waiting === null)
    lines.push(fill('offlineNewCaching', lang, { done: s.caching.done, total: s.caching.total }));
  if (s.waiting !== null)
    lines.push(fill('offlineUpdateHint', lang, { version: s.waiting ? ` (${s.waiting})` : '' }));
  return { chip, lines };
}
