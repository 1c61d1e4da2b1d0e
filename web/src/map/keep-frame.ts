import type { Map as MaplibreMap } from 'maplibre-gl';

/**
 * The last frame stays in view when the map's box changes size — the phone layout's sheet opening or rising under
 * it (styles/phone.css), the window resized — until the user moves the map (a gesture, a key, a map button) or the
 * controller moves it another way (`forget`: a jump, a flight, a capture): on each resize the frame is made again,
 * at once, for the new size. maplibre lets a running animation go on to the end it computed for the old box, so a
 * frame made just as a panel opens with it would otherwise end off centre, or out of view.
 */
export class KeepFrame {
  private refit: (() => void) | null = null;

  constructor(map: MaplibreMap) {
    map.on('movestart', (e) => {
      if (e.originalEvent) this.refit = null;
    });
    map.on('resize', () => this.refit?.());
  }

  /** Makes the frame (`move`, animated) now and `refit` (the same frame, not animated) after each resize. */
  frame(move: () => void, refit: () => void): void {
    this.refit = refit;
    move();
  }

  forget(): void {
    this.refit = null;
  }
}
