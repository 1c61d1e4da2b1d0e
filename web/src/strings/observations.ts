import type { Area } from './types.ts';

/**
 * The planner's own observations (web/src/plan/ObservationsManager.tsx) and the context rows beside an indicator.
 * Placeholders: {n}, {rows}, {file}, {time}, {refused}, {error}, {year}, {v}.
 */
export const OBSERVATION_TEXT = {
  obsManagerTitle: { zh: '本机观测数据', en: 'Your observations' },
  obsManagerIntro: {
    zh: '导入本单位的指标观测值（CSV 或 JSON，列见模板）。每一行都会检查；合格的行保存在本机浏览器中，同一指标、区域、年份的本机数据替换已发布或示例数据，各处状态随即更新。文件只在本机读取，不上传。',
    en: 'Import your office’s indicator values (CSV or JSON, columns as in the template). Every row is checked; good rows are kept in this browser, a row of yours replaces the published or sample row for the same indicator, zone and year, and every status updates at once. Files are read on this computer, never uploaded.',
  },
  obsDrop: { zh: '把 CSV / JSON 文件拖到这里，或', en: 'Drop a CSV / JSON file here, or' },
  obsChoose: { zh: '选择文件', en: 'Choose a file' },
  obsReading: { zh: '正在读取文件…', en: 'Reading the file…' },
  obsMessages: { zh: '导入结果', en: 'Import results' },
  obsFilesHeading: { zh: '已导入的文件（{n}）', en: 'Imported files ({n})' },
  obsFileLine: { zh: '{rows} 行 · 导入于 {time}', en: '{rows} rows · imported {time}' },
  obsFileRefused: { zh: '（另有 {refused} 行被拒绝）', en: ' ({refused} rows refused)' },
  obsInEffect: {
    zh: '在用本机数据 {n} 行（同一行以后导入的文件为准）。',
    en: '{n} rows of yours in use (of two files with the same row, the later one counts).',
  },
  obsNone: {
    zh: '尚未导入本机数据：状态依据已发布数据，示例数据标“示例”。',
    en: 'No data of yours yet: statuses rest on published figures; sample values are marked 示例.',
  },
  obsRemove: { zh: '移除', en: 'Remove' },
  obsRemoveConfirm: {
    zh: '移除 {file} 的 {rows} 行本机数据？此操作无法撤销，可先导出。',
    en: 'Remove the {rows} rows of {file}? This cannot be undone; export them first if needed.',
  },
  obsConfirmRemove: { zh: '确定移除', en: 'Remove them' },
  obsCancel: { zh: '取消', en: 'Cancel' },
  obsClear: { zh: '清除全部本机数据', en: 'Clear all your data' },
  obsClearConfirm: {
    zh: '清除全部 {n} 个文件的 {rows} 行本机数据？此操作无法撤销，可先导出。',
    en: 'Clear all {rows} rows of your {n} files? This cannot be undone; export them first if needed.',
  },
  obsConfirmClear: { zh: '确定清除', en: 'Clear them' },
  obsExport: { zh: '导出本机数据 CSV', en: 'Export your data as CSV' },
  obsTemplate: { zh: '下载模板', en: 'Download the template' },
  obsRemoved: { zh: '已移除 {file}（{rows} 行）。', en: 'Removed {file} ({rows} rows).' },
  obsCleared: { zh: '已清除全部本机数据（{rows} 行）。', en: 'Cleared all your data ({rows} rows).' },
  obsStorageUnavailable: {
    zh: '本机存储不可用（{error}）：导入的数据只保留到关闭页面。',
    en: 'Local storage is unavailable ({error}): imported data lasts only until the page is closed.',
  },
  obsActionFailed: { zh: '操作失败：{error}；数据未变。', en: 'That failed: {error}; nothing was changed.' },
  contextHeading: { zh: '相关数据（{n}）', en: 'Related data ({n})' },
  contextNote: {
    zh: '口径、时段或范围与指标不同，仅作参考，不参与状态判断。',
    en: 'A different measure, period or area: context only, never used for the status.',
  },
  contextValue: { zh: '{year} 年数值：{v}', en: '{year} value: {v}' },
} as const satisfies Area;
