import { describe, expect, it } from 'vitest';
import { isReplaced, layerBadge } from '../../../layers/badge.ts';
import { LAYERS } from '../../../layers/registry.ts';

const schematic = { id: 'redline-illustrative', schematic: true };
const surveyed = { id: 'lakes', schematic: false };

describe('layerBadge: the one rule for 示意 / 用户数据', () => {
  it('badges a schematic layer 示意, a surveyed one not at all', () => {
    expect(layerBadge(schematic)).toBe('schematic');
    expect(layerBadge(surveyed)).toBeNull();
    expect(layerBadge(schematic, new Set())).toBe('schematic');
    expect(layerBadge(schematic, {})).toBe('schematic');
  });

  it('badges any layer the user replaced as user data, whether the ids come as a set or as the store record', () => {
    expect(layerBadge(schematic, new Set(['redline-illustrative']))).toBe('user');
    expect(layerBadge(surveyed, new Set(['lakes']))).toBe('user');
    const record = { 'redline-illustrative': { fileName: 'official.zip' } };
    expect(layerBadge(schematic, record)).toBe('user');
    // another layer's replacement changes nothing here
    expect(layerBadge(schematic, new Set(['lakes']))).toBe('schematic');
    expect(layerBadge(surveyed, record)).toBeNull();
  });

  it('does not take inherited or emptied record members for a replacement', () => {
    expect(isReplaced('toString', {})).toBe(false);
    expect(isReplaced('constructor', {})).toBe(false);
    expect(isReplaced('lakes', { lakes: undefined })).toBe(false);
    expect(layerBadge({ id: 'toString', schematic: true }, {})).toBe('schematic');
  });

  it('badges every registry layer as its flag says, and no layer name carries a badge', () => {
    for (const l of LAYERS) {
      expect(layerBadge(l), l.id).toBe(l.schematic ? 'schematic' : null);
      expect(layerBadge(l, new Set([l.id])), l.id).toBe('user');
      expect(`${l.name.zh} ${l.name.en}`, l.id).not.toMatch(/示意|用户数据|schematic|illustrative/i);
    }
    expect(LAYERS.filter((l) => l.schematic).length).toBeGreaterThan(10);
  });
});
