import type { Polygon } from 'geojson';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncMessage } from '../../../web/domain/tour/sync-messages.ts';
import { type MapPort, registerMapPort } from '../../../web/src/map/map-port.ts';
import { useAppStore } from '../../../web/src/store/store.ts';
import {
  bindProjectorSync,
  openPresenterSync,
  type SyncPort,
  syncTour,
} from '../../../web/src/tour/presenter/tour-sync.ts';
import { leaveTour, presentTour, stepTour } from '../../../web/src/tour/tour-actions.ts';
import { seedTour } from './helpers.ts';

/** A BroadcastChannel stand-in: a message reaches every other port, later (as a real channel's does), as a copy. */
function bus() {
  const ports = new Set<{ receive: (data: unknown) => void }>();
  const sent: SyncMessage[] = [];
  const open = (): SyncPort => {
    const me: { receive: (data: unknown) => void } = { receive: () => undefined };
    ports.add(me);
    return {
      post: (m) => {
        sent.push(m);
        const copy = structuredClone(m);
        for (const p of ports) if (p !== me) setTimeout(() => p.receive(copy), 0);
      },
      listen: (receive) => {
        me.receive = receive;
      },
      close: () => ports.delete(me),
    };
  };
  /** A message from a window outside these tests (another tour, a bad chapter). */
  const inject = (data: unknown) => {
    for (const p of ports) setTimeout(() => p.receive(data), 0);
  };
  return { open, inject, sent };
}

// several turns of the task queue: a message is delivered in one, and the chapter it asks for may load in later ones
// (one 20 ms wait was too short on a loaded machine)
const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((ok) => setTimeout(ok, 10));
};
const nothing = () => undefined;
const map: MapPort = {
  frame: nothing,
  jumpTo: nothing,
  flyTo: nothing,
  currentCamera: () => null,
  snapshot: () => Promise.reject(new Error('no map')),
  undoDrawing: nothing,
  redoDrawing: nothing,
  deleteSelectedOutline: nothing,
  cancelOutline: nothing,
  clearDrawing: nothing,
  loadDrawing: (_: Polygon[]) => undefined,
};

const tour = seedTour();
const TOUR = syncTour('default', tour.chapters);
const initial = useAppStore.getState();
const chapterShown = () => useAppStore.getState().tourChapter;

/** The presenter view's side, as PresenterView keeps it: its chapter, and whether the projector ended. */
function presenter(b: ReturnType<typeof bus>, start: number) {
  const view = { index: start, ended: false, synced: false };
  const sync = openPresenterSync(
    TOUR,
    {
      current: () => view.index,
      chapter: (i) => {
        view.index = i;
      },
      projector: () => {
        view.synced = true;
        view.ended = false;
      },
      ended: () => {
        view.ended = true;
      },
    },
    b.open,
  );
  if (!sync) throw new Error('no channel');
  const step = (i: number) => {
    view.index = i;
    sync.step(i);
  };
  return { view, step, close: sync.close };
}

let unbind: () => void = nothing;
let unregister: () => void = nothing;
beforeEach(() => {
  useAppStore.setState(initial, true);
  useAppStore.setState({ mapStatus: 'idle' });
  unregister = registerMapPort(map);
});
afterEach(() => {
  unbind();
  unregister();
});

describe('the projector window and the presenter view in step', () => {
  it('the presenter drives the projector, the projector’s own steps move the presenter, and Esc ends it there', async () => {
    const b = bus();
    unbind = bindProjectorSync(useAppStore, b.open, null);
    await presentTour(useAppStore, 'default', null);
    const p = presenter(b, 0);
    await settle();
    // the presenter's hello is answered with the projector's chapter
    expect(p.view).toEqual({ index: 0, ended: false, synced: true });
    p.step(3);
    await settle();
    expect(chapterShown()).toBe(3);
    stepTour(useAppStore, 'prev');
    await settle();
    expect(p.view.index).toBe(2);
    stepTour(useAppStore, 'last');
    await settle();
    expect(p.view.index).toBe(tour.chapters.length - 1);
    // closing the presenter leaves the projector where it is
    p.close();
    await settle();
    expect(chapterShown()).toBe(tour.chapters.length - 1);
    expect(useAppStore.getState().tourId).toBe('default');
    const q = presenter(b, 0);
    await settle();
    expect(q.view.index).toBe(tour.chapters.length - 1);
    leaveTour(useAppStore);
    await settle();
    expect(q.view.ended).toBe(true);
    expect(b.sent.at(-1)).toEqual({ v: 1, type: 'ended', from: 'projector', tourId: 'default' });
  });

  it('fast steps in the presenter are not pulled back by the projector following them', async () => {
    const b = bus();
    unbind = bindProjectorSync(useAppStore, b.open, null);
    await presentTour(useAppStore, 'default', null);
    const p = presenter(b, 0);
    await settle();
    const before = b.sent.length;
    for (const i of [1, 2, 3, 4]) p.step(i);
    await settle();
    expect(chapterShown()).toBe(4);
    expect(p.view.index).toBe(4);
    // the projector sent nothing back for steps it was asked for
    expect(b.sent.slice(before).filter((m) => m.from === 'projector')).toEqual([]);
  });

  it('a projector opened later catches up with the presenter’s chapter', async () => {
    const b = bus();
    const p = presenter(b, 6);
    unbind = bindProjectorSync(useAppStore, b.open, null);
    await presentTour(useAppStore, 'default', null);
    expect(chapterShown()).toBe(0);
    await settle();
    expect(chapterShown()).toBe(6);
    expect(p.view.index).toBe(6);
    expect(p.view.synced).toBe(true);
  });

  it('a projector whose link started the presentation before the sync was bound still catches up', async () => {
    const b = bus();
    const p = presenter(b, 6);
    await presentTour(useAppStore, 'default', null);
    await settle();
    expect(chapterShown()).toBe(0);
    unbind = bindProjectorSync(useAppStore, b.open, null);
    await settle();
    expect(chapterShown()).toBe(6);
    expect(p.view.synced).toBe(true);
  });

  it('ignores messages for another tour, out-of-range chapters and messages from another projector', async () => {
    const b = bus();
    unbind = bindProjectorSync(useAppStore, b.open, null);
    await presentTour(useAppStore, 'default', '2');
    await settle();
    const step = { v: 1, type: 'chapter', from: 'presenter', tourId: 'default' };
    b.inject({ ...step, tourId: 'other', index: 5, chapterId: tour.chapters[5]?.id });
    b.inject({ ...step, index: tour.chapters.length, chapterId: tour.chapters[0]?.id });
    b.inject({ ...step, index: 5, chapterId: tour.chapters[6]?.id });
    b.inject({ ...step, from: 'projector', index: 5, chapterId: tour.chapters[5]?.id });
    b.inject('next');
    await settle();
    expect(chapterShown()).toBe(1);
    b.inject({ ...step, index: 5, chapterId: tour.chapters[5]?.id });
    await settle();
    expect(chapterShown()).toBe(5);
  });

  it('a projector not presenting does not follow', async () => {
    const b = bus();
    unbind = bindProjectorSync(useAppStore, b.open, null);
    await presentTour(useAppStore, 'default', null);
    const p = presenter(b, 0);
    await settle();
    leaveTour(useAppStore);
    await settle();
    p.step(4);
    await settle();
    expect(useAppStore.getState().tourId).toBeNull();
    expect(p.view.ended).toBe(true);
  });
});
