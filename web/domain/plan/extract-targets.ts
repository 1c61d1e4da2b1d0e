/**
 * Reads quantitative targets out of a paragraph.
 *
 * A target is a number with a unit that follows a target verb in the same clause (达到, 稳定在, 保持在, 不低于, 超过,
 * 提高到, 守住, 增加, 改造提升, 选取). Numbers without such a verb are scope, not targets: 65蒸吨/小时以上燃煤锅炉,
 * 3吨以下叉车, 2个综合治理区. The year is the nearest year named before the target in the same sentence
 * (sentences end at 。 or ;), else the paragraph's horizon year (近期目标:到2027年…), else none.
 */
import type { Comparator } from './types.ts';

export interface RawTarget {
  /** Subject of the clause as written, e.g. 全区细颗粒物平均浓度 (or what the verb acts on: 引调水量). */
  rawName: string;
  clause: string;
  clauseStart: number;
  verb: string;
  value: number;
  max?: number;
  unit: string;
  comparator: Comparator;
  year: number | null;
  phrase: string;
  start: number;
  end: number;
}

const VERBS = [
  '稳定在',
  '保持在',
  '达到',
  '不低于',
  '不高于',
  '超过',
  '低于',
  '提高到',
  '守住',
  '增加',
  '改造提升',
  '选取',
];
const UNITS = ['微克/立方米', '亿立方米', '亿千瓦', '亿亩', '万亩', '等级', '%', '份', '个'];
const NUM = String.raw`\d+(?:\.\d+)?`;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const TARGET_RE = new RegExp(
  `(${VERBS.map(esc).join('|')})([^,,。;;:\\d]{0,8}?)(${NUM})(?:[—–~-](${NUM}))?(${UNITS.map(esc).join('|')})(及以上|以上|以下)?`,
  'g',
);
const YEAR_RE = /(\d{4})年/g;

function comparatorOf(verb: string, suffix: string, isRange: boolean): Comparator {
  if (isRange) return 'between';
  const below = suffix === '以下';
  switch (verb) {
    case '稳定在':
    case '保持在':
      return below ? 'stable<=' : suffix ? 'stable>=' : '=';
    case '达到':
    case '提高到':
      return below ? '<=' : suffix ? '>=' : '=';
    case '不高于':
      return '<=';
    case '低于':
      return '<';
    case '超过':
      return '>';
    default:
      // 不低于, 守住, 增加, 改造提升: at least this much
      return below ? '<=' : '>=';
  }
}

interface Piece {
  text: string;
  start: number;
}

function split(text: string, start: number, re: RegExp): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    out.push({ text: text.slice(from, at), start: start + from });
    from = at + m[0].length;
  }
  out.push({ text: text.slice(from), start: start + from });
  return out;
}

/** Years (1900–2099) a text names, ascending; 2025—2035年 names both ends. */
export function yearsNamed(text: string): number[] {
  const years = new Set<number>();
  for (const m of text.matchAll(/(\d{4})(?:[—–-](\d{4}))?年/g)) {
    for (const y of [m[1], m[2]]) {
      const n = Number(y);
      if (y && n >= 1900 && n < 2100) years.add(n);
    }
  }
  return [...years].sort((a, b) => a - b);
}

export function extractTargets(text: string, horizonYear?: number): RawTarget[] {
  const out: RawTarget[] = [];
  for (const sentence of split(text, 0, /[。;;]/g)) {
    for (const clause of split(sentence.text, sentence.start, /[,,::]/g)) {
      for (const m of clause.text.matchAll(TARGET_RE)) {
        const [phrase, verb = '', gap = '', value = '', max, unit = '', suffix = ''] = m;
        const at = m.index ?? 0;
        const start = clause.start + at;
        const before = clause.text.slice(0, at).trim();
        const after = clause.text.slice(at + phrase.length).trim();
        // 坚决守住1.7亿亩耕地红线, 分类选取3—5个…重点旗县: a bare adverb before the verb, the object after it.
        const rawName = gap.trim() || (before.length > 2 ? before : after || before);
        let year: number | null = horizonYear ?? null;
        for (const y of sentence.text.slice(0, start - sentence.start).matchAll(YEAR_RE)) year = Number(y[1]);
        out.push({
          rawName,
          clause: clause.text,
          clauseStart: clause.start,
          verb,
          value: Number(value),
          ...(max !== undefined ? { max: Number(max) } : {}),
          unit,
          comparator: comparatorOf(verb, suffix, max !== undefined),
          year,
          phrase,
          start,
          end: start + phrase.length,
        });
      }
    }
  }
  return out;
}
