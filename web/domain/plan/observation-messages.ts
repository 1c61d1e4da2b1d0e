/**
 * The words of every observation issue and import note, zh and en, made with their data (the values from the file
 * stay plain text, quoted). The planner's import (planner-observations.ts) puts the row in front: 第 5 行：… / Line 5: ….
 */

export type ObservationIssueCode =
  | 'file-empty'
  | 'json-invalid'
  | 'json-not-array'
  | 'not-object'
  | 'column-unknown'
  | 'column-missing'
  | 'column-twice'
  | 'cell-count'
  | 'indicator-empty'
  | 'year-invalid'
  | 'value-invalid'
  | 'source-empty'
  | 'sample-invalid'
  | 'relation-invalid'
  | 'indicator-unknown'
  | 'zone-unknown'
  | 'zone-out-of-scope'
  | 'unit-mismatch'
  | 'year-out-of-range'
  | 'duplicate';

export type ImportNoteCode =
  | 'file-too-large'
  | 'file-unreadable'
  | 'file-kept'
  | 'file-none-kept'
  | 'file-not-saved'
  | 'encoding-gb18030'
  | 'replaces-default'
  | 'replaces-import'
  | 'hides-sample';

export type Params = Record<string, string | number>;
export interface Words {
  zh: string;
  en: string;
}

