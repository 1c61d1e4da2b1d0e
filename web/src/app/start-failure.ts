import type { Lang } from '../../../layers/types.ts';
import { START_TEXT } from '../strings/start.ts';

/**
 * The app's modules could not be loaded or started (a file the network did not bring, an update that replaced
 * them): says so over whatever the page holds, with the error and a reload, instead of a blank page. Plain DOM,
 * as the modules that draw the app are what failed. Text only, never HTML.
 */
export function showStartFailure(error: unknown, lang: Lang): void {
  if (document.querySelector('.start-failure')) return;
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const box = document.createElement('section');
  box.className = 'start-failure';
  box.setAttribute('role', 'alert');
  box.setAttribute('aria-labelledby', 'start-failure-title');
  const line = (tag: 'h2' | 'p', text: string, l: Lang, className = '') => {
    const node = document.createElement(tag);
    node.textContent = text;
    node.lang = l === 'zh' ? 'zh-CN' : 'en';
    if (className) node.className = className;
    box.append(node);
    return node;
  };
  line('h2', START_TEXT.startFailed[lang], lang).id = 'start-failure-title';
  line('p', START_TEXT.startFailedWhy[lang], lang);
  line(
    'p',
    `${START_TEXT.startFailed[other]}${START_TEXT.startFailedStop[other]}${START_TEXT.startFailedWhy[other]}`,
    other,
    'start-failure-other',
  );
  const message = error instanceof Error ? error.message : String(error);
  line('p', `${START_TEXT.startFailedDetail[lang]}: ${message}`, lang, 'start-failure-detail');
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = START_TEXT.startReload[lang];
  reload.addEventListener('click', () => location.reload());
  box.append(reload);
  document.body.append(box);
  reload.focus();
}
