import type { Polygon } from 'geojson';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAYERS } from '../../../layers/registry.ts';
import type { ZonePaint } from '../../../layers/zone-paint.ts';
import { commandForKey, type KeyPress } from '../../../web/domain/ui/keys.ts';
import { COMMANDS } from '../../../web/src/commands/registry.ts';
import { type MapPort, registerMapPort } from '../../../web/src/map/map-port.ts';
import type { Camera } from '../../../web/src/store/plan-view-slice.ts';
import { useAppStore } from '../../../web/src/store/store.ts';
import { leaveTour, presentTour, stepTour } from '../../../web/src/tour/tour-actions.ts';
import { loadTour, registerTourSource } from '../../../web/src/tour/tour-source.ts';
import { chapter, minimalTour, seedTour } from './helpers.ts';

const HERE: Camera = { center: [103.5, 41.2], zoom: 5.5, bearing: 10, pitch: 20 };

/** A map that records the cameras it is asked for. */
function recordingMap(): MapPort & { flights: [Camera, boolean][]; jumps: Camera[] } {
  const flights: [Camera, boolean][] = [];
  const jumps: Camera[] = [];
  const nothing = () => undefined;
  return {
    flights,
    jumps,
    frame: nothing,
    jumpTo: (c) => jumps.push(c),
    flyTo: (c, o) => flights.push([c, o.animate]),
    currentCamera: () => HERE,
    snapshot: () => Promise.reject(new Error('no map')),
    undoDrawing: nothing,
    redoDrawing: nothing,
    deleteSelectedOutline: nothing,
    cancelOutline: nothing,
    clearDrawing: nothing,
    loadDrawing: (_: Polygon[]) => undefined,
  };
}

const press = (key: string): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  inField: false,
});
const keyCommand = (key: string) => commandForKey(COMMANDS, press(key), useAppStore.getState())?.id ?? null;
const shown = () =>
  LAYERS.map((l) => l.id)
    .filter((id) => useAppStore.getState().visible[id])
    .sort();

const initial = useAppStore.getState();
const tour = seedTour();
const alxa = { id: 'league-alxa', zh: '阿拉善盟', en: 'Alxa League', kind: 'league', layerId: 'leagues' };
const paint: ZonePaint = {
  key: 'coverage:leagues',
  title: { zh: '任务数', en: 'Tasks' },
  layerIds: ['leagues'],
  fills: { 'league-alxa': '#123456' },
  legend: [],
};
let map: ReturnType<typeof recordingMap>;
let unregister: () => void;

beforeEach(() => {
  useAppStore.setState(initial, true);
  useAppStore.setState({ mapStatus: 'idle' });
  map = recordingMap();
  unregister = registerMapPort(map);
});

afterEach(() => unregister());

