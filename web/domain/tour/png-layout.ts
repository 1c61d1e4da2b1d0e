/**
 * Where the texts of an exported picture of the map go (issue 10, "take it away"): a panel at the top left with the
 * caption (title and text), the legend of the layers shown and the 示意 notice, and an attribution strip along the
 * bottom. Pure: text widths come from the injected `measure` (the canvas's measureText in the app, a fixed
 * advance in tests), so the same rule places the texts wherever it runs.
 */

export interface PngFont {
  /** CSS pixels */
  size: number;
  bold: boolean;
}

export type MeasureText = (text: string, font: PngFont) => number;

export interface PngLegendEntry {
  name: string;
  /** the badge word (示意 / 用户数据) or null */
  badge: string | null;
}

export interface PngLayoutInput {
  width: number;
  height: number;
  title: string;
  /** the chapter's caption, or null when only a title is shown */
  caption: string | null;
  legendHeading: string;
  legend: PngLegendEntry[];
  /** the 示意 notice, or null when no schematic layer is shown */
  notice: string | null;
  /** the attributions, one item each (joined with " · ", wrapped between items where it can) */
  attribution: string[];
  measure: MeasureText;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type PngTextRole =
  | 'title'
  | 'caption'
  | 'legendHeading'
  | 'legend'
  | 'badge'
  | 'notice'
  | 'attribution';

/** A line of text; (x, y) is its top left (the canvas draws it with textBaseline 'top'). */
export interface PngLine {
  text: string;
  role: PngTextRole;
  x: number;
  y: number;
  font: PngFont;
  width: number;
  /** the legend row a legend name or badge belongs to */
  row?: number;
}

export interface PngLegendRow {
  index: number;
  /** the colour sample */
  swatch: Box;
  /** the badge's box (filled behind its text), or null */
  badge: Box | null;
}

export interface PngLayout {
  panel: Box;
  /** where the caption (title and text) is, inside the panel */
  captionBox: Box;
  legendRows: PngLegendRow[];
  /** the notice's box inside the panel, or null */
  noticeBox: Box | null;
  attributionBox: Box | null;
  lines: PngLine[];
  /** the share of the normal type sizes used (1, or less when the panel would not fit the picture's height) */
  scale: number;
  /** caption lines left out (the caption ends with … then) when even the smallest type does not fit */
  droppedLines: number;
}

/** The type sizes at 1920×1080, in CSS pixels: readable when the picture is projected or put on a slide. */
export const PNG_TYPE = {
  title: 44,
  caption: 28,
  legendHeading: 24,
  legend: 24,
  badge: 18,
  notice: 20,
  attribution: 16,
} as const;

const MARGIN = 32;
const PAD = 28;
/** the panel's share of the picture's width (the projector panel is 500 of 1920 px) */
const PANEL_SHARE = 0.3;
const MIN_SCALE = 0.6;
const LINE = 1.3;
const ELLIPSIS = '…';
const SEPARATOR = ' · ';

/** CJK characters and full-width punctuation: a line may break before or after any of them. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Punctuation a line never starts with (it stays with the character before) and never ends with (it goes on). */
const NO_LINE_START = /^[，。、；：！？）》」』”’〉】,.;:!?)\]…·]$/;
const NO_LINE_END = /^[（《「『“‘〈【(]$/;

/**
 * The pieces a line may break between: a CJK character alone, a run of other characters with the spaces after it;
 * closing punctuation is kept with the piece before it and opening punctuation with the piece after it (so a line
 * never starts with ， or ” nor ends with “). Joined, the pieces are the text.
 */
export function breakPieces(text: string): string[] {
  const pieces: string[] = [];
  let run = '';
  let open = '';
  const push = (piece: string) => {
    const last = pieces.length - 1;
    if (NO_LINE_START.test(piece) && last >= 0 && !open) pieces[last] += piece;
    else if (NO_LINE_END.test(piece)) open += piece;
    else {
      pieces.push(open + piece);
      open = '';
    }
  };
  for (const ch of text) {
    if (CJK.test(ch)) {
      if (run) push(run);
      run = '';
      push(ch);
    } else if (ch === ' ' || ch === '\n') {
      run += ' ';
    } else {
      if (run.endsWith(' ')) {
        push(run);
        run = '';
      }
      run += ch;
    }
  }
  if (run) push(run);
  if (open) pieces.push(open);
  return pieces;
}

/**
 * Greedy wrapping to `maxWidth`: CJK text breaks between any two characters, other text at spaces, and a word
 * wider than the line between its characters. Lines carry no leading or trailing spaces; every line measures at
 * most maxWidth (a single character wider than it is a line of its own).
 */
export function wrapText(text: string, font: PngFont, maxWidth: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (s: string) => measure(s.trimEnd(), font) <= maxWidth;
  const push = () => {
    const done = line.trim();
    if (done) lines.push(done);
    line = '';
  };
  for (const piece of breakPieces(text)) {
    if (fits(line + piece)) {
      line += piece;
      continue;
    }
    push();
    if (fits(piece)) {
      line = piece.trimStart();
      continue;
    }
    // a word wider than the line: broken between its characters
    for (const ch of piece) {
      if (line && !fits(line + ch)) push();
      if (!line && ch === ' ') continue;
      line += ch;
    }
  }
  push();
  return lines;
}

/** The last line shortened until it and an ellipsis fit. */
function withEllipsis(line: string, font: PngFont, maxWidth: number, measure: MeasureText): string {
  let chars = [...line];
  while (chars.length > 0 && measure(`${chars.join('').trimEnd()}${ELLIPSIS}`, font) > maxWidth)
    chars = chars.slice(0, -1);
  return `${chars.join('').trimEnd()}${ELLIPSIS}`;
}

/** The attribution items joined with " · ", broken between items first and inside an item only when it is too long. */
function attributionLines(items: string[], font: PngFont, maxWidth: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line ? `${line}${SEPARATOR}${item}` : item;
    if (measure(next, font) <= maxWidth) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    const parts = wrapText(item, font, maxWidth, measure);
    line = parts.pop() ?? '';
    lines.push(...parts);
  }
  if (line) lines.push(line);
  return lines;
}

