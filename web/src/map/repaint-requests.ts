import type maplibregl from 'maplibre-gl';

interface Wants {
  who: Set<string>;
  /** repaint was off when the first want came, and was switched on here */
  switchedOn: boolean;
}

const wanted = new WeakMap<maplibregl.Map, Wants>();

/**
 * `who` wants the map to repaint continuously (`on`), or no longer: a map that repaints asks for another frame after
 * each one and does not report itself idle. maplibre's `repaint` is switched on while anyone wants it, and off
 * when the last want goes, unless it was on already (someone else's).
 */
export function wantRepaint(map: maplibregl.Map, who: string, on: boolean): void {
  let w = wanted.get(map);
  if (!w) {
    w = { who: new Set(), switchedOn: false };
    wanted.set(map, w);
  }
  if (on) w.who.add(who);
  else w.who.delete(who);
  if (w.who.size > 0 && !map.repaint) {
    w.switchedOn = true;
    map.repaint = true;
  } else if (w.who.size === 0 && w.switchedOn) {
    w.switchedOn = false;
    map.repaint = false;
  }
}
