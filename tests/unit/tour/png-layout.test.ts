import { describe, expect, it } from 'vitest';
import {
  type Box,
  breakPieces,
  type MeasureText,
  PNG_TYPE,
  type PngLayoutInput,
  pngFileName,
  pngLayout,
  wrapText,
} from '../../../web/domain/tour/png-layout.ts';
import { chapter, seedTour } from './helpers.ts';

/** A fixed advance: CJK characters a full em, others 0.55 em (about a sans-serif's average). */
const measure: MeasureText = (text, f) =>
  [...text].reduce(
    (w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.55) * f.size,
    0,
  );

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function input(over: Partial<PngLayoutInput> = {}): PngLayoutInput {
  return {
    width: 1920,
    height: 1080,
    title: '几字弯攻坚战',
    caption: '库布其、毛乌素沙漠与乌兰布和沙漠的综合治理。',
    legendHeading: '图例',
    legend: [
      { name: '盟市', badge: null },
      { name: '三北工程重点区', badge: '示意' },
    ],
    notice: '示意图层：非测绘数据，依据公开资料绘制，不可用于精确量算或对外发布。',
    attribution: ['© OpenStreetMap contributors', 'Natural Earth', '天地图'],
    measure,
    ...over,
  };
}

describe('wrapText', () => {
  const f = { size: 20, bold: false };
  it('breaks Chinese between any two characters and keeps every line within the width', () => {
    const text = '黄河流域生态保护和高质量发展，筑牢我国北方重要生态安全屏障。';
    const lines = wrapText(text, f, 200, measure);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe(text);
    for (const l of lines) expect(measure(l, f)).toBeLessThanOrEqual(200);
  });
  it('breaks English at spaces, without leading or trailing spaces', () => {
    const text = 'The Kubuqi, Mu Us and Ulan Buh deserts along the great bend of the Yellow River';
    const lines = wrapText(text, f, 180, measure);
    expect(lines.join(' ')).toBe(text);
    for (const l of lines) {
      expect(l).toBe(l.trim());
      expect(measure(l, f)).toBeLessThanOrEqual(180);
    }
  });
  it('breaks a word wider than the line between its characters', () => {
    const lines = wrapText('Supercalifragilisticexpialidocious', f, 60, measure);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join('')).toBe('Supercalifragilisticexpialidocious');
    for (const l of lines) expect(measure(l, f)).toBeLessThanOrEqual(60);
  });
  it('splits mixed text into pieces that join back to it', () => {
    const text = '科尔沁 and 浑善达克 sandy lands 2025年';
    expect(breakPieces(text).join('')).toBe(text);
  });
});

