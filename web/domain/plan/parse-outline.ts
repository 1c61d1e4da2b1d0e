/**
 * Splits the outline seed into its structure: notice lines, chapters (一、…), sections ((一)…), paragraphs and the
 * republishing site's colophon. Every non-empty line ends up in exactly one place; `ledger()` lists them.
 */
import type { FrontRole, SourceLine, TaskKind } from './types.ts';

const NUMERALS = '一二三四五六七八九十';

/** 一 → 1 … 十九 → 19 (the outline needs no more). */
export function numeralValue(numeral: string): number {
  if (numeral === '十') return 10;
  if (numeral.length === 1) return NUMERALS.indexOf(numeral) + 1;
  if (numeral.startsWith('十')) return 10 + numeralValue(numeral.slice(1));
  const tens = numeralValue(numeral.charAt(0));
  const rest = numeral.slice(2);
  return tens * 10 + (rest ? numeralValue(rest) : 0);
}

const CHAPTER_RE = /^([一二三四五六七八九十]+)、(.+)$/;
const SECTION_RE = /^\(([一二三四五六七八九十]+)\)(.+)$/;
const COLOPHON_RE = /^(转载来源|特别声明|Notice:)/;
const GOAL_RE = /^(近期目标|中期目标|远期目标)[::]到(\d{4})年/;
/** A lead sentence is the first sentence when it is short; longer first sentences are not leads. */
const MAX_LEAD = 40;

export interface ParsedParagraph {
  line: number;
  text: string;
  no: number;
}

export interface ParsedSection {
  no: number;
  numeral: string;
  title: string;
  line: number;
  /** The heading line carries the task text after its title (chapter 九). */
  inlineText: string | null;
  paragraphs: ParsedParagraph[];
}

export interface ParsedChapter {
  no: number;
  numeral: string;
  title: string;
  line: number;
  intro: SourceLine | null;
  sections: ParsedSection[];
}

export interface ParsedOutline {
  lines: string[];
  front: Array<SourceLine & { role: FrontRole }>;
  title: string;
  chapters: ParsedChapter[];
  colophon: SourceLine[];
}

export class OutlineParseError extends Error {}

function frontRole(text: string, index: number, isLast: boolean): FrontRole {
  if (isLast) return 'title';
  if (index === 0) return 'notice-title';
  if (/〔\d{4}〕\d+号$/.test(text)) return 'doc-number';
  if (/[::]$/.test(text)) return 'addressee';
  if (/^\d{4}年\d{1,2}月\d{1,2}日$/.test(text)) return 'date';
  if (/^\(.*\)$/.test(text)) return 'editor-note';
  return 'notice-body';
}

export function splitLines(seed: string): string[] {
  return seed.split('\n').map((l) => l.replace(/\r$/, ''));
}

export function parseOutline(seed: string): ParsedOutline {
  const lines = splitLines(seed);
  const frontLines: SourceLine[] = [];
  const chapters: ParsedChapter[] = [];
  const colophon: SourceLine[] = [];
  let chapter: ParsedChapter | null = null;
  let section: ParsedSection | null = null;

  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = raw.trim();
    if (text === '') return;
    if (text !== raw) throw new OutlineParseError(`line ${line}: leading or trailing white space`);
    if (COLOPHON_RE.test(text) || colophon.length > 0) {
      colophon.push({ line, text });
      return;
    }
    const ch = CHAPTER_RE.exec(text);
    if (ch?.[1] && ch[2]) {
      const no = numeralValue(ch[1]);
      if (no !== chapters.length + 1)
        throw new OutlineParseError(`line ${line}: chapter ${ch[1]} out of order`);
      chapter = { no, numeral: ch[1], title: ch[2], line, intro: null, sections: [] };
      chapters.push(chapter);
      section = null;
      return;
    }
    if (!chapter) {
      frontLines.push({ line, text });
      return;
    }
    const se = SECTION_RE.exec(text);
    if (se?.[1] && se[2]) {
      const no = numeralValue(se[1]);
      if (no !== chapter.sections.length + 1) {
        throw new OutlineParseError(
          `line ${line}: section (${se[1]}) out of order in chapter ${chapter.numeral}`,
        );
      }
      const body = se[2];
      const stop = body.indexOf('。');
      const inline = stop > 0 && stop < body.length - 1 && stop <= MAX_LEAD;
      section = {
        no,
        numeral: se[1],
        title: inline ? body.slice(0, stop) : body,
        line,
        inlineText: inline ? body : null,
        paragraphs: [],
      };
      chapter.sections.push(section);
      return;
    }
    if (!section) {
      if (chapter.intro)
        throw new OutlineParseError(`line ${line}: second intro paragraph in chapter ${chapter.numeral}`);
      chapter.intro = { line, text };
      return;
    }
    if (section.inlineText !== null) {
      throw new OutlineParseError(`line ${line}: paragraph after an inline section (${section.numeral})`);
    }
    section.paragraphs.push({ line, text, no: section.paragraphs.length + 1 });
  });

  if (chapters.length === 0) throw new OutlineParseError('no chapter heading (一、…) found');
  const front = frontLines.map((l, i) => ({ ...l, role: frontRole(l.text, i, i === frontLines.length - 1) }));
  const titleLine = front.at(-1);
  return { lines, front, title: titleLine?.text ?? '', chapters, colophon };
}

/** The lead sentence of a task paragraph without its 。, or null when the first sentence is not short. */
export function leadSentence(text: string): string | null {
  const stop = text.indexOf('。');
  if (stop <= 0 || stop > MAX_LEAD) return null;
  return text.slice(0, stop);
}

export interface ParagraphMeta {
  kind: TaskKind;
  title: string;
  horizonYear?: number;
}

/**
 * Kind and title of a paragraph. Task paragraphs open with a lead sentence; the chapter 一 paragraphs have none:
 * goals are labelled (近期目标:到2027年…), the rest take their first clause or the section's title.
 */
export function paragraphMeta(text: string, sectionTitle: string): ParagraphMeta {
  const lead = leadSentence(text);
  if (lead) return { kind: 'task', title: lead };
  const goal = GOAL_RE.exec(text);
  if (goal?.[1] && goal[2]) return { kind: 'goal', title: goal[1], horizonYear: Number(goal[2]) };
  if (sectionTitle.includes('要求')) return { kind: 'requirement', title: sectionTitle };
  const clause = text.split(/[,,]/)[0] ?? '';
  if (clause.length <= 12) return { kind: 'vision', title: clause };
  return { kind: 'vision', title: sectionTitle };
}