/** Shortens text from a file for a message; it stays plain text. */
export function clip(s: string, max = 60): string {
  const flat = s.replace(/[\r\n\t]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
const q = (v: string | number | undefined) => `“${clip(String(v ?? ''))}”`;
const mb = (n: string | number | undefined) => `${Math.round((Number(n ?? 0) / 1024 / 1024) * 10) / 10} MB`;

const ISSUES: Record<ObservationIssueCode, (p: Params) => Words> = {
  'file-empty': () => ({ zh: '文件为空：没有表头行', en: 'empty file: no header row' }),
  'json-invalid': (p) => ({ zh: `JSON 格式错误：${p.detail}`, en: `invalid JSON: ${p.detail}` }),
  'json-not-array': () => ({
    zh: 'JSON 须为观测值对象的数组（[{…}, {…}]）',
    en: 'the JSON must be an array of observation objects ([{…}, {…}])',
  }),
  'not-object': () => ({ zh: '不是对象（{…}）', en: 'not an object ({…})' }),
  'column-unknown': (p) => ({
    zh: `未知列 ${q(p.column)}，已忽略`,
    en: `unknown column ${q(p.column)}, ignored`,
  }),
  'column-missing': (p) => ({
    zh: `缺少必填列 ${p.column}（${p.columnZh}）`,
    en: `missing column ${p.column} (${p.columnZh})`,
  }),
  'column-twice': (p) => ({
    zh: `列 ${q(p.column)} 出现两次`,
    en: `column ${q(p.column)} appears twice`,
  }),
  'cell-count': (p) => ({
    zh: `有 ${p.n} 个单元格，表头有 ${p.header} 列`,
    en: `${p.n} cells, the header has ${p.header}`,
  }),
  'indicator-empty': () => ({ zh: '指标编号为空', en: 'indicatorId is empty' }),
  'year-invalid': (p) => ({ zh: `年份 ${q(p.value)} 不是年份`, en: `year ${q(p.value)} is not a year` }),
  'value-invalid': (p) => ({
    zh: `数值 ${q(p.value)} 不是数字`,
    en: `value ${q(p.value)} is not a number`,
  }),
  'source-empty': () => ({
    zh: '来源为空：请写明数值出处（公报、年鉴、部门）',
    en: 'source is empty: say where the figure comes from',
  }),
  'sample-invalid': (p) => ({
    zh: `示例列 ${q(p.value)} 应为 是/否（true/false）`,
    en: `sample ${q(p.value)} is not true/false (or 是/否)`,
  }),
  'relation-invalid': (p) => ({
    zh: `关系 ${q(p.value)} 应为 same、partial、related 或 context（同口径、部分、相关、背景）`,
    en: `relation ${q(p.value)} is not same, partial, related or context`,
  }),
  'indicator-unknown': (p) => ({
    zh: `指标编号 ${q(p.id)} 不是规划中的指标`,
    en: `indicatorId ${q(p.id)} is not an indicator of the plan`,
  }),
  'zone-unknown': (p) => ({
    zh: `区域编号 ${q(p.id)} 不在地名表中`,
    en: `zoneId ${q(p.id)} is not in the gazetteer`,
  }),
  'zone-out-of-scope': (p) => ({
    zh: `${p.zoneZh}（${p.id}）不在指标“${p.indicatorZh}”的范围（${p.scopeZh}）内`,
    en: `${p.zoneEn} (${p.id}) is outside the scope of “${p.indicatorEn}” (${p.scopeEn})`,
  }),
  'unit-mismatch': (p) => ({
    zh: `单位 ${q(p.unit)} 与指标“${p.indicatorZh}”的单位“${p.expected}”不符`,
    en: `unit ${q(p.unit)} differs from the unit of “${p.indicatorEn}”, “${p.expected}”`,
  }),
  'year-out-of-range': (p) => ({
    zh: `年份 ${p.year} 不在 ${p.min}–${p.max} 之间`,
    en: `year ${p.year} is outside ${p.min}–${p.max}`,
  }),
  duplicate: (p) => ({
    zh: `与第 ${p.first} 行重复（同一指标、区域、年份），未导入；保留第 ${p.first} 行`,
    en: `repeats line ${p.first} (same indicator, zone and year), not imported; line ${p.first} is kept`,
  }),
};

const NOTES: Record<ImportNoteCode, (p: Params) => Words> = {
  'file-too-large': (p) => ({
    zh: `${q(p.file)} 有 ${mb(p.size)}，超过 ${mb(p.limit)} 的上限，未导入；已有数据未变。请拆分后再导入。`,
    en: `${q(p.file)} is ${mb(p.size)}, over the ${mb(p.limit)} limit, not imported; the rows kept before are unchanged. Split it and import the parts.`,
  }),
  'file-unreadable': (p) => ({
    zh: `无法读取 ${q(p.file)}：${p.detail}；已有数据未变。`,
    en: `cannot read ${q(p.file)}: ${p.detail}; the rows kept before are unchanged.`,
  }),
  'file-kept': (p) => ({
    zh: `${q(p.file)}：导入 ${p.kept} 行，拒绝 ${p.refused} 行。`,
    en: `${q(p.file)}: ${p.kept} rows imported, ${p.refused} refused.`,
  }),
  'file-none-kept': (p) => ({
    zh: `${q(p.file)}：没有可导入的行（拒绝 ${p.refused} 行），已有数据未变。`,
    en: `${q(p.file)}: no row could be imported (${p.refused} refused); the rows kept before are unchanged.`,
  }),
  'file-not-saved': (p) => ({
    zh: `${q(p.file)} 未能保存到本机（${p.detail}），未导入；已有数据未变。`,
    en: `${q(p.file)} could not be saved on this computer (${p.detail}), not imported; the rows kept before are unchanged.`,
  }),
  'encoding-gb18030': (p) => ({
    zh: `${q(p.file)} 不是 UTF-8 编码，已按 GB18030（GBK）读取；请核对中文是否正确。`,
    en: `${q(p.file)} is not UTF-8; it was read as GB18030 (GBK): check the Chinese text.`,
  }),
  'replaces-default': (p) => ({
    zh: `替换了${p.kindZh}：${p.indicatorZh}，${p.zoneZh}，${p.year} 年 ${p.old}（来源：${clip(String(p.source))}）`,
    en: `replaces ${p.kindEn}: ${p.indicatorEn}, ${p.zoneEn}, ${p.year}: ${p.old} (source: ${clip(String(p.source))})`,
  }),
  'replaces-import': (p) => ({
    zh: `替换了此前导入的 ${q(p.file)} 中的同一行（移除本文件后恢复）`,
    en: `replaces the same row of ${q(p.file)}, imported before (back when this file is removed)`,
  }),
  'hides-sample': (p) => ({
    zh: `${p.indicatorZh}，${p.zoneZh}：示例数据不再参与状态（已有真实数据）`,
    en: `${p.indicatorEn}, ${p.zoneEn}: sample values no longer count for the status (real data is there)`,
  }),
};

export const issueWords = (code: ObservationIssueCode, p: Params = {}): Words => ISSUES[code](p);
export const noteWords = (code: ImportNoteCode, p: Params = {}): Words => NOTES[code](p);