const font = (role: PngTextRole, scale: number): PngFont => ({
  size: Math.round(PNG_TYPE[role] * scale),
  bold: role === 'title' || role === 'legendHeading' || role === 'badge',
});

const lineHeight = (f: PngFont) => Math.round(f.size * LINE);

/** The panel's content at one type scale: its lines and boxes, positioned from the panel's top left (x0, y0). */
function panelAt(
  input: PngLayoutInput,
  scale: number,
  x0: number,
  y0: number,
  innerWidth: number,
  maxCaptionLines: number,
) {
  const { measure } = input;
  const lines: PngLine[] = [];
  const x = x0 + PAD;
  let y = y0 + PAD;
  const add = (text: string, role: PngTextRole, f: PngFont, at = x, row?: number) => {
    lines.push({
      text,
      role,
      x: at,
      y,
      font: f,
      width: measure(text, f),
      ...(row === undefined ? {} : { row }),
    });
  };
  const titleFont = font('title', scale);
  for (const l of wrapText(input.title, titleFont, innerWidth, measure)) {
    add(l, 'title', titleFont);
    y += lineHeight(titleFont);
  }
  let droppedLines = 0;
  let captionLines = 0;
  if (input.caption) {
    y += Math.round(8 * scale);
    const f = font('caption', scale);
    let wrapped = wrapText(input.caption, f, innerWidth, measure);
    captionLines = wrapped.length;
    if (wrapped.length > maxCaptionLines) {
      droppedLines = wrapped.length - maxCaptionLines;
      wrapped = wrapped.slice(0, maxCaptionLines);
      const last = wrapped.length - 1;
      if (last >= 0) wrapped[last] = withEllipsis(wrapped[last] ?? '', f, innerWidth, measure);
    }
    for (const l of wrapped) {
      add(l, 'caption', f);
      y += lineHeight(f);
    }
  }
  const captionBox: Box = { x, y: y0 + PAD, width: innerWidth, height: y - (y0 + PAD) };
  const legendRows: PngLegendRow[] = [];
  if (input.legend.length > 0) {
    y += Math.round(20 * scale);
    const hf = font('legendHeading', scale);
    add(input.legendHeading, 'legendHeading', hf);
    y += lineHeight(hf) + Math.round(4 * scale);
    const lf = font('legend', scale);
    const bf = font('badge', scale);
    const swW = Math.round(36 * scale);
    const swH = Math.round(lf.size * 0.8);
    const gap = Math.round(12 * scale);
    const badgePad = Math.round(6 * scale);
    input.legend.forEach((entry, index) => {
      const badgeW = entry.badge ? measure(entry.badge, bf) + 2 * badgePad : 0;
      const nameX = x + swW + gap;
      const nameWidth = innerWidth - swW - gap - (entry.badge ? badgeW + gap : 0);
      const nameLines = wrapText(entry.name, lf, nameWidth, measure);
      const rowTop = y;
      for (const l of nameLines) {
        add(l, 'legend', lf, nameX, index);
        y += lineHeight(lf);
      }
      const first = nameLines[0] ?? '';
      let badge: Box | null = null;
      if (entry.badge) {
        const bx = nameX + Math.min(measure(first, lf), nameWidth) + gap;
        const bh = lineHeight(bf);
        const by = rowTop + Math.round((lineHeight(lf) - bh) / 2);
        badge = { x: bx, y: by, width: badgeW, height: bh };
        lines.push({
          text: entry.badge,
          role: 'badge',
          x: bx + badgePad,
          y: by + Math.round((bh - bf.size) / 2),
          font: bf,
          width: measure(entry.badge, bf),
          row: index,
        });
      }
      legendRows.push({
        index,
        swatch: { x, y: rowTop + Math.round((lineHeight(lf) - swH) / 2), width: swW, height: swH },
        badge,
      });
      y += Math.round(6 * scale);
    });
  }
  let noticeBox: Box | null = null;
  if (input.notice) {
    y += Math.round(14 * scale);
    const nf = font('notice', scale);
    const top = y;
    for (const l of wrapText(input.notice, nf, innerWidth, measure)) {
      add(l, 'notice', nf);
      y += lineHeight(nf);
    }
    noticeBox = { x, y: top, width: innerWidth, height: y - top };
  }
  y += PAD;
  return { lines, captionBox, legendRows, noticeBox, bottom: y, captionLines, droppedLines };
}

