import type { TourCamera } from '../../domain/tour/schema.ts';
import { PROJECTOR_SCREENS, reframe, type Screen } from '../../domain/tour/viewport.ts';

/** The projector screen the cameras are framed for: the smaller one (1280×720, docs/tour.md). */
const FRAMED_FOR = PROJECTOR_SCREENS.reduce((a, b) => (a.width * a.height <= b.width * b.height ? a : b));

/** The free part of the map the last camera was framed for ('beside' while the caption is at the left). */
let framedFor = '';

/** Where the caption lies along the map's foot (a phone or a narrow window), the map's box with it; else null. */
function footScreen(): Screen | null {
  if (typeof document === 'undefined') return null;
  const map = document.querySelector('.map')?.getBoundingClientRect();
  const stage = document.querySelector('.tour-stage')?.getBoundingClientRect();
  if (!map || !stage || map.width === 0 || stage.width < map.width - 1) return null;
  // the scale and the sources line sit on the caption (styles/tour.css)
  const foot = document.querySelector('.maplibregl-ctrl-bottom-right')?.getBoundingClientRect().height ?? 0;
  return {
    width: Math.round(map.width),
    height: Math.round(map.height),
    coverLeft: 0,
    coverBottom: Math.round(Math.max(0, Math.min(map.height - 100, map.bottom - stage.top + foot))),
    margin: 12,
  };
}

const keyOf = (s: Screen | null) => (s ? `${s.width}×${s.height}−${s.coverBottom}` : 'beside');

/**
 * A chapter's camera for this window. Where the caption panel covers the map's left edge it is the camera as
 * framed; where the caption lies along the map's foot (styles/tour.css: a phone or a narrow window), what the camera
 * frames beside the projector's panel is moved into the part of the map above the caption.
 */
export function stageCamera(camera: TourCamera): TourCamera {
  const screen = footScreen();
  framedFor = keyOf(screen);
  return screen ? reframe(camera, FRAMED_FOR, screen) : camera;
}

/** Whether the stage's shape differs from the one the last camera was framed for (it appeared, or the phone turned). */
export function stageChanged(): boolean {
  return keyOf(footScreen()) !== framedFor;
}
