import { describe, expect, it } from 'vitest';

import { LAYERS } from '../../../layers/registry.ts';
import { isTourId } from '../../../web/domain/tour/navigation.ts';
import { TOUR_LIMITS } from '../../../web/domain/tour/schema.ts';
import {
  asCopy,
  chapterFromView,
  isUserTourId,
  moveChapterBy,
  newUserTour,
  nextChapterId,
  type SnapshotContext,
  tourCamera,
  tourFile,
  userTourId,
  type ViewSnapshot,
} from '../../../web/domain/tour/user-tour.ts';
import { parseTour, TOUR_CAMERA_BOUNDS } from '../../../web/domain/tour/validate.ts';
import { CTX, PLAN, ZONE_INDEX } from './helpers.ts';

const SNAP: SnapshotContext = {
  layerIds: LAYERS.map((l) => l.id),
  zoneLayer: (z) => ZONE_INDEX[z]?.layerId,
  fallbackCamera: { center: [111.6, 45.4], zoom: 4, bearing: 0, pitch: 0 },
  untitled: { zh: '第 1 章', en: 'Chapter 1' },
};
const BASE_ON = Object.fromEntries(LAYERS.map((l) => [l.id, l.defaultVisible === true]));
const view = (over: Partial<ViewSnapshot> = {}): ViewSnapshot => ({
  camera: { center: [108.5, 40.2], zoom: 6.3, bearing: 0, pitch: 0 },
  visible: BASE_ON,
  selectedZone: null,
  highlightZoneIds: [],
  task: null,
  indicator: null,
  ...over,
});
const TASK = PLAN.tasks.find((t) => t.id === '2.3.1');
if (!TASK) throw new Error('task 2.3.1 missing');

