import type { Area } from './types.ts';

/**
 * What the page says when its own files fail to load at start (app/start-failure.ts): the only strings the start-up
 * module carries, since the rest of the catalogue comes with the modules that could not be loaded.
 */
export const START_TEXT = {
  startFailed: { zh: '应用未能启动', en: 'The app could not start' },
  startFailedWhy: {
    zh: '应用的部分文件未能载入（可能是网络中断，或应用刚刚更新）。重新载入页面通常即可解决；本浏览器中保存的图层、项目和巡查记录不会丢失。',
    en: "Some of the app's files could not be loaded (the network may be down, or the app was just updated). Reloading the page usually fixes it; the layers, projects and walks kept in this browser are not lost.",
  },
  startFailedDetail: { zh: '错误信息', en: 'Error' },
  startReload: { zh: '重新载入', en: 'Reload' },
  /** between the heading and the reason, where they are run together (the page's other language) */
  startFailedStop: { zh: '。', en: '. ' },
} as const satisfies Area;
