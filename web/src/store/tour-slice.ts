import type { ZonePaint } from '../../../layers/zone-paint.ts';
import type { Tour } from '../../domain/tour/schema.ts';
import type { TourIssue } from '../../domain/tour/validate.ts';
import type { ZoneSummary } from '../../domain/ui/zone-selection.ts';
import type { DrawMode } from '../screening/screening-slice.ts';
import type { AppView, Camera } from './plan-view-slice.ts';

/** A tour being read: loading, ready, refused by the checks (with every issue), unknown, or unreadable. */
export type TourLoad =
  | { status: 'loading' }
  | { status: 'ready'; tour: Tour }
  | { status: 'invalid'; issues: TourIssue[]; truncated: boolean }
  | { status: 'unknown' }
  | { status: 'error'; message: string };

/** The PNG export of the view (web/src/tour/png-export.ts). */
export type TourPngState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'done'; fileName: string }
  | { status: 'failed'; message: string };

/** What the app showed when the presentation started: put back, exactly, when it ends (tour/tour-actions.ts). */
export interface TourReturn {
  visible: Record<string, boolean>;
  opacity: Record<string, number>;
  selectedZoneId: string | null;
  selectedZone: ZoneSummary | null;
  zonesHere: ZoneSummary[];
  view: AppView;
  selectedTaskId: string | null;
  selectedIndicatorId: string | null;
  zonePaint: ZonePaint | null;
  highlightZoneIds: string[];
  screeningOpen: boolean;
  infoLayerId: string | null;
  drawMode: DrawMode;
  /** null when the map had no camera yet (a link that opens the presentation): the region is framed instead */
  camera: Camera | null;
}

/**
 * The presentation part of the one store: plain state and setters (the work is in web/src/tour/tour-actions.ts).
 * `tourId` non-null means presenting; the presenter view and user tours later read and set the same fields.
 */
export interface TourSlice {
  /** the tour being presented (`tour=` in a link), or null when not presenting */
  tourId: string | null;
  tourLoad: TourLoad | null;
  /** the chapter shown, 0-based */
  tourChapter: number;
  tourReturn: TourReturn | null;
  /** the high-contrast map (stronger outlines and label halos), while presenting */
  tourHighContrast: boolean;
  /** the printable handout (one page per chapter) is open over the presentation */
  tourHandout: boolean;
  /** the PNG export of the view: idle, working, done (the file's name) or failed (why) */
  tourPng: TourPngState;

  setTourChapter(index: number): void;
  setTourHighContrast(on: boolean): void;
  setTourHandout(open: boolean): void;
}

type Set = (partial: Partial<TourSlice> | ((s: TourSlice) => Partial<TourSlice>)) => void;

export const tourSlice = (set: Set): TourSlice => ({
  tourId: null,
  tourLoad: null,
  tourChapter: 0,
  tourReturn: null,
  tourHighContrast: false,
  tourHandout: false,
  tourPng: { status: 'idle' },

  setTourChapter: (tourChapter) => set((s) => (s.tourChapter === tourChapter ? s : { tourChapter })),
  setTourHighContrast: (tourHighContrast) => set({ tourHighContrast }),
  setTourHandout: (tourHandout) => set({ tourHandout }),
});

/** Whether a presentation is on (the app's controls hide, the tour's keys are live). */
export const presenting = (s: Pick<TourSlice, 'tourId'>): boolean => s.tourId !== null;

/** The chapter shown, once the tour is read. */
export function currentChapter(s: Pick<TourSlice, 'tourLoad' | 'tourChapter'>) {
  return s.tourLoad?.status === 'ready' ? (s.tourLoad.tour.chapters[s.tourChapter] ?? null) : null;
}
