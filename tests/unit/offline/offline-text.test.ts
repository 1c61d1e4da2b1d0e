import { describe, expect, it } from 'vitest';
import { beijingTime } from '../../../web/domain/report/time.ts';
import { initialOffline, type OfflineState } from '../../../web/src/offline/offline-slice.ts';
import { copyComplete, offlineText } from '../../../web/src/offline/offline-text.ts';

const at = Date.UTC(2026, 11, 1, 1, 30);
const copy = {
  version: '0.1.0+abcdef1234',
  total: 131,
  cached: 131,
  bytes: 5_560_000,
  dataFiles: 30,
  cachedAt: at,
};
const state = (patch: Partial<OfflineState>): OfflineState => ({
  ...initialOffline(),
  online: true,
  ...patch,
});

describe('the offline state in words (web/src/offline/offline-text.ts)', () => {
  it('a complete copy: ready, with its files, size, version and Beijing time, and what it covers', () => {
    const s = state({
      support: 'registered',
      controlled: true,
      copy,
      userData: { layers: 2, projects: 1, observationFiles: 0 },
    });
    expect(copyComplete(s)).toBe(true);
    const zh = offlineText(s, 'zh', null);
    expect(zh.chip).toBe('在线 · 可离线使用');
    expect(zh.lines[0]).toBe(
      `离线副本完整：131 个文件（5.3 MB），版本 0.1.0+abcdef1234，缓存于 ${beijingTime(at, 'zh')}。`,
    );
    expect(zh.lines).toContain('离线可用：应用本身和全部内置数据（30 个图层文件）。');
    expect(zh.lines).toContain(
      '本浏览器中保存的数据同样可离线使用：2 个已存图层、1 个项目、0 个观测数据文件。',
    );
    const en = offlineText(s, 'en', null);
    expect(en.chip).toBe('Online · Ready offline');
    expect(en.lines[0]).toContain(`cached ${beijingTime(at, 'en')}`);
  });

  it('offline now: said in the chip, and whether this page runs from the copy', () => {
    const served = offlineText(
      state({ online: false, controlled: true, support: 'registered', copy }),
      'zh',
      null,
    );
    expect(served.chip).toBe('无网络 · 可离线使用');
    expect(served.lines).toContain('网络：已断开。应用由本机的离线副本提供。');
    const notServed = offlineText(
      state({ online: false, controlled: false, support: 'registered', copy }),
      'zh',
      null,
    );
    expect(notServed.lines).toContain('网络：已断开。本页面不由离线副本提供，重新载入可能失败。');
  });

  it('never says ready while files are missing: caching n of N, an incomplete copy, a failure, no support', () => {
    const caching = state({ support: 'registered', caching: { version: 'v', done: 37, total: 131 } });
    expect(copyComplete(caching)).toBe(false);
    expect(offlineText(caching, 'zh', null).chip).toBe('在线 · 正在缓存 37/131');
    expect(offlineText(caching, 'en', null).lines[0]).toBe(
      'Caching the offline copy: 37 of 131 files stored. Until it is complete the app may not open without a network.',
    );
    const partial = state({ support: 'registered', copy: { ...copy, cached: 120 } });
    expect(offlineText(partial, 'zh', null).chip).toBe('在线 · 离线副本不完整');
    expect(offlineText(partial, 'zh', null).lines[0]).toContain('120/131');
    expect(offlineText(partial, 'zh', null).lines.join()).not.toContain('离线可用');
    const failed = state({ support: 'failed', error: 'assets/x.js: HTTP 404' });
    expect(offlineText(failed, 'zh', null).lines[0]).toBe(
      '离线副本未能缓存：assets/x.js: HTTP 404。下次打开应用时重试。',
    );
    expect(offlineText(state({ support: 'unsupported' }), 'en', null).chip).toBe(
      'Online · Not available offline',
    );
    const dev = offlineText(state({ support: 'dev' }), 'zh', null);
    expect(dev.chip).toBe('在线 · 开发服务器：无离线副本');
    expect(dev.lines[0]).toBe('开发服务器（npm run dev）不缓存离线副本；可离线的应用由 npm start 提供。');
  });

  it('the online basemap is said to be unavailable offline only when one is configured', () => {
    const s = state({ support: 'registered', copy });
    expect(offlineText(s, 'zh', 'OpenStreetMap').lines).toContain('在线底图（OpenStreetMap）离线时不可用。');
    expect(offlineText(s, 'zh', null).lines.join()).not.toContain('底图');
  });

  it('a new version: its download progress while the old one serves, then the offer with its version', () => {
    const downloading = state({
      support: 'registered',
      copy,
      caching: { version: 'new', done: 5, total: 132 },
    });
    expect(offlineText(downloading, 'zh', null).chip).toBe('在线 · 可离线使用');
    expect(offlineText(downloading, 'zh', null).lines).toContain('正在下载新版本：5/132 个文件。');
    const waiting = state({ support: 'registered', copy, waiting: '0.1.0+fedcba9876' });
    expect(offlineText(waiting, 'zh', null).lines.at(-1)).toBe(
      '新版本 (0.1.0+fedcba9876)已下载。当前的工作不受影响；点击「重新载入」后才切换到新版本。',
    );
  });

  it('the user data that cannot be counted is said so, with the reason', () => {
    const s = state({ support: 'registered', copy, userData: { error: 'IndexedDB is not available' } });
    expect(offlineText(s, 'en', null).lines).toContain(
      'The data kept in this browser (stored layers, projects, observations) needs no network; their number cannot be read now: IndexedDB is not available.',
    );
  });
});
