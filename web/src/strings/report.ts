import type { Area } from './types.ts';

/** The printed report (texts shared with the panel, e.g. 计算方法 or 项目名称, are in screening.ts). */
export const REPORT = {
  reportTitle: {
    zh: '建设项目选址审查报告（三区三线及自然保护地）',
    en: 'Project site screening report: the three zones and three lines, and protected areas',
  },
  checkedAt: { zh: '审查时间', en: 'Checked at' },
  generatedAt: { zh: '生成时间', en: 'Generated' },
  typeNotChosen: { zh: '未选择', en: 'Not chosen' },
  boundarySource: { zh: '边界来源', en: 'Boundary from' },
  locationMap: { zh: '位置图', en: 'Map' },
  legend: { zh: '图例', en: 'Legend' },
  legendOriginal: { zh: '坐标转换前边界', en: 'Boundary before conversion' },
  legendOverlap: { zh: '重叠部分', en: 'Overlap' },
  mapWait: { zh: '正在生成地图图片…', en: 'Rendering the map image…' },
  overlapAnalysis: { zh: '重叠分析', en: 'Overlap analysis' },
  boundaryPoints: {
    zh: '界址点坐标（CGCS2000 / WGS84 经纬度，度）',
    en: 'Boundary points (CGCS2000 / WGS84 lon/lat, degrees)',
  },
  pointNo: { zh: '点号', en: 'Point' },
  ringNo: { zh: '圈号', en: 'Ring' },
  partNo: { zh: '地块', en: 'Part' },
  lon: { zh: '经度', en: 'Longitude' },
  lat: { zh: '纬度', en: 'Latitude' },
  methodArea: { zh: '面积', en: 'Area' },
  methodClip: { zh: '叠加', en: 'Overlay' },
  methodDistance: { zh: '距离', en: 'Distance' },
  methodBuffers: { zh: '缓冲距离', en: 'Buffers' },
  methodEngine: { zh: '计算程序', en: 'Engine' },
  datasets: { zh: '数据集及来源', en: 'Datasets and provenance' },
  datasetVersion: { zh: '版本', en: 'Version' },
  datasetProvenance: { zh: '来源', en: 'Provenance' },
  datasetHash: { zh: '数据 SHA-256', en: 'Data SHA-256' },
  contentHash: {
    zh: '内容校验码（SHA-256：边界 + 数据集 + 结果）',
    en: 'Content hash (SHA-256 of boundary + datasets + results)',
  },
  hashHow: {
    zh: '校验方法：下载“审查记录 JSON”，计算其 SHA-256，应与上列校验码一致。',
    en: 'To verify: download the check record (JSON) and compute its SHA-256; it must equal the value above.',
  },
  downloadRecord: { zh: '下载审查记录 JSON', en: 'Download check record (JSON)' },
  print: { zh: '打印 / 存为 PDF', en: 'Print / save as PDF' },
  back: { zh: '返回', en: 'Back' },
} as const satisfies Area;
