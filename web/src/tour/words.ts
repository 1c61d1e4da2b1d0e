import type { Lang } from '../../../layers/types.ts';

/** Chinese first: a tour text in English when the interface is English and the tour has it, else the Chinese. */
export const words = (w: { zh: string; en: string }, lang: Lang): string =>
  lang === 'en' && w.en ? w.en : w.zh;
