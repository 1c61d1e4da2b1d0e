import { describe, expect, it } from 'vitest';
import { type MapPort, mapPort, panelsAreShown, registerMapPort } from '../../../web/src/map/map-port.ts';

function fakeMap(name: string, log: string[]): MapPort {
  return {
    frame: (b) => log.push(`${name}.frame ${b.join(',')}`),
    jumpTo: (c) => log.push(`${name}.jumpTo ${c.zoom}`),
    flyTo: (c, o) => log.push(`${name}.flyTo ${c.zoom} ${o.animate}`),
    currentCamera: () => null,
    snapshot: async () => ({
      dataUrl: name,
      width: 1,
      height: 1,
      metersPerPixel: 1,
      bearing: 0,
      bounds: [0, 0, 1, 1],
    }),
    undoDrawing: () => log.push(`${name}.undo`),
    redoDrawing: () => log.push(`${name}.redo`),
    deleteSelectedOutline: () => log.push(`${name}.delete`),
    cancelOutline: () => log.push(`${name}.cancel`),
    clearDrawing: () => log.push(`${name}.clear`),
    loadDrawing: (p) => log.push(`${name}.load ${p.length}`),
  };
}

describe('the map port', () => {
  // runs first: the panels are not shown until panelsAreShown is called (the app's first render)
  it('keeps a frame asked for before the panels are shown until they are, and makes only the last one', () => {
    const log: string[] = [];
    const unregister = registerMapPort(fakeMap('a', log));
    mapPort.frame([1, 1, 2, 2]);
    mapPort.frame([5, 6, 7, 8]);
    mapPort.clearDrawing();
    expect(log).toEqual(['a.clear']);
    panelsAreShown();
    expect(log).toEqual(['a.clear', 'a.frame 5,6,7,8']);
    mapPort.frame([0, 0, 1, 1]);
    expect(log.at(-1)).toBe('a.frame 0,0,1,1');
    unregister();
  });

  it('holds calls made before the map exists and runs them, in order, when it registers', async () => {
    const log: string[] = [];
    mapPort.frame([1, 2, 3, 4]);
    const snap = mapPort.snapshot(null);
    mapPort.clearDrawing();
    expect(log).toEqual([]);
    const unregister = registerMapPort(fakeMap('a', log));
    expect(log).toEqual(['a.frame 1,2,3,4', 'a.clear']);
    expect((await snap).dataUrl).toBe('a');
    mapPort.undoDrawing();
    expect(log.at(-1)).toBe('a.undo');
    unregister();
  });

  it('sends calls to the map registered now; a withdrawn map gets nothing more', () => {
    const log: string[] = [];
    const first = registerMapPort(fakeMap('a', log));
    const second = registerMapPort(fakeMap('b', log)); // React's strict mode mounts the map twice
    first(); // the first map's late withdrawal must not remove the second
    mapPort.cancelOutline();
    second();
    mapPort.redoDrawing();
    expect(log).toEqual(['b.cancel']);
    registerMapPort(fakeMap('c', log))();
    expect(log).toEqual(['b.cancel', 'c.redo']);
  });
});
