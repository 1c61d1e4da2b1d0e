import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS, badgeLabel, CATALOGUE, nameWithBadge, t } from '../../../web/src/strings/index.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const WEB_SRC = join(ROOT, 'web', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'strings' ? [] : sources(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/**
 * `lang === 'zh' ? <literal> : …` or `… : <literal>`: words chosen by language inline instead of a catalogue key.
 * Language codes themselves ('zh', 'en', 'zh-CN') are not words.
 */
const LITERAL = `(?:'(?!(?:zh|en|zh-CN)')[^']*'|"(?!(?:zh|en|zh-CN)")[^"]*"|\`[^\`]*\`)`;
const INLINE_TEXT = new RegExp(`===\\s*'zh'\\s*\\?\\s*(?:${LITERAL}|[^:;\\n]+:\\s*${LITERAL})`);

describe('the one string catalogue', () => {
  it('has non-empty Chinese and English for every key', () => {
    const keys = Object.keys(CATALOGUE);
    expect(keys.length).toBeGreaterThan(150);
    for (const k of keys) {
      const e = CATALOGUE[k as keyof typeof CATALOGUE];
      expect(e.zh.trim().length, k).toBeGreaterThan(0);
      expect(e.en.trim().length, k).toBeGreaterThan(0);
      expect(t(k as keyof typeof CATALOGUE, 'zh')).toBe(e.zh);
      expect(t(k as keyof typeof CATALOGUE, 'en')).toBe(e.en);
    }
  });

  it('has each key in one area only, so no area silently overrides another', () => {
    const seen = new Map<string, string>();
    for (const [area, entries] of Object.entries(AREAS))
      for (const k of Object.keys(entries)) {
        expect(seen.get(k), `${k} in ${area} and ${seen.get(k)}`).toBeUndefined();
        seen.set(k, area);
      }
    expect(seen.size).toBe(Object.keys(CATALOGUE).length);
  });

  it('spells the badge one way in English and says each disclaimer once', () => {
    const all = Object.values(CATALOGUE);
    const en = all.map((e) => e.en).join('\n');
    expect(en).not.toMatch(/illustrative/i);
    expect(en).not.toMatch(/示意 \(schematic\)/);
    expect(all.filter((e) => e.zh === '示意')).toHaveLength(1);
    // one sentence per meaning: no two sentences share their Chinese text
    const zh = all.map((e) => e.zh).filter((x) => x.length >= 8);
    expect(zh.filter((x, i) => zh.indexOf(x) !== i)).toEqual([]);
    expect(all.filter((e) => e.zh.includes('审图号'))).toHaveLength(1);
  });

  it('renders badges by the badge, and names with a badge in each language', () => {
    expect(badgeLabel('schematic', 'zh')).toBe('示意');
    expect(badgeLabel('schematic', 'en')).toBe('schematic');
    expect(badgeLabel('user', 'zh')).toBe('用户数据');
    expect(badgeLabel(null, 'zh')).toBeNull();
    expect(nameWithBadge('生态保护红线', 'schematic', 'zh')).toBe('生态保护红线（示意）');
    expect(nameWithBadge('Red line $& {badge}', 'user', 'en')).toBe('Red line $& {badge} (user data)');
    expect(nameWithBadge('湖泊', null, 'zh')).toBe('湖泊');
  });
});

describe('components take their words from the catalogue', () => {
  it('the check recognises an inline ternary with literal text (so it can fail)', () => {
    expect(INLINE_TEXT.test(`{lang === 'zh' ? '地图绘制' : 'drawn on the map'}`)).toBe(true);
    expect(INLINE_TEXT.test('x = lang === \'zh\' ? a.zh : "drawn"')).toBe(true);
    expect(INLINE_TEXT.test(`{lang === 'zh' ? d.nameZh : d.nameEn}`)).toBe(false);
    expect(INLINE_TEXT.test(`html.lang = lang === 'zh' ? 'zh-CN' : 'en';`)).toBe(false);
    expect(INLINE_TEXT.test(`{lang === 'zh' ? \`${'$'}{n} 米\` : x}`)).toBe(true);
  });

  it("no source in web/src outside the catalogue chooses literal text with `=== 'zh' ?`", () => {
    const files = sources(WEB_SRC);
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${relative(ROOT, f)}:${i + 1}`, line }))
        .filter(({ line }) => INLINE_TEXT.test(line)),
    );
    expect(offenders).toEqual([]);
  });
});
