import type { Area } from './types.ts';

/** The plan views beside the map (indicator dashboard, task browser) and what they draw on the map. */
export const VIEW_TEXT = {
  viewNav: { zh: '视图', en: 'Views' },
  viewIndicators: { zh: '指标看板', en: 'Indicators' },
  viewTasks: { zh: '任务浏览', en: 'Tasks' },
  viewLoading: { zh: '正在载入规划数据…', en: 'Loading the plan…' },
  zonePaintClear: { zh: '取消着色', en: 'Clear colours' },
} as const satisfies Area;
