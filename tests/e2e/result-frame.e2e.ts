import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver, acrossFirstRedLineZone } from './app-driver.ts';

/**
 * A check's result table is painted in a frame the map does not draw in, and the map draws nothing from the click
 * until then (web/src/map/frame-yield.ts): with the map drawing every frame (as it does while tiles arrive after a
 * reload, or while it moves), the table would otherwise wait for a frame of the map, 150–600 ms in software WebGL.
 * Each WebGL draw call is tagged with the animation frame it was made in.
 */

/** Tags each WebGL draw call with the timestamp of the animation frame it is made in. */
function installFrameProbe(): void {
  const w = window as unknown as { __frameTs: number; __draws: number[] };
  w.__frameTs = -1;
  w.__draws = [];
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) =>
    raf((ts) => {
      w.__frameTs = ts;
      cb(ts);
    });
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    for (const name of ['drawElements', 'drawArrays'] as const) {
      const draw = proto[name] as (...a: unknown[]) => void;
      (proto as unknown as Record<string, unknown>)[name] = function (this: unknown, ...a: unknown[]) {
        w.__draws.push(w.__frameTs);
        return draw.apply(this, a);
      };
    }
  }
}

/**
 * Holds each answer of the screening worker for `window.__screeningDelayMs` (0 unless set): the built-in red line
 * answers within a frame here, where the large layers a user loads take 150–300 ms.
 */
function installSlowScreening(): void {
  const Plain = window.Worker;
  const plain = Object.getOwnPropertyDescriptor(Plain.prototype, 'onmessage');
  const w = window as unknown as { __screeningDelayMs?: number };
  class Slowed extends Plain {
    private readonly slowed: boolean;
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.slowed = /screening\.worker/.test(String(url));
    }
    override set onmessage(f: ((e: MessageEvent) => void) | null) {
      const slowed = this.slowed;
      plain?.set?.call(
        this,
        f && slowed ? (e: MessageEvent) => setTimeout(() => f.call(this, e), w.__screeningDelayMs ?? 0) : f,
      );
    }
    override get onmessage(): ((e: MessageEvent) => void) | null {
      return plain?.get?.call(this) ?? null;
    }
  }
  window.Worker = Slowed;
}

let app: AppDriver;
const panel = () => app.page.locator('.screening-panel');

beforeAll(async () => {
  app = await AppDriver.start();
  await app.page.context().addInitScript(installFrameProbe);
  await app.page.context().addInitScript(installSlowScreening);
  await app.open();
});

afterAll(async () => {
  await app?.stopExpectingNoErrors();
});

describe('the result table and the map', () => {
  it('the map draws nothing from the click until the result’s frame is painted, and draws again after it', async () => {
    await app.openScreening();
    await app.chooseProjectFile(acrossFirstRedLineZone(), 'across-the-red-line.geojson');
    await app.idle();
    await panel().getByLabel('项目类型').selectOption('linear-infrastructure');

    const quick: number[] = [];
    for (const round of [1, 2]) {
      const seen = await app.page.evaluate(
        () =>
          new Promise<{ clickFrame: number; resultFrame: number; ms: number; draws: number[] }>(
            (resolve, reject) => {
              const map = window.__map;
              if (!map) return reject(new Error('map not exposed'));
              // the map draws every frame, as while tiles arrive or it moves; the check takes 150 ms or more
              map.repaint = true;
              (window as unknown as { __screeningDelayMs: number }).__screeningDelayMs = 150;
              const w = window as unknown as { __draws: number[] };
              w.__draws = [];
              const old = document.querySelector('.screening-results');
              const button = [...document.querySelectorAll('.screening-panel button')].find(
                (b) => b.textContent?.trim() === '开始审查',
              ) as HTMLButtonElement | undefined;
              if (!button) return reject(new Error('no check button'));
              let clickFrame = -1;
              let clickAt = 0;
              const obs = new MutationObserver(() => {
                const res = document.querySelector('.screening-results');
                if (!res || res === old) return;
                obs.disconnect();
                const ms = performance.now() - clickAt;
                // the frame that paints the table, then two more
                requestAnimationFrame((resultFrame) =>
                  requestAnimationFrame(() =>
                    requestAnimationFrame(() =>
                      setTimeout(() => {
                        map.repaint = false;
                        resolve({ clickFrame, resultFrame, ms, draws: [...w.__draws] });
                      }, 0),
                    ),
                  ),
                );
              });
              obs.observe(document.body, { childList: true, subtree: true });
              // clicked once the map has drawn a frame (a repeated check can answer within one)
              requestAnimationFrame(() =>
                requestAnimationFrame((ts) => {
                  clickFrame = ts;
                  clickAt = performance.now();
                  button.click();
                }),
              );
            },
          ),
      );
      const before = seen.draws.filter((ts) => ts >= 0 && ts <= seen.clickFrame);
      const held = seen.draws.filter((ts) => ts > seen.clickFrame && ts <= seen.resultFrame);
      const after = seen.draws.filter((ts) => ts > seen.resultFrame);
      // the map was drawing before the click, drew nothing in the table's frame, and drew after it
      expect(before.length, `round ${round}: map draws before the click`).toBeGreaterThan(0);
      expect(
        seen.draws.filter((ts) => ts === seen.resultFrame),
        `round ${round}: map draws in the result's frame`,
      ).toEqual([]);
      // a check answered within the hold (600 ms, map-controller.ts) left the map undrawn from the click on
      if (seen.ms < 500) {
        quick.push(round);
        expect(held, `round ${round}: map draws between the click and the result (${seen.ms} ms)`).toEqual(
          [],
        );
      }
      expect(after.length, `round ${round}: map draws after the result's frame`).toBeGreaterThan(0);
      await app.idle();
    }
    // the repeated check answers well within the hold
    expect(quick).toContain(2);
    // the overlap reached the map after the table
    expect((await app.sourceData('overlay-screening-overlap'))?.features.length).toBeGreaterThan(0);
  });
});