describe('user tour ids', () => {
  it('user-<uuid> is a tour id links accept, and not every slug is a user id', () => {
    const id = userTourId('0F8FAD5B-D9CB-469F-A165-70867728950E');
    expect(id).toBe('user-0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(isTourId(id)).toBe(true);
    expect(isUserTourId(id)).toBe(true);
    expect(isUserTourId('default')).toBe(false);
    expect(isUserTourId('user-abc')).toBe(false);
    expect(() => userTourId('not-a-uuid')).toThrow();
  });
  it('chapter ids are the first unused c<n>', () => {
    expect(nextChapterId([])).toBe('c1');
    expect(nextChapterId([{ id: 'c1' }, { id: 'c3' }])).toBe('c2');
    expect(nextChapterId([{ id: 'c2' }, { id: 'c1' }])).toBe('c3');
  });
});

describe('chapterFromView', () => {
  it('takes the camera, exactly the registry layers shown, the selected and highlighted zones, the task', () => {
    const visible: Record<string, boolean> = { ...BASE_ON, 'thematic-sands': true, 'not-a-layer': true };
    const c = chapterFromView(
      view({
        visible,
        selectedZone: { id: 'desert-kubuqi', zh: '库布其沙漠', en: 'Kubuqi Desert' },
        highlightZoneIds: ['desert-kubuqi', 'treatment-area-kubuqi-mu-us'],
        task: { id: TASK.id, zh: TASK.title, en: TASK.titleEn ?? '' },
      }),
      'c1',
      SNAP,
    );
    expect(c.title).toEqual({ zh: '库布其沙漠', en: 'Kubuqi Desert' });
    expect(c.caption).toEqual(c.title);
    expect(c.zones).toEqual(['desert-kubuqi', 'treatment-area-kubuqi-mu-us']);
    // the highlighted treatment area's layer was off: it is added so the chapter draws what it outlines
    expect(c.layers).toContain('thematic-treatment-areas');
    expect(c.layers).toContain('thematic-sands');
    expect(c.layers).not.toContain('not-a-layer');
    expect(c.layers.filter((l) => !visible[l])).toEqual(['thematic-treatment-areas']);
    expect(c.cites).toEqual({ tasks: ['2.3.1'], indicators: [] });
    expect(c.camera).toEqual({ center: [108.5, 40.2], zoom: 6.3, bearing: 0, pitch: 0 });
    const tour = tourFile({ ...newUserTour(userTourId(crypto.randomUUID()), '沙', 'x'), chapters: [c] });
    expect(parseTour(tour, CTX).issues).toEqual([]);
  });
  it('names the chapter after the task, then the indicator, then the fallback, within the limits', () => {
    const long = 'x'.repeat(500);
    const byTask = chapterFromView(view({ task: { id: TASK.id, zh: long, en: long } }), 'c1', SNAP);
    expect(byTask.title.zh).toHaveLength(TOUR_LIMITS.title.zh);
    expect(byTask.caption.zh).toHaveLength(TOUR_LIMITS.caption.zh);
    const ind = PLAN.indicators[0];
    if (!ind) throw new Error('no indicator');
    const byInd = chapterFromView(view({ indicator: { id: ind.id, zh: ind.name, en: ind.en } }), 'c1', SNAP);
    expect(byInd.title.zh).toBe(ind.name.slice(0, TOUR_LIMITS.title.zh));
    expect(byInd.cites.indicators).toEqual([ind.id]);
    expect(chapterFromView(view(), 'c1', SNAP).title).toEqual(SNAP.untitled);
    // a zone known only by id (selected from a link before the map named it) passes to the task's name
    const blank = chapterFromView(
      view({
        selectedZone: { id: 'desert-kubuqi', zh: ' ', en: '' },
        task: { id: TASK.id, zh: 'T', en: '' },
      }),
      'c1',
      SNAP,
    );
    expect(blank.title.zh).toBe('T');
    expect(blank.zones).toEqual(['desert-kubuqi']);
  });
  it('drops zones the zone index does not know and uses the region when the map reported no camera', () => {
    const c = chapterFromView(view({ camera: null, highlightZoneIds: ['no-such-zone'] }), 'c1', SNAP);
    expect(c.zones).toEqual([]);
    expect(c.camera).toEqual(SNAP.fallbackCamera);
  });
  it('keeps a camera a tour may hold: clamped into the region bounds and zoom range, bearing wrapped', () => {
    const cam = tourCamera({ center: [150, 10], zoom: 1, bearing: 190, pitch: 80 });
    expect(cam.center).toEqual([TOUR_CAMERA_BOUNDS.center[2], TOUR_CAMERA_BOUNDS.center[1]]);
    expect(cam.zoom).toBe(TOUR_CAMERA_BOUNDS.zoom[0]);
    expect(cam.bearing).toBe(-170);
    expect(cam.pitch).toBe(60);
  });
});

describe('editing a tour', () => {
  it('moves a chapter up or down and leaves the list alone at either end', () => {
    const list = ['a', 'b', 'c'];
    expect(moveChapterBy(list, 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveChapterBy(list, 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveChapterBy(list, 0, -1)).toEqual(list);
    expect(moveChapterBy(list, 2, 1)).toEqual(list);
    expect(list).toEqual(['a', 'b', 'c']);
  });
  it('a tour without chapters is no file; a blank title takes the fallback', () => {
    const t = newUserTour(userTourId(crypto.randomUUID()), '   ', '未命名演示');
    expect(t.title.zh).toBe('未命名演示');
    expect(tourFile(t)).toBeNull();
  });
  it('a copy gets the new id and says it is a copy', () => {
    const c = chapterFromView(view(), 'c1', SNAP);
    const file = tourFile({ ...newUserTour(userTourId(crypto.randomUUID()), '沙', 'x'), chapters: [c] });
    if (!file) throw new Error('no file');
    const id = userTourId(crypto.randomUUID());
    const copy = asCopy(file, id, { zh: '（副本）', en: ' (copy)' });
    expect(copy.id).toBe(id);
    expect(copy.title.zh).toBe('沙（副本）');
    expect(copy.chapters).toEqual(file.chapters);
    expect(parseTour(copy, CTX).issues).toEqual([]);
  });
});
