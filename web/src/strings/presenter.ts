import type { Area } from './types.ts';

/** The presenter view (a second window beside the projector): its button, chapters, notes, timer and sync state. */
export const PRESENTER_TEXT = {
  presenterOpen: { zh: '演讲者视图', en: 'Presenter view' },
  presenterOpenHint: {
    zh: '在另一个窗口打开演讲者视图：当前和下一章、讲稿、计时，翻页与投影同步',
    en: 'Open the presenter view in another window: current and next chapter, notes, timer, in step with this one',
  },
  presenterBlocked: {
    zh: '浏览器阻止了新窗口。请允许本站弹出窗口，或打开此链接：',
    en: 'The browser blocked the new window. Allow pop-ups for this site, or open this link:',
  },
  presenterNoTour: { zh: '链接没有指明导览（tour=…）。', en: 'The link names no tour (tour=…).' },
  presenterCurrent: { zh: '当前章节', en: 'Current chapter' },
  presenterNext: { zh: '下一章', en: 'Next' },
  presenterLast: { zh: '这是最后一章。', en: 'This is the last chapter.' },
  presenterNotes: { zh: '讲稿', en: 'Speaker notes' },
  presenterNoNotes: { zh: '本章没有讲稿。', en: 'No notes for this chapter.' },
  presenterTimer: { zh: '计时', en: 'Timer' },
  presenterElapsed: { zh: '总用时', en: 'Elapsed' },
  presenterChapterTime: { zh: '本章用时', en: 'This chapter' },
  presenterPause: { zh: '暂停', en: 'Pause' },
  presenterResume: { zh: '继续', en: 'Resume' },
  presenterReset: { zh: '归零', en: 'Reset' },
  presenterPaused: { zh: '（已暂停）', en: '(paused)' },
  presenterWaiting: {
    zh: '尚未与投影窗口同步：在另一个窗口打开同一导览即可同步。',
    en: 'Not yet in step with a projector window: open the same tour in another window.',
  },
  presenterSynced: { zh: '已与投影窗口同步。', en: 'In step with the projector window.' },
  presenterEnded: {
    zh: '演示已结束：投影窗口已退出演示。',
    en: 'The presentation has ended: the projector window left it.',
  },
  presenterNoChannel: {
    zh: '此浏览器不支持窗口间同步（BroadcastChannel），投影窗口不会跟随。',
    en: 'This browser cannot sync windows (BroadcastChannel); the projector will not follow.',
  },
  presenterKeys: {
    zh: '→ / PageDown 下一章，← / PageUp 上一章，Home / End 首末章，数字键跳章',
    en: '→ / PageDown next, ← / PageUp previous, Home / End first and last, number keys jump',
  },
} as const satisfies Area;
