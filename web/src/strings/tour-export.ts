import type { Area } from './types.ts';

/** Taking the presentation away: the exported picture of the view and the printed handout. */
export const TOUR_EXPORT_TEXT = {
  tourExportPng: { zh: '导出图片 PNG', en: 'Export PNG' },
  tourExportPngHint: {
    zh: '将当前视图导出为 1920×1080 的 PNG 图片（含标题、图例、数据来源与示意说明）',
    en: 'Save the current view as a 1920×1080 PNG (caption, legend, sources and the schematic notice)',
  },
  cmdTourExportPng: { zh: '导出当前视图为 PNG 图片', en: 'Export the current view as a PNG' },
  tourExporting: { zh: '正在导出图片…', en: 'Exporting the picture…' },
  tourExportFailed: { zh: '图片导出失败：{message}', en: 'The picture could not be exported: {message}' },
  tourExportDone: { zh: '已导出 {name}', en: 'Saved {name}' },
  tourHandout: { zh: '打印讲义', en: 'Print handout' },
  tourHandoutHint: {
    zh: '每章一页的讲义：地图、标题、说明、规划条目、目标及其状态、数据来源',
    en: 'A handout with one page per chapter: map, title, caption, plan sections, targets with status, sources',
  },
  cmdTourHandout: {
    zh: '打开演示讲义（每章一页）',
    en: 'Open the presentation handout (one page per chapter)',
  },
  cmdTourHandoutClose: { zh: '关闭讲义', en: 'Close the handout' },
  handoutHeading: { zh: '演示讲义', en: 'Presentation handout' },
  handoutMaps: {
    zh: '正在绘制各章地图（{n} / {total}）…',
    en: 'Drawing the chapters’ maps ({n} of {total})…',
  },
  handoutMapFailed: { zh: '本章地图未能生成。', en: 'This chapter’s map could not be drawn.' },
  handoutLayers: { zh: '图层：{list}', en: 'Layers: {list}' },
  handoutSources: { zh: '数据来源：{list}', en: 'Sources: {list}' },
  handoutMapNote: {
    zh: '地图为本章演示视图（投影画面中说明面板右侧部分）。',
    en: 'The map is the chapter’s presentation view (the part right of the caption panel on the projector).',
  },
} as const satisfies Area;