describe('pngLayout', () => {
  it('keeps the panel, its lines and the attribution inside the picture and apart', () => {
    const l = pngLayout(input());
    const picture = { x: 0, y: 0, width: 1920, height: 1080 };
    expect(l.scale).toBe(1);
    expect(inside(l.panel, picture)).toBe(true);
    expect(l.attributionBox).not.toBeNull();
    if (l.attributionBox) {
      expect(inside(l.attributionBox, picture)).toBe(true);
      expect(overlaps(l.panel, l.attributionBox)).toBe(false);
    }
    for (const line of l.lines) {
      const box = { x: line.x, y: line.y, width: line.width, height: line.font.size };
      expect(inside(box, line.role === 'attribution' ? (l.attributionBox as Box) : l.panel)).toBe(true);
    }
    expect(l.lines.find((x) => x.role === 'title')?.font.size).toBe(PNG_TYPE.title);
    expect(l.legendRows).toHaveLength(2);
    expect(l.legendRows[0]?.badge).toBeNull();
    expect(l.legendRows[1]?.badge).not.toBeNull();
    expect(l.noticeBox).not.toBeNull();
  });

  it('puts the caption in the caption box and the legend rows below it, in order, without overlap', () => {
    const l = pngLayout(input());
    for (const line of l.lines.filter((x) => x.role === 'title' || x.role === 'caption'))
      expect(inside({ x: line.x, y: line.y, width: line.width, height: line.font.size }, l.captionBox)).toBe(
        true,
      );
    const rows = l.legendRows.map((r) => r.swatch);
    expect(rows[0]?.y).toBeGreaterThan(l.captionBox.y + l.captionBox.height);
    for (let i = 1; i < rows.length; i++) expect(overlaps(rows[i - 1] as Box, rows[i] as Box)).toBe(false);
    expect(l.noticeBox?.y).toBeGreaterThan((rows.at(-1) as Box).y);
  });

  it('leaves out the legend heading and notice when there is nothing to show', () => {
    const l = pngLayout(input({ legend: [], notice: null, caption: null, attribution: [] }));
    expect(l.lines.map((x) => x.role)).toEqual(['title']);
    expect(l.noticeBox).toBeNull();
    expect(l.attributionBox).toBeNull();
  });

  it('wraps the attribution between items and never past the picture', () => {
    const many = Array.from({ length: 30 }, (_, i) => `数据来源 ${i + 1}：某某研究所公开数据集`);
    const l = pngLayout(input({ attribution: many }));
    const attr = l.lines.filter((x) => x.role === 'attribution');
    expect(attr.length).toBeGreaterThan(1);
    for (const line of attr) expect(line.x + line.width).toBeLessThanOrEqual(1920);
    expect(attr.map((x) => x.text).join(' · ')).toBe(many.join(' · '));
  });

  it('shrinks the type in steps when the panel would not fit, then drops caption lines with an ellipsis', () => {
    const legend = Array.from({ length: 14 }, (_, i) => ({
      name: `图层 ${i + 1}`,
      badge: i % 2 ? '示意' : null,
    }));
    const shrunk = pngLayout(input({ legend, caption: '长'.repeat(200) }));
    expect(shrunk.scale).toBeLessThan(1);
    expect(shrunk.scale).toBeGreaterThanOrEqual(0.6);
    const room = 1080 - (shrunk.attributionBox?.height ?? 0);
    expect(shrunk.panel.y + shrunk.panel.height).toBeLessThanOrEqual(room);

    const huge = pngLayout(input({ legend, caption: '长'.repeat(2000) }));
    expect(huge.scale).toBe(0.6);
    expect(huge.droppedLines).toBeGreaterThan(0);
    expect(
      huge.lines
        .filter((x) => x.role === 'caption')
        .at(-1)
        ?.text.endsWith('…'),
    ).toBe(true);
    expect(huge.panel.y + huge.panel.height).toBeLessThanOrEqual(1080 - (huge.attributionBox?.height ?? 0));
  });

  it('scales with the picture (1280×720 keeps the proportions of 1920×1080)', () => {
    const big = pngLayout(input());
    const small = pngLayout(input({ width: 1280, height: 720 }));
    expect(small.panel.width / 1280).toBeCloseTo(big.panel.width / 1920, 2);
    expect(small.lines.find((x) => x.role === 'title')?.font.size).toBe(
      Math.round(PNG_TYPE.title * (1280 / 1920)),
    );
  });

  it('fits every chapter of the default tour at 1920×1080 in Chinese and English without dropping a line', () => {
    for (const ch of seedTour().chapters) {
      for (const lang of ['zh', 'en'] as const) {
        const text = (w: { zh: string; en: string }) => (lang === 'en' && w.en ? w.en : w.zh);
        const l = pngLayout(
          input({
            title: text(chapter(seedTour(), ch.id).title),
            caption: text(ch.caption),
            legend: ch.layers.map((id) => ({ name: id, badge: null })),
          }),
        );
        expect(l.droppedLines, `${ch.id} ${lang}`).toBe(0);
      }
    }
  });
});

describe('pngFileName', () => {
  it('names the app, the subject and the local day', () => {
    expect(pngFileName('jiziwan', new Date(2026, 0, 5, 23, 30))).toBe('北疆生态屏障-jiziwan-2026-01-05.png');
    expect(pngFileName('a/b c', new Date(2026, 10, 30))).toBe('北疆生态屏障-a-b-c-2026-11-30.png');
    expect(pngFileName('', new Date(2026, 10, 30))).toBe('北疆生态屏障-map-2026-11-30.png');
  });
});

describe('line breaking punctuation', () => {
  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    const f = { size: 20, bold: false };
    const text =
      '支撑构建“三山一弯，两带十区，一核双星多点”网络化的国土空间保护开发总体布局。到2027年，格局得到优化。';
    for (let width = 60; width <= 400; width += 20) {
      const lines = wrapText(text, f, width, measure);
      expect(lines.join('')).toBe(text);
      for (const l of lines) {
        expect(l, `${width}: ${l}`).not.toMatch(/^[，。、”）]/);
        expect(l, `${width}: ${l}`).not.toMatch(/[“（]$/);
      }
    }
  });
});
