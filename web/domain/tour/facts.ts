/**
 * Every number a chapter shows must come from the plan text it cites. `captionFacts` reads the numbers in a
 * chapter's title and caption (Chinese and English) and returns those that occur in none of the cited tasks' text
 * and the cited indicators' targets.
 *
 * What counts as a number (one rule for the caption and for the plan text, so a quotation always passes):
 * - Arabic digits, with decimals: 54.33, 2035, 1.7; full-width digits are read as ASCII. The parts of a range
 *   (3—5, 2025—2035) are two numbers. In English, thousands separators (20,820,000) are read; in Chinese a comma is
 *   punctuation (the outline writes 到2027年,).
 * - Chinese numerals (〇零一二两三四五六七八九十百千, e.g. 十二, 两百) only as a quantity: followed by a magnitude
 *   (万, 亿) or a measure word (个 项 大 类 …, MEASURE_WORDS). So names and slogans are not numbers: 三北, 一湖两海,
 *   三山一弯, 两带十区, 一核双星多点, 四水四定 (no measure word follows). A lone 一 before a measure word reads "a"
 *   (一批, 一个) and is not counted. Names with a measure word (十大孔兑, 三大灌区, 千万千瓦级) do count; a caption
 *   quoting them finds them in the cited text.
 * - A magnitude after a number scales it: 2082万 is 20 820 000, 1.7亿 is 170 000 000; in English "million",
 *   "billion", "thousand". A number is found when its value as written (without magnitude) occurs in the cited
 *   text, or its scaled value equals a scaled value there — so an English "170 million mu" matches 1.7亿亩.
 *   Numbers written out in English words (three, ten) are not read.
 */
import type { Indicator, Task } from '../plan/types.ts';
import type { TourChapter } from './schema.ts';

export interface PlanText {
  tasks: readonly Pick<Task, 'id' | 'text'>[];
  indicators: readonly Pick<Indicator, 'id' | 'name' | 'rawName' | 'targets'>[];
}

export interface FoundNumber {
  /** as written, e.g. 2082万, 十大, 20.82 million */
  text: string;
  /** the digits' value without the magnitude */
  value: number;
  /** value × magnitude */
  scaled: number;
  /** offset in the string it was read from */
  index: number;
}

export interface MissingNumber extends FoundNumber {
  lang: 'zh' | 'en';
  field: 'title' | 'caption';
}

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const ZH_MAGNITUDE: Record<string, number> = { 万: 1e4, 亿: 1e8, 万亿: 1e12 };
const EN_MAGNITUDE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
/** Measure words and units after which a Chinese numeral is a quantity. */
export const MEASURE_WORDS = [
  '个',
  '项',
  '大',
  '类',
  '批',
  '种',
  '处',
  '座',
  '条',
  '家',
  '所',
  '片',
  '块',
  '份',
  '倍',
  '成',
  '年',
  '期',
  '次',
  '级',
  '名',
  '位',
  '亩',
  '吨',
  '米',
  '公里',
  '公顷',
  '千瓦',
  '立方米',
  '平方',
  '%',
  '％',
];

/** 十二 → 12, 两百零五 → 205, 三 → 3; null when it does not read as a number below 10 000. */
export function chineseNumeral(s: string): number | null {
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGITS) {
      if (digit !== null && digit !== 0) return null; // 二三: not a numeral
      digit = DIGITS[ch] as number;
    } else if (ch in UNITS) {
      total += (digit ?? 1) * (UNITS[ch] as number);
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

const toAscii = (s: string) =>
  s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

/** The numbers in a Chinese text (caption or plan text), by the rule above. */
export function numbersZh(text: string): FoundNumber[] {
  const s = toAscii(text);
  const out: FoundNumber[] = [];
  for (const m of s.matchAll(
    /(\d+(?:\.\d+)?)(万亿|万|亿)?|([〇零一二两三四五六七八九十百千]+)(万亿|万|亿)?/g,
  )) {
    const index = m.index ?? 0;
    if (m[1] !== undefined) {
      const value = Number(m[1]);
      out.push({ text: m[0], value, scaled: value * (ZH_MAGNITUDE[m[2] ?? ''] ?? 1), index });
      continue;
    }
    const word = m[3] as string;
    const value = chineseNumeral(word);
    if (value === null) continue;
    const magnitude = m[4];
    const after = s.slice(index + m[0].length);
    if (!magnitude) {
      if (word === '一' || !MEASURE_WORDS.some((w) => after.startsWith(w))) continue;
    }
    out.push({ text: m[0], value, scaled: value * (ZH_MAGNITUDE[magnitude ?? ''] ?? 1), index });
  }
  return out;
}

/** The Arabic numbers in an English text, with thousand/million/billion after them. */
export function numbersEn(text: string): FoundNumber[] {
  const s = toAscii(text);
  const out: FoundNumber[] = [];
  for (const m of s.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(thousand|million|billion)\b)?/gi)) {
    const value = Number(`${(m[1] as string).replace(/,/g, '')}${m[2] ?? ''}`);
    const magnitude = EN_MAGNITUDE[(m[3] ?? '').toLowerCase()] ?? 1;
    out.push({ text: m[0], value, scaled: value * magnitude, index: m.index ?? 0 });
  }
  return out;
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1);

/** The text a chapter cites: its tasks' text and its indicators' names, target phrases and target years. */
export function citedText(chapter: Pick<TourChapter, 'cites'>, plan: PlanText): string[] {
  const tasks = new Set(chapter.cites.tasks);
  const indicators = new Set(chapter.cites.indicators);
  return [
    ...plan.tasks.filter((t) => tasks.has(t.id)).map((t) => t.text),
    ...plan.indicators
      .filter((i) => indicators.has(i.id))
      .flatMap((i) => [i.name, i.rawName, ...i.targets.map((t) => `${t.year ?? ''}年${t.phrase}`)]),
  ];
}

/** The numbers of a chapter's title and caption (zh and en) that the cited plan text does not contain. */
export function captionFacts(
  chapter: Pick<TourChapter, 'title' | 'caption' | 'cites'>,
  plan: PlanText,
): MissingNumber[] {
  const known = citedText(chapter, plan).flatMap(numbersZh);
  const found = (n: FoundNumber) =>
    known.some((k) => same(k.scaled, n.scaled) || (n.scaled === n.value && same(k.value, n.value)));
  const missing: MissingNumber[] = [];
  for (const field of ['title', 'caption'] as const) {
    for (const n of numbersZh(chapter[field].zh)) if (!found(n)) missing.push({ ...n, lang: 'zh', field });
    for (const n of numbersEn(chapter[field].en)) if (!found(n)) missing.push({ ...n, lang: 'en', field });
  }
  return missing;
}