describe('presenting a tour', () => {
  it('opens at the chapter a link names, with exactly its layers and zones, and flies there', async () => {
    await presentTour(useAppStore, 'default', '3');
    const s = useAppStore.getState();
    const three = chapter(tour, 'three-north');
    expect(s.tourLoad?.status).toBe('ready');
    expect(s.tourChapter).toBe(2);
    expect(shown()).toEqual([...three.layers].sort());
    expect(s.highlightZoneIds).toEqual([...three.zones].sort());
    expect(map.flights).toEqual([[three.camera, true]]);
  });

  it('steps with the presenter’s keys, which win over their usual commands only while presenting', async () => {
    useAppStore.getState().selectZone(alxa);
    expect(keyCommand('Escape')).toBe('zone.clearSelection');
    expect(keyCommand('ArrowRight')).toBeNull();
    useAppStore.getState().selectZone(null);
    await presentTour(useAppStore, 'default', null);
    useAppStore.setState({ reportOpen: true, infoLayerId: 'leagues' });
    expect(keyCommand('Escape')).toBe('tour.leave');
    useAppStore.setState({ reportOpen: false, infoLayerId: null });
    expect(keyCommand('ArrowRight')).toBe('tour.next');
    expect(keyCommand('PageDown')).toBe('tour.next');
    expect(keyCommand('ArrowLeft')).toBe('tour.prev');
    expect(keyCommand('PageUp')).toBe('tour.prev');
    expect(keyCommand('Home')).toBe('tour.first');
    expect(keyCommand('End')).toBe('tour.last');
    expect(keyCommand('7')).toBe('tour.go.7');
    stepTour(useAppStore, 'next');
    stepTour(useAppStore, 'next');
    expect(useAppStore.getState().tourChapter).toBe(2);
    stepTour(useAppStore, 'last');
    expect(useAppStore.getState().tourChapter).toBe(tour.chapters.length - 1);
    stepTour(useAppStore, 'next');
    expect(useAppStore.getState().tourChapter).toBe(tour.chapters.length - 1);
    stepTour(useAppStore, { number: 5 });
    expect(useAppStore.getState().tourChapter).toBe(4);
    expect(shown()).toEqual([...(tour.chapters[4]?.layers ?? [])].sort());
    expect(map.flights.map(([c]) => c)).toEqual(
      [0, 1, 2, tour.chapters.length - 1, 4].map((i) => tour.chapters[i]?.camera),
    );
  });

  it('hides the selection, view, zone colours and panels while presenting, and puts back all of it, camera too', async () => {
    const s = useAppStore.getState();
    s.selectZone(alxa);
    s.setView('indicators');
    s.selectIndicator('forest-cover');
    s.setZonePaint(paint);
    s.setHighlight(['league-alxa']);
    s.toggleLayer('thematic-wind-bases');
    s.setOpacity('leagues', 0.4);
    const before = useAppStore.getState();
    await presentTour(useAppStore, 'default', 'wind-bases');
    const during = useAppStore.getState();
    expect(during.selectedZoneId).toBeNull();
    expect(during.view).toBe('map');
    expect(during.zonePaint).toBeNull();
    expect(during.opacity.leagues).toBe(1);
    expect(during.highlightZoneIds).toEqual([...chapter(tour, 'wind-bases').zones].sort());
    leaveTour(useAppStore);
    const after = useAppStore.getState();
    for (const key of [
      'visible',
      'opacity',
      'selectedZoneId',
      'selectedZone',
      'view',
      'selectedIndicatorId',
      'zonePaint',
      'highlightZoneIds',
      'screeningOpen',
      'drawMode',
    ] as const) {
      expect(after[key], key).toEqual(before[key]);
    }
    expect(after.tourId).toBeNull();
    expect(after.tourReturn).toBeNull();
    expect(map.jumps).toEqual([HERE]);
    expect(keyCommand('ArrowRight')).toBeNull();
  });

  it('shows nothing of a tour that fails its checks, and lists every issue', async () => {
    const bad = minimalTour();
    (bad.chapters[0] as { layers: string[] }).layers = ['region', 'thematic-sand'];
    (bad.chapters[1] as { id: string }).id = 'one';
    const remove = registerTourSource('broken', async () => bad);
    const visible = useAppStore.getState().visible;
    await presentTour(useAppStore, 'broken', null);
    const s = useAppStore.getState();
    expect(s.tourLoad?.status).toBe('invalid');
    const issues = s.tourLoad?.status === 'invalid' ? s.tourLoad.issues.map((i) => i.path) : [];
    expect(issues).toContain('chapters[0].layers[1]');
    expect(issues).toContain('chapters[1].id');
    expect(s.visible).toBe(visible);
    expect(s.highlightZoneIds).toEqual([]);
    expect(map.flights).toEqual([]);
    stepTour(useAppStore, 'next');
    expect(useAppStore.getState().tourChapter).toBe(0);
    remove();
    leaveTour(useAppStore);
  });

  it('says a tour is unknown rather than showing another', async () => {
    expect(await loadTour('no-such-tour')).toEqual({ status: 'unknown' });
    expect(await loadTour('constructor')).toEqual({ status: 'unknown' });
  });

  it('waits for the map’s first idle before reading the tour', async () => {
    useAppStore.setState({ mapStatus: 'loading' });
    const started = presentTour(useAppStore, 'default', null);
    await new Promise((ok) => setTimeout(ok, 20));
    expect(useAppStore.getState().tourLoad).toEqual({ status: 'loading' });
    useAppStore.getState().setMapStatus('idle');
    await started;
    expect(useAppStore.getState().tourLoad?.status).toBe('ready');
  });

  it('drops a tour that finishes loading after its presentation ended', async () => {
    useAppStore.setState({ mapStatus: 'loading' });
    const started = presentTour(useAppStore, 'default', '4');
    leaveTour(useAppStore);
    useAppStore.getState().setMapStatus('idle');
    await started;
    expect(useAppStore.getState().tourId).toBeNull();
    expect(useAppStore.getState().tourLoad).toBeNull();
    expect(map.flights).toEqual([]);
  });
});
