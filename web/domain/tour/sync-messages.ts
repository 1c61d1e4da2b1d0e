/**
 * What the projector window and the presenter view say to each other over a BroadcastChannel (same origin): a
 * window that opens asks where the presentation is (`hello`), the other answers (`state`), a step in either window
 * is a `chapter`, and the projector says when it leaves the presentation (`ended`). Anything else that arrives on
 * the channel (another version, another tour, a chapter the tour does not have) is refused, not guessed at.
 */
import { isTourId } from './navigation.ts';

export const TOUR_CHANNEL = 'eco-barrier-tour';
export const SYNC_VERSION = 1;

/** The projector window (the map) or the presenter view (notes and timer). */
export type SyncRole = 'projector' | 'presenter';

interface Base {
  v: typeof SYNC_VERSION;
  from: SyncRole;
  tourId: string;
}

/** A chapter by its 0-based index and its id (both must agree with the receiving window's tour). */
interface At {
  index: number;
  chapterId: string;
}

export type SyncMessage =
  | (Base & { type: 'hello' })
  | (Base & At & { type: 'state' })
  | (Base & At & { type: 'chapter' })
  | (Base & { type: 'ended' });

/** The tour the receiving window shows: messages about another tour or a chapter it does not have are refused. */
export interface SyncTour {
  id: string;
  chapterIds: readonly string[];
}

const FIELDS: Record<SyncMessage['type'], readonly string[]> = {
  hello: ['v', 'type', 'from', 'tourId'],
  ended: ['v', 'type', 'from', 'tourId'],
  state: ['v', 'type', 'from', 'tourId', 'index', 'chapterId'],
  chapter: ['v', 'type', 'from', 'tourId', 'index', 'chapterId'],
};

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Whether a message from the channel is one this window should act on: the format's fields exactly (no unknown
 * field, type or version), from a known role, about `tour`, and for a chapter message an index within the tour
 * whose chapter has the id the message names (so a window showing an edited copy of the tour does not jump to the
 * wrong chapter).
 */
export function isSyncMessage(value: unknown, tour: SyncTour): value is SyncMessage {
  if (!isRecord(value)) return false;
  const type = value.type;
  if (typeof type !== 'string' || !Object.hasOwn(FIELDS, type)) return false;
  const fields = FIELDS[type as SyncMessage['type']];
  const keys = Object.keys(value);
  if (keys.length !== fields.length || !keys.every((k) => fields.includes(k))) return false;
  if (value.v !== SYNC_VERSION) return false;
  if (value.from !== 'projector' && value.from !== 'presenter') return false;
  if (typeof value.tourId !== 'string' || !isTourId(value.tourId) || value.tourId !== tour.id) return false;
  if (type === 'hello' || type === 'ended') return true;
  const { index, chapterId } = value;
  return (
    typeof index === 'number' &&
    Number.isInteger(index) &&
    index >= 0 &&
    index < tour.chapterIds.length &&
    typeof chapterId === 'string' &&
    tour.chapterIds[index] === chapterId
  );
}

/** A message about where a window is: its chapter as a step (`chapter`) or as the answer to a `hello` (`state`). */
export function chapterMessage(
  type: 'state' | 'chapter',
  from: SyncRole,
  tour: SyncTour,
  index: number,
): SyncMessage | null {
  const chapterId = tour.chapterIds[index];
  if (chapterId === undefined) return null;
  return { v: SYNC_VERSION, type, from, tourId: tour.id, index, chapterId };
}

export const helloMessage = (from: SyncRole, tourId: string): SyncMessage => ({
  v: SYNC_VERSION,
  type: 'hello',
  from,
  tourId,
});

export const endedMessage = (tourId: string): SyncMessage => ({
  v: SYNC_VERSION,
  type: 'ended',
  from: 'projector',
  tourId,
});
