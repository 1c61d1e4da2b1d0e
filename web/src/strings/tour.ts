import type { Area } from './types.ts';

/** Presentation mode: the header button, the presenter's keys, the caption panel, progress and legend. */
export const TOUR_TEXT = {
  tourPresent: { zh: '演示', en: 'Present' },
  tourPresentHint: {
    zh: '全屏演示规划的空间布局（← → 翻页，Esc 退出）',
    en: 'Present the plan’s spatial layout full screen (← → to step, Esc to leave)',
  },
  cmdTourNext: { zh: '下一章', en: 'Next chapter' },
  cmdTourPrev: { zh: '上一章', en: 'Previous chapter' },
  cmdTourFirst: { zh: '第一章', en: 'First chapter' },
  cmdTourLast: { zh: '最后一章', en: 'Last chapter' },
  cmdTourJump: { zh: '按数字键跳到该章', en: 'Go to a chapter by its number key' },
  cmdTourLeave: { zh: '退出演示', en: 'Leave the presentation' },
  cmdTourContrast: { zh: '高对比度底图', en: 'High-contrast map' },
  tourRegion: { zh: '演示：{title}', en: 'Presentation: {title}' },
  tourProgress: { zh: '导览进度', en: 'Tour progress' },
  tourChapterOf: { zh: '第 {n} / {total} 章', en: 'Chapter {n} of {total}' },
  tourGoTo: { zh: '第 {n} 章：{title}', en: 'Chapter {n}: {title}' },
  tourLeaveHint: { zh: '退出演示（Esc）', en: 'Leave the presentation (Esc)' },
  tourExit: { zh: '退出演示', en: 'Exit' },
  tourContrast: { zh: '高对比度', en: 'High contrast' },
  tourLoading: { zh: '正在载入导览…', en: 'Loading the tour…' },
  tourInvalid: {
    zh: '导览文件未通过检查，不能演示。请改正以下问题：',
    en: 'The tour did not pass its checks and cannot be presented. Problems to fix:',
  },
  tourTruncated: { zh: '问题过多，只列出前 {n} 条。', en: 'Too many problems; the first {n} are listed.' },
  tourUnknown: { zh: '没有名为 “{id}” 的导览。', en: 'There is no tour named “{id}”.' },
  tourError: { zh: '导览无法读取：{message}', en: 'The tour could not be read: {message}' },
  tourWholeFile: { zh: '整个文件', en: 'the file' },
  tourPlanSection: { zh: '规划纲要', en: 'Plan outline' },
  tourTargets: { zh: '主要目标及现状（{year} 年）', en: 'Key targets and status ({year})' },
  tourTargetBy: { zh: '{year} 年 {target}', en: '{target} by {year}' },
  tourTargetStanding: { zh: '长期 {target}', en: '{target}, standing' },
  tourLegend: { zh: '图例', en: 'Legend' },
} as const satisfies Area;
