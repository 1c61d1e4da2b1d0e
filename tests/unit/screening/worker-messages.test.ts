import { describe, expect, it } from 'vitest';
import { namedLayers, PREFETCH_NAME } from '../../../web/src/screening/worker-messages.ts';

const meta = { id: 'farmland-permanent', nameZh: '永久基本农田' };

describe('the stored layers a screening worker is named with (namedLayers)', () => {
  it('reads ids, and version with metadata where the metadata is for that id', () => {
    const name = `${PREFETCH_NAME}${JSON.stringify([
      { id: 'farmland-permanent', version: 'v3', meta },
      { id: 'redline-illustrative', version: 'v1', meta },
      { id: 'town-boundary' },
      { version: 'v9' },
      42,
    ])}`;
    expect(namedLayers(name)).toEqual([
      { id: 'farmland-permanent', version: 'v3', meta },
      // metadata of another layer: read, not decoded with it
      { id: 'redline-illustrative' },
      { id: 'town-boundary' },
    ]);
  });

  it('names nothing for another name, broken JSON or anything but an array', () => {
    expect(namedLayers('')).toEqual([]);
    expect(namedLayers('some-worker')).toEqual([]);
    expect(namedLayers(`${PREFETCH_NAME}[{"id":`)).toEqual([]);
    expect(namedLayers(`${PREFETCH_NAME}{"id":"farmland-permanent"}`)).toEqual([]);
    expect(namedLayers(`${PREFETCH_NAME}null`)).toEqual([]);
  });
});
