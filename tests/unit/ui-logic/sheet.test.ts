import { describe, expect, it } from 'vitest';
import {
  bringForward,
  chooseTab,
  dragSteps,
  initialSheet,
  panelsChanged,
  type SheetState,
  stepSize,
  toggleSheet,
  withSize,
} from '../../../web/domain/ui/sheet.ts';

type K = 'layers' | 'zone' | 'screening' | 'position';
const QUIET: K[] = ['layers'];
const start = (): SheetState<K> => panelsChanged(initialSheet<K>(), ['layers'], QUIET);

describe('the bottom sheet (phone layout)', () => {
  it('starts collapsed on the legend; the legend appearing is no news', () => {
    const s = start();
    expect(s).toEqual({ size: 'collapsed', tab: 'layers', open: ['layers'], lastOpen: 'half' });
  });

  it('a panel that appears is shown and opens a collapsed sheet to half height, not past it', () => {
    let s = panelsChanged(start(), ['layers', 'zone'], QUIET);
    expect(s.tab).toBe('zone');
    expect(s.size).toBe('half');
    s = withSize(s, 'full');
    s = panelsChanged(s, ['layers', 'zone', 'screening'], QUIET);
    expect(s.tab).toBe('screening');
    expect(s.size).toBe('full');
    expect(s.open).toEqual(['layers', 'zone', 'screening']);
  });

  it('when the shown panel goes, the one opened most recently before it comes back', () => {
    let s = panelsChanged(start(), ['layers', 'zone'], QUIET);
    s = panelsChanged(s, ['layers', 'zone', 'screening'], QUIET);
    s = panelsChanged(s, ['layers', 'position', 'zone', 'screening'], QUIET);
    expect(s.tab).toBe('position');
    s = panelsChanged(s, ['layers', 'zone', 'screening'], QUIET);
    expect(s.tab).toBe('screening');
    s = panelsChanged(s, ['layers', 'zone'], QUIET);
    expect(s.tab).toBe('zone');
    s = panelsChanged(s, ['layers'], QUIET);
    expect(s.tab).toBe('layers');
    // the height is the user's: a panel closing does not move the sheet
    expect(s.size).toBe('half');
  });

  it('a panel that goes while another is shown leaves the choice alone; the same panels change nothing', () => {
    let s = panelsChanged(start(), ['layers', 'zone', 'screening'], QUIET);
    s = chooseTab(s, 'zone');
    const same = panelsChanged(s, ['layers', 'zone', 'screening'], QUIET);
    expect(same).toBe(s);
    s = panelsChanged(s, ['layers', 'zone'], QUIET);
    expect(s.tab).toBe('zone');
  });

  it('news in an open panel brings it forward as if it had just appeared; a panel not open is left alone', () => {
    let s = panelsChanged(start(), ['layers', 'zone'], QUIET);
    s = panelsChanged(s, ['layers', 'zone', 'screening'], QUIET);
    s = toggleSheet(s);
    s = bringForward(s, 'zone');
    expect(s).toMatchObject({ tab: 'zone', size: 'half', open: ['layers', 'screening', 'zone'] });
    // the zone is now the most recent: when it closes, the screening panel comes back
    expect(panelsChanged(chooseTab(s, 'screening'), ['layers', 'screening'], QUIET).tab).toBe('screening');
    expect(bringForward(s, 'position')).toBe(s);
  });

  it('choosing a panel shows it and opens a collapsed sheet to its last height; a panel not open is refused', () => {
    let s = panelsChanged(start(), ['layers', 'zone'], QUIET);
    s = withSize(s, 'full');
    s = toggleSheet(s);
    expect(s.size).toBe('collapsed');
    s = chooseTab(s, 'layers');
    expect(s).toMatchObject({ tab: 'layers', size: 'full' });
    expect(chooseTab(s, 'screening')).toBe(s);
  });

  it('steps stop at full and at collapsed; the handle toggles between collapsed and the last open height', () => {
    let s = start();
    s = stepSize(s, 1);
    expect(s.size).toBe('half');
    s = stepSize(s, 1);
    expect(s.size).toBe('full');
    expect(stepSize(s, 1)).toBe(s);
    s = stepSize(s, -2);
    expect(s.size).toBe('collapsed');
    expect(stepSize(s, -1)).toBe(s);
    expect(toggleSheet(s).size).toBe('full');
    s = withSize(stepSize(s, 1), 'collapsed');
    expect(toggleSheet(s).size).toBe('half');
  });

  it('a drag of the handle: a press under the threshold, one step past it, two past the far mark', () => {
    expect(dragSteps(0)).toBe(0);
    expect(dragSteps(-23)).toBe(0);
    expect(dragSteps(23)).toBe(0);
    expect(dragSteps(-24)).toBe(1);
    expect(dragSteps(60)).toBe(-1);
    expect(dragSteps(-199)).toBe(1);
    expect(dragSteps(-200)).toBe(2);
    expect(dragSteps(420)).toBe(-2);
  });
});
