/**
 * "Check a site here": a circle of the radius the user chose around the fix becomes the draft's boundary, the way a
 * drawn or imported boundary does (the drawing cleared, the draft set, the boundary framed), and the screening panel
 * opens on it. The boundary's feature keeps the fix and its accuracy; the project type is left for the user.
 */
import { geodesicCircle } from '../../domain/field/accuracy-circle.ts';
import type { Fix } from '../../domain/field/fix.ts';
import { beijingTime } from '../../domain/report/time.ts';
import { runCommand } from '../commands/registry.ts';
import { mapPort } from '../map/map-port.ts';
import { collection, emptyDraft, frameBoundary, setDraft } from '../screening/draft.ts';
import { useAppStore } from '../store/store.ts';
import { fill } from '../strings/indicator-labels.ts';

/** The radii offered (metres): none is chosen for the user. */
export const SITE_RADII_M = [50, 100, 200, 500] as const;

/** The project's name: when the fix was taken and the radius. */
export const siteName = (fix: Fix, radiusM: number, lang: 'zh' | 'en'): string =>
  fill('posSiteName', lang, {
    time: beijingTime(fix.t, lang).replace(/ (北京时间|Beijing time).*$/, ''),
    r: radiusM,
  });

export function checkSiteHere(radiusM: number): boolean {
  const s = useAppStore.getState();
  const fix = s.field.position;
  if (!fix) return false;
  const name = siteName(fix, radiusM, s.lang);
  const feature = {
    type: 'Feature' as const,
    geometry: geodesicCircle(fix.lon, fix.lat, radiusM),
    properties: {
      siteRadiusM: radiusM,
      fix: { lon: fix.lon, lat: fix.lat, accuracyM: fix.accuracyM, at: new Date(fix.t).toISOString() },
    },
  };
  mapPort.clearDrawing();
  // a new project: no type chosen (a check then gives figures and no verdict until the user chooses one)
  setDraft({
    ...emptyDraft(),
    name,
    source: 'wgs84',
    boundary: collection([feature]),
    importedFrom: { fileName: name, format: 'position', crs: 'WGS84 / CGCS2000' },
  });
  frameBoundary([feature]);
  if (!useAppStore.getState().screeningOpen) runCommand('screening.toggle');
  return true;
}
