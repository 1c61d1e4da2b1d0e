import type { Area } from './types.ts';

/** The note on the project's own English titles (data/plan.json `titlesEn`), shown in English only. */
export const TITLES_EN_TEXT = {
  titlesEnNote: {
    zh: '英文标题：本项目的非官方译文；任务全文为中文原文。',
    en: 'English titles: unofficial translation by this project. The full task text is the Chinese original.',
  },
} as const satisfies Area;
