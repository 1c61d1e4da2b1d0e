import { BADGE_TEXT } from '../../domain/report/types.ts';
import type { Area } from './types.ts';

/**
 * Badges and disclaimers, one text per meaning. The badge words themselves live with the data rule
 * (web/domain/report/types.ts, shared with the CSV); this file only names them.
 */
export const HONESTY = {
  badgeSchematic: BADGE_TEXT.schematic,
  badgeUser: BADGE_TEXT.user,
  /** a name with its badge in running text */
  nameWithBadge: { zh: '{name}（{badge}）', en: '{name} ({badge})' },
  /** about a layer (info view, zone panel) */
  schematicLayerNote: {
    zh: '示意图层：非测绘数据，依据公开资料绘制，不可用于精确量算或对外发布。',
    en: 'Schematic layer: not surveyed data; drawn from public descriptions; not for measurement or publication.',
  },
  /** about results computed against schematic layers (screening panel, printed report) */
  schematicResultNote: {
    zh: '标注“示意”的图层并非测绘成果，依据公开资料绘制：审查结果仅供参考，不能作为审批依据。',
    en: 'Layers marked schematic are not surveyed data but drawn from public descriptions: the results are indicative only and not a basis for approval.',
  },
  schematicResultAction: {
    zh: '请在图层说明中载入权威数据后重新审查。',
    en: 'Load authoritative data in the layer info and run the check again.',
  },
  /** zone panel: a built-in zone of a layer the user replaced (opened by search, link, or selected before) */
  zoneSupersededSchematic: {
    zh: '该图层已由用户数据替换：此区域来自内置示意数据，地图上显示的是用户数据，不含此区域。',
    en: 'This layer has been replaced by your data: this zone comes from the built-in schematic data; the map shows your data, without this zone.',
  },
  zoneSuperseded: {
    zh: '该图层已由用户数据替换：此区域来自内置数据，地图上显示的是用户数据，不含此区域。',
    en: 'This layer has been replaced by your data: this zone comes from the built-in data; the map shows your data, without this zone.',
  },
  /** search results: a built-in zone whose layer the user replaced */
  supersededShort: { zh: '图层已替换', en: 'layer replaced' },
  surveyed: { zh: '来自公开数据集', en: 'From a public dataset' },
  sample: { zh: '示例', en: 'Sample' },
  sampleNote: {
    zh: '状态依据示例观测值计算（示例，非统计数据），仅演示评估规则。',
    en: 'Status computed from sample observations (示例, not statistics), only to show the rule.',
  },
  notForPublication: {
    zh: '内部规划工具：底图边界未经审图（无审图号），不用于公开发布。',
    en: 'Internal planning tool: basemap borders are not an approved map (no 审图号); not for publication.',
  },
} as const satisfies Area;
