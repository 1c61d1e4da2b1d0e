import { describe, expect, it } from 'vitest';
import { words } from '../../../web/src/strings/indicator-labels.ts';

describe('words: a catalogue message in both languages', () => {
  it('fills both languages with the same values', () => {
    expect(words('wsSubmitted', { n: 3 })).toEqual({
      zh: '已将 3 行提交到共享工作区，记入本账号所属盟市的审计链。',
      en: '3 rows sent to the shared workspace, recorded in your league’s audit chain.',
    });
  });

  it('fills each language with its own words where a value is given in both', () => {
    expect(words('wsSubmitRow', { line: 2, text: { zh: '年份无效', en: 'year not valid' } })).toEqual({
      zh: '第 2 行：年份无效',
      en: 'Row 2: year not valid',
    });
    expect(words('wsSubmitFailed', { why: words('wsUnreachable') })).toEqual({
      zh: '提交未完成：无法连接工作区服务器。',
      en: 'Not sent: The workspace server cannot be reached.',
    });
  });

  it('is the catalogue string as it stands without values', () => {
    expect(words('wsSubmitForbidden').en).toBe(
      'This account may not enter observations for these zones (only for zones within its scope).',
    );
  });
});
