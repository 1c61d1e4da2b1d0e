import type { Area } from './types.ts';

/** Names of commands that have no button of their own (web/src/commands/registry.ts; the others reuse button texts). */
export const COMMAND_TEXT = {
  cmdCloseReport: { zh: '关闭报告', en: 'Close the report' },
  cmdCloseBrief: { zh: '关闭简报', en: 'Close the brief' },
  cmdCloseLayerInfo: { zh: '关闭图层说明', en: 'Close the layer information' },
  cmdCancelOutline: { zh: '放弃正在绘制的边界', en: 'Drop the outline being drawn' },
  cmdLanguage: { zh: '切换语言', en: 'Switch language' },
  cmdCloseView: { zh: '关闭指标或任务视图', en: 'Close the indicator or task view' },
} as const satisfies Area;
