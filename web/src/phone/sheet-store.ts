import { useSyncExternalStore } from 'react';
import {
  bringForward,
  chooseTab,
  initialSheet,
  panelsChanged,
  type SheetSize,
  type SheetState,
  stepSize,
  toggleSheet,
  withSize,
} from '../../domain/ui/sheet.ts';
import type { StringKey } from '../strings/index.ts';

/**
 * The panels the phone layout's bottom sheet holds (styles/phone.css), by the class of their root element, a
 * direct child of `.app-main`; the label names the sheet's button for each. The legend is always there and takes
 * the sheet only when chosen.
 */
export const SHEET_PANELS = [
  { key: 'layer-panel', label: 'sheetLayers' },
  { key: 'position-card', label: 'sheetPosition' },
  { key: 'zone-panel', label: 'sheetZone' },
  { key: 'screening-panel', label: 'sheetScreening' },
  { key: 'view-panel', label: 'sheetView' },
  { key: 'zone-paint-legend', label: 'sheetColours' },
  { key: 'my-tours', label: 'sheetMyTours' },
] as const satisfies readonly { key: string; label: StringKey }[];

export type SheetPanel = (typeof SHEET_PANELS)[number]['key'];
const QUIET: readonly SheetPanel[] = ['layer-panel'];

/**
 * The sheet's height and shown panel: layout state of the sheet bar and the main area's attributes only (nothing
 * else needs it: the map controller keeps clear of the sheet because the map's own box ends above it).
 */
let state: SheetState<SheetPanel> = initialSheet();
const listeners = new Set<() => void>();
function set(next: SheetState<SheetPanel>): void {
  if (next === state) return;
  state = next;
  for (const l of listeners) l();
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export const useSheet = () => useSyncExternalStore(subscribe, () => state);

export const sheet = {
  panels: (present: readonly SheetPanel[]) => set(panelsChanged(state, present, QUIET)),
  choose: (tab: SheetPanel) => set(chooseTab(state, tab)),
  bring: (tab: SheetPanel) => set(bringForward(state, tab)),
  step: (by: number) => set(stepSize(state, by)),
  toggle: () => set(toggleSheet(state)),
  size: (size: SheetSize) => set(withSize(state, size)),
};
