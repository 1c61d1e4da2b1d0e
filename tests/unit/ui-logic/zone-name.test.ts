import { describe, expect, it } from 'vitest';
import { zoneOfFeature } from '../../../web/domain/ui/zone-selection.ts';

describe('the name of a zone clicked on a user layer', () => {
  it('is its `name` when the file gave no zh', () => {
    const z = zoneOfFeature(
      { zoneId: 'user-farmland-permanent-7', name: '永久基本农田图斑 000007' },
      'x',
      true,
    );
    expect(z).toMatchObject({ id: 'user-farmland-permanent-7', zh: '永久基本农田图斑 000007', en: '' });
  });

  it('zh wins over name; neither leaves it empty', () => {
    expect(zoneOfFeature({ zoneId: 'a', zh: '甲', name: '乙' }, 'x')?.zh).toBe('甲');
    expect(zoneOfFeature({ zoneId: 'a' }, 'x')?.zh).toBe('');
  });
});
