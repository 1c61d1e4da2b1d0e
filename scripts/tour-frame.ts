/**
 * Cameras for seeds/tour-default.json: for each chapter, the box of its zones (data/zone-index.json), whether the
 * chapter's camera shows that box beside the caption panel on each projector screen, and the camera that frames it
 * on the smaller screen (1280×720, which also fits 1920×1080).
 *
 *   npx tsx scripts/tour-frame.ts            report
 *   npx tsx scripts/tour-frame.ts --write    put the suggested cameras into the seed (bearing and pitch 0)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Tour } from '../web/domain/tour/schema.ts';
import { type Bbox, fits, frame, PROJECTOR_SCREENS, unionBbox } from '../web/domain/tour/viewport.ts';

const ROOT = join(import.meta.dirname, '..');
const SEED = join(ROOT, 'seeds/tour-default.json');
const zoneIndex = JSON.parse(readFileSync(join(ROOT, 'data/zone-index.json'), 'utf8')) as Record<
  string,
  { layerId: string; bbox: Bbox }
>;
const tour = JSON.parse(readFileSync(SEED, 'utf8')) as Tour;
const write = process.argv.includes('--write');
const smallest = PROJECTOR_SCREENS.reduce((a, b) => (a.width * a.height <= b.width * b.height ? a : b));

let bad = 0;
for (const chapter of tour.chapters) {
  const box = unionBbox(chapter.zones.flatMap((z) => (zoneIndex[z] ? [zoneIndex[z].bbox] : [])));
  if (!box) {
    console.log(`${chapter.id}: no zone in the zone index`);
    continue;
  }
  const ok = PROJECTOR_SCREENS.map(
    (s) => `${s.width}×${s.height} ${fits(box, chapter.camera, s) ? 'fits' : 'NO'}`,
  );
  const suggested = frame(box, smallest);
  if (ok.some((s) => s.endsWith('NO'))) bad += 1;
  console.log(`${chapter.id}: ${ok.join(', ')}; suggested ${JSON.stringify(suggested)}`);
  if (write) chapter.camera = suggested;
}
if (write) {
  writeFileSync(SEED, `${JSON.stringify(tour, null, 2)}\n`);
  console.log(`wrote ${SEED}`);
} else if (bad > 0) {
  process.exitCode = 1;
}
