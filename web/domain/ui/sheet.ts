/**
 * The bottom sheet of the phone layout (styles/phone.css): how tall it is and which of the open panels it shows.
 * Pure: the app's sheet bar reports which panels are on the page and the user's presses; tests do the same.
 *
 * A panel that appears (a zone tapped, the screening panel opened, the position found) or has news (another zone
 * tapped) is shown at once, and a collapsed sheet opens to half height so it is seen; the map stays above it. When the shown panel goes away, the
 * one opened most recently before it comes back, else the first on the page (the layers).
 */

export type SheetSize = 'collapsed' | 'half' | 'full';

export interface SheetState<K extends string> {
  size: SheetSize;
  /** the panel shown, or null while no panel is on the page */
  tab: K | null;
  /** the panels on the page, least recently opened first */
  open: readonly K[];
  /** the height the sheet opens to from collapsed */
  lastOpen: 'half' | 'full';
}

export function initialSheet<K extends string>(): SheetState<K> {
  return { size: 'collapsed', tab: null, open: [], lastOpen: 'half' };
}

/**
 * The panels on the page now, in page order. `quiet` panels (the always-present legend) are no news: they do not
 * take the sheet when they appear.
 */
export function panelsChanged<K extends string>(
  s: SheetState<K>,
  present: readonly K[],
  quiet: readonly K[] = [],
): SheetState<K> {
  const kept = s.open.filter((k) => present.includes(k));
  const added = present.filter((k) => !s.open.includes(k));
  const open = [...kept, ...added];
  const news = added.filter((k) => !quiet.includes(k));
  if (news.length > 0) {
    return {
      ...s,
      open,
      tab: news[news.length - 1] as K,
      size: s.size === 'collapsed' ? 'half' : s.size,
    };
  }
  const tab = s.tab !== null && present.includes(s.tab) ? s.tab : (kept[kept.length - 1] ?? open[0] ?? null);
  if (tab === s.tab && open.length === s.open.length && open.every((k, i) => k === s.open[i])) return s;
  return { ...s, open, tab };
}

/**
 * An open panel has news (another zone selected in the zone panel, a new position asked for): it is shown as if
 * it had just appeared.
 */
export function bringForward<K extends string>(s: SheetState<K>, tab: K): SheetState<K> {
  if (!s.open.includes(tab)) return s;
  return {
    ...s,
    open: [...s.open.filter((k) => k !== tab), tab],
    tab,
    size: s.size === 'collapsed' ? 'half' : s.size,
  };
}

/** The user chose a panel: it is shown, and a collapsed sheet opens. */
export function chooseTab<K extends string>(s: SheetState<K>, tab: K): SheetState<K> {
  if (!s.open.includes(tab)) return s;
  return { ...s, tab, size: s.size === 'collapsed' ? s.lastOpen : s.size };
}

const ORDER: readonly SheetSize[] = ['collapsed', 'half', 'full'];

/** Steps taller (positive) or lower (negative), stopping at full and at collapsed. */
export function stepSize<K extends string>(s: SheetState<K>, by: number): SheetState<K> {
  const i = Math.min(ORDER.length - 1, Math.max(0, ORDER.indexOf(s.size) + by));
  return withSize(s, ORDER[i] as SheetSize);
}

/** The handle's press: a collapsed sheet opens to the height it last had, an open one collapses. */
export function toggleSheet<K extends string>(s: SheetState<K>): SheetState<K> {
  return withSize(s, s.size === 'collapsed' ? s.lastOpen : 'collapsed');
}

export function withSize<K extends string>(s: SheetState<K>, size: SheetSize): SheetState<K> {
  if (size === s.size) return s;
  return { ...s, size, lastOpen: size === 'collapsed' ? s.lastOpen : size };
}

/**
 * A drag of the handle, in CSS px (negative is up), as steps of height: under `press` px it is a press (0), a
 * drag past `press` is one step, and past `far` two (collapsed to full, full to collapsed).
 */
export function dragSteps(dy: number, press = 24, far = 200): number {
  const d = Math.abs(dy);
  const steps = d < press ? 0 : d < far ? 1 : 2;
  if (steps === 0) return 0;
  return dy < 0 ? steps : -steps;
}
