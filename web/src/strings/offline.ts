import type { Area } from './types.ts';

/** The offline state in the status bar (web/src/offline/): the copy kept by the service worker, the network. */
export const OFFLINE_TEXT = {
  offlineLabel: { zh: '离线使用', en: 'Offline use' },
  offlineNetOnline: { zh: '在线', en: 'Online' },
  offlineNetOffline: { zh: '无网络', en: 'No network' },
  offlineChipReady: { zh: '可离线使用', en: 'Ready offline' },
  offlineChipCaching: { zh: '正在缓存 {done}/{total}', en: 'Caching {done} of {total}' },
  offlineChipPending: { zh: '离线副本准备中', en: 'Preparing offline copy' },
  offlineChipFailed: { zh: '离线缓存失败', en: 'Offline caching failed' },
  offlineChipIncomplete: { zh: '离线副本不完整', en: 'Offline copy incomplete' },
  offlineChipDev: { zh: '开发服务器：无离线副本', en: 'Dev server: no offline copy' },
  offlineDev: {
    zh: '开发服务器（npm run dev）不缓存离线副本；可离线的应用由 npm start 提供。',
    en: 'The development server (npm run dev) keeps no offline copy; npm start serves the app that works offline.',
  },
  offlineChipUnsupported: { zh: '不能离线使用', en: 'Not available offline' },
  offlineReady: {
    zh: '离线副本完整：{files} 个文件（{size}），版本 {version}，缓存于 {time}。',
    en: 'The offline copy is complete: {files} files ({size}), version {version}, cached {time}.',
  },
  offlineCaching: {
    zh: '正在缓存离线副本：已存 {done}/{total} 个文件。完成前断网，应用可能打不开。',
    en: 'Caching the offline copy: {done} of {total} files stored. Until it is complete the app may not open without a network.',
  },
  offlineIncomplete: {
    zh: '离线副本不完整：版本 {version} 只存有 {done}/{total} 个文件（浏览器可能清理了存储）。联网时重新载入以补全。',
    en: 'The offline copy is incomplete: version {version} holds only {done} of {total} files (the browser may have cleared storage). Reload while online to complete it.',
  },
  offlinePending: {
    zh: '正在启动离线副本的缓存。',
    en: 'Starting to cache the offline copy.',
  },
  offlineFailed: {
    zh: '离线副本未能缓存：{error}。下次打开应用时重试。',
    en: 'The offline copy could not be cached: {error}. It is tried again the next time the app opens.',
  },
  offlineUnsupported: {
    zh: '此浏览器或此地址不支持 Service Worker，断网后应用打不开。',
    en: 'This browser or address does not support service workers: without a network the app will not open.',
  },
  offlineNetworkOnline: { zh: '网络：在线。', en: 'Network: online.' },
  offlineNetworkOffline: {
    zh: '网络：已断开。应用由本机的离线副本提供。',
    en: 'Network: disconnected. The app runs from the offline copy on this device.',
  },
  offlineNetworkOfflineNoCopy: {
    zh: '网络：已断开。本页面不由离线副本提供，重新载入可能失败。',
    en: 'Network: disconnected. This page is not served by the offline copy; a reload may fail.',
  },
  offlineCoversBuiltIn: {
    zh: '离线可用：应用本身和全部内置数据（{dataFiles} 个图层文件）。',
    en: 'Available offline: the app itself and all built-in data ({dataFiles} layer files).',
  },
  offlineCoversUser: {
    zh: '本浏览器中保存的数据同样可离线使用：{layers} 个已存图层、{projects} 个项目、{observations} 个观测数据文件。',
    en: 'The data kept in this browser is available offline too: {layers} stored layers, {projects} projects, {observations} observation files.',
  },
  offlineCoversUserUnknown: {
    zh: '本浏览器中保存的数据（已存图层、项目、观测数据）不需要网络；此时无法读取其数量：{error}。',
    en: 'The data kept in this browser (stored layers, projects, observations) needs no network; their number cannot be read now: {error}.',
  },
  offlineBasemap: {
    zh: '在线底图（{name}）离线时不可用。',
    en: 'The online basemap ({name}) is not available offline.',
  },
  offlineNewCaching: {
    zh: '正在下载新版本：{done}/{total} 个文件。',
    en: 'Downloading a new version: {done} of {total} files.',
  },
  offlineUpdate: { zh: '新版本可用 · 重新载入', en: 'New version — reload' },
  offlineUpdateHint: {
    zh: '新版本{version}已下载。当前的工作不受影响；点击「重新载入」后才切换到新版本。',
    en: 'A new version{version} is downloaded. Your current work is not affected; the app switches only when you click reload.',
  },
} as const satisfies Area;
