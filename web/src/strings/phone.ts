import type { Area } from './types.ts';

/** The phone layout (≤ 640 px wide): the header's menu and the bottom sheet that holds the panels. */
export const PHONE_TEXT = {
  menu: { zh: '菜单', en: 'Menu' },
  menuLabel: { zh: '打开或关闭功能菜单', en: 'open or close the menu of tools' },
  sheetPanels: { zh: '面板', en: 'Panels' },
  sheetExpand: { zh: '展开', en: 'Show' },
  sheetCollapse: { zh: '收起', en: 'Hide' },
  sheetHandleLabel: {
    zh: '面板：上下键调整高度，也可上下拖动',
    en: 'panel: arrow keys up and down change its height, or drag it',
  },
  sheetFull: { zh: '满屏', en: 'Full' },
  sheetLayers: { zh: '图层', en: 'Layers' },
  sheetZone: { zh: '区域', en: 'Zone' },
  sheetScreening: { zh: '审查', en: 'Check' },
  sheetView: { zh: '看板', en: 'View' },
  sheetColours: { zh: '图例', en: 'Colours' },
  sheetMyTours: { zh: '演示', en: 'Tours' },
  sheetPosition: { zh: '位置', en: 'Position' },
} as const satisfies Area;