/**
 * The layout of an exported picture. The panel takes the type sizes of PNG_TYPE (times the picture's width /
 * 1920); while it is taller than the room above the attribution strip its type shrinks in steps of 5% down to 60%;
 * past that the caption loses its last lines (ending with …) so that nothing is drawn off the picture or under the
 * strip. The attribution strip spans the bottom edge, wrapped between items.
 */
export function pngLayout(input: PngLayoutInput): PngLayout {
  const { width, height, measure } = input;
  const base = width / 1920;
  const margin = Math.round(MARGIN * base);
  const af = font('attribution', base);
  const attrPad = Math.round(10 * base);
  const attrWidth = width - 2 * margin - 2 * attrPad;
  const aLines =
    input.attribution.length > 0 ? attributionLines(input.attribution, af, attrWidth, measure) : [];
  const attrHeight = aLines.length > 0 ? aLines.length * lineHeight(af) + 2 * attrPad : 0;
  const attributionBox: Box | null =
    aLines.length > 0 ? { x: 0, y: height - attrHeight, width, height: attrHeight } : null;
  const room = height - attrHeight - 2 * margin;
  const panelWidth = Math.round(width * PANEL_SHARE);
  const innerWidth = panelWidth - 2 * PAD;

  let scale = base;
  let panel = panelAt(input, scale, margin, margin, innerWidth, Number.POSITIVE_INFINITY);
  while (panel.bottom - margin > room && scale > MIN_SCALE * base + 1e-9) {
    scale = Math.max(MIN_SCALE * base, Math.round((scale - 0.05 * base) * 1000) / 1000);
    panel = panelAt(input, scale, margin, margin, innerWidth, Number.POSITIVE_INFINITY);
  }
  let keep = panel.captionLines;
  while (panel.bottom - margin > room && keep > 1) {
    keep--;
    panel = panelAt(input, scale, margin, margin, innerWidth, keep);
  }

  const lines = [...panel.lines];
  aLines.forEach((text, i) => {
    lines.push({
      text,
      role: 'attribution',
      x: margin + attrPad,
      y: height - attrHeight + attrPad + i * lineHeight(af),
      font: af,
      width: measure(text, af),
    });
  });
  return {
    panel: { x: margin, y: margin, width: panelWidth, height: panel.bottom - margin },
    captionBox: panel.captionBox,
    legendRows: panel.legendRows,
    noticeBox: panel.noticeBox,
    attributionBox,
    lines,
    scale: Math.round((scale / base) * 1000) / 1000,
    droppedLines: panel.droppedLines,
  };
}

/** The download's name: the app's short title, what is shown (a chapter id, a zone id or "map") and the local day. */
export function pngFileName(subject: string, day: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const safe = subject.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'map';
  return `北疆生态屏障-${safe}-${day.getFullYear()}-${p(day.getMonth() + 1)}-${p(day.getDate())}.png`;
}
