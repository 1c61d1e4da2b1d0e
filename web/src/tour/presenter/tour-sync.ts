import {
  chapterMessage,
  endedMessage,
  helloMessage,
  isSyncMessage,
  type SyncMessage,
  type SyncTour,
  TOUR_CHANNEL,
} from '../../../domain/tour/sync-messages.ts';
import type { AppState, AppStore } from '../../store/store.ts';
import { onChapterShown, showChapter } from '../tour-actions.ts';

/** The channel between the projector window and the presenter view (same origin, any number of windows). */
export interface SyncPort {
  post(message: SyncMessage): void;
  listen(receive: (data: unknown) => void): void;
  close(): void;
}

/** A BroadcastChannel, or null in a browser without one (the windows then do not follow each other). */
export function openSyncPort(): SyncPort | null {
  if (typeof BroadcastChannel !== 'function') return null;
  const channel = new BroadcastChannel(TOUR_CHANNEL);
  return {
    post: (m) => channel.postMessage(m),
    listen: (receive) => {
      channel.onmessage = (e: MessageEvent) => receive(e.data);
    },
    close: () => channel.close(),
  };
}

/** The tour a window shows, as the message check needs it. */
export const syncTour = (id: string, chapters: readonly { id: string }[]): SyncTour => ({
  id,
  chapterIds: chapters.map((c) => c.id),
});

const presentedTour = (s: AppState): SyncTour | null =>
  s.tourId !== null && s.tourLoad?.status === 'ready' ? syncTour(s.tourId, s.tourLoad.tour.chapters) : null;

/**
 * The projector window's side: when a tour has been read and its first chapter shown it says hello (a presenter
 * view open already answers with its chapter, and the projector goes there); every later chapter shown is sent as
 * a step, except one the presenter asked for; a presenter's step or answer shows that chapter; a presenter's hello is answered with the chapter shown.
 * Leaving the presentation (Esc) or closing the window tells the presenter it ended. The channel opens with the
 * first presentation. Returns the call that unbinds.
 */
export function bindProjectorSync(
  store: AppStore,
  open: () => SyncPort | null = openSyncPort,
  win: Pick<Window, 'addEventListener' | 'removeEventListener'> | null = typeof window === 'undefined'
    ? null
    : window,
): () => void {
  let port: SyncPort | null = null;
  let following = false;
  const channel = (): SyncPort | null => {
    if (port) return port;
    port = open();
    port?.listen((data) => {
      const s = store.getState();
      const tour = presentedTour(s);
      if (!tour || !isSyncMessage(data, tour) || data.from !== 'presenter') return;
      if (data.type === 'hello') {
        const answer = chapterMessage('state', 'projector', tour, s.tourChapter);
        if (answer) port?.post(answer);
      } else if (data.type === 'state' || data.type === 'chapter') {
        // not sent back: the presenter may have stepped on already, and an echo would pull it back
        following = true;
        try {
          showChapter(store, data.index);
        } finally {
          following = false;
        }
      }
    });
    return port;
  };
  const stopShown = onChapterShown(({ tourId, index, first }) => {
    const tour = presentedTour(store.getState());
    if (following || !tour || tour.id !== tourId) return;
    const message = first
      ? helloMessage('projector', tourId)
      : chapterMessage('chapter', 'projector', tour, index);
    if (message) channel()?.post(message);
  });
  const stopEnded = store.subscribe(
    (s) => s.tourId,
    (id, before) => {
      if (before !== null && id !== before) port?.post(endedMessage(before));
    },
  );
  // a link may have started the presentation before this was bound (the map and the link come before the app,
  // docs/architecture.md "First paint"): its first chapter's hello was not sent, so say it now
  const already = presentedTour(store.getState());
  if (already) channel()?.post(helloMessage('projector', already.id));
  const onHide = () => {
    const id = store.getState().tourId;
    if (id !== null) port?.post(endedMessage(id));
  };
  win?.addEventListener('pagehide', onHide);
  return () => {
    stopShown();
    stopEnded();
    win?.removeEventListener('pagehide', onHide);
    port?.close();
    port = null;
  };
}

/** What the presenter view is told by the projector window. */
export interface PresenterEvents {
  /** the chapter the presenter shows now (answers a projector's hello) */
  current(): number;
  /** the projector stepped, or answered the presenter's hello: show this chapter */
  chapter(index: number): void;
  /** a projector said hello or answered: the windows are in step */
  projector(): void;
  /** the projector left the presentation or was closed */
  ended(): void;
}

/**
 * The presenter view's side: says hello on opening (a projector presenting the tour answers with its chapter), sends
 * each step, answers a projector's hello with its chapter. Closing it sends nothing: the projector stays where it is.
 * Null without a BroadcastChannel.
 */
export function openPresenterSync(
  tour: SyncTour,
  on: PresenterEvents,
  open: () => SyncPort | null = openSyncPort,
): { step(index: number): void; close(): void } | null {
  const port = open();
  if (!port) return null;
  port.listen((data) => {
    if (!isSyncMessage(data, tour) || data.from !== 'projector') return;
    if (data.type === 'ended') {
      on.ended();
      return;
    }
    on.projector();
    if (data.type === 'hello') {
      const answer = chapterMessage('state', 'presenter', tour, on.current());
      if (answer) port.post(answer);
    } else on.chapter(data.index);
  });
  port.post(helloMessage('presenter', tour.id));
  return {
    step: (index) => {
      const message = chapterMessage('chapter', 'presenter', tour, index);
      if (message) port.post(message);
    },
    close: () => port.close(),
  };
}
