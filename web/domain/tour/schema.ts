/**
 * A presentation tour as data (docs/tour.md): chapters with a camera, the layers shown, the zones highlighted and
 * the plan tasks and indicators cited. One TypeBox schema checks the built-in tour (seeds/tour-default.json) and
 * any tour file a user imports; validate.ts adds the checks a schema cannot state (ids exist, camera over the region).
 *
 * Only plain TypeBox kinds are used (no `Type.Unsafe`), so `Value.Errors` can walk every part of it.
 */
import { type Static, Type } from '@sinclair/typebox';

import { TaskId as PlanTaskId, ZoneId as PlanZoneId } from '../plan/schema-kit.ts';
import { ID_LENGTH, SLUG_PATTERN } from './ids.ts';

export { SLUG_PATTERN };

/** The tour file format this code reads and writes. */
export const TOUR_FORMAT_VERSION = 1;

/**
 * Limits of the format: a tour is read on a projector (short captions) and may come from a stranger's file
 * (nothing unbounded). Text limits are in UTF-16 code units, as JavaScript counts `length`.
 */
export const TOUR_LIMITS = {
  idLength: ID_LENGTH,
  refLength: 80,
  tourTitle: { zh: 40, en: 120 },
  title: { zh: 30, en: 90 },
  caption: { zh: 200, en: 600 },
  notes: { zh: 2000, en: 6000 },
  englishNote: 400,
  chapters: 100,
  layers: 40,
  zones: 60,
  tasks: 20,
  indicators: 20,
} as const;

/** Hard ranges of a camera anywhere (maplibre's own); validate.ts narrows the centre and zoom to the region. */
export const CAMERA_RANGE = {
  lng: [-180, 180],
  lat: [-85, 85],
  zoom: [0, 22],
  bearing: [-180, 180],
  /** maplibre's default maxPitch, which the app's map keeps */
  pitch: [0, 60],
} as const;

/** A layer id of the registry (layers/registry.ts) or an indicator id of data/plan.json. */
export const REF_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
/** Text that is not only spaces. */
export const NOT_BLANK_PATTERN = '\\S';

const closed = { additionalProperties: false } as const;
const str = (pattern: string, maxLength: number, description: string) =>
  Type.String({ pattern, minLength: 1, maxLength, description });

export const Slug = str(
  SLUG_PATTERN,
  TOUR_LIMITS.idLength,
  'Lower-case words joined by hyphens, e.g. three-north.',
);
export const LayerRef = str(REF_PATTERN, TOUR_LIMITS.refLength, 'A layer id of layers/registry.ts.');
export const ZoneRef = str(
  PlanZoneId.pattern as string,
  TOUR_LIMITS.refLength,
  'A zone id of data/zone-index.json (a zone drawn on the map).',
);
export const TaskRef = str(PlanTaskId.pattern as string, 20, 'A task id of data/plan.json, e.g. 2.3.1.');
export const IndicatorRef = str(REF_PATTERN, TOUR_LIMITS.refLength, 'An indicator id of data/plan.json.');

/** Chinese first: zh is required and not blank; en may be empty (the Chinese is shown instead). */
const Words = (limits: { zh: number; en: number }, description: string, zhRequired = true) =>
  Type.Object(
    {
      zh: zhRequired
        ? Type.String({ minLength: 1, maxLength: limits.zh, pattern: NOT_BLANK_PATTERN })
        : Type.String({ maxLength: limits.zh }),
      en: Type.String({ maxLength: limits.en }),
    },
    { ...closed, description },
  );

export const Camera = Type.Object(
  {
    center: Type.Tuple(
      [
        Type.Number({ minimum: CAMERA_RANGE.lng[0], maximum: CAMERA_RANGE.lng[1], description: 'Longitude' }),
        Type.Number({ minimum: CAMERA_RANGE.lat[0], maximum: CAMERA_RANGE.lat[1], description: 'Latitude' }),
      ],
      { description: '[longitude, latitude], WGS 84 degrees: the point at the centre of the map.' },
    ),
    zoom: Type.Number({ minimum: CAMERA_RANGE.zoom[0], maximum: CAMERA_RANGE.zoom[1] }),
    bearing: Type.Number({ minimum: CAMERA_RANGE.bearing[0], maximum: CAMERA_RANGE.bearing[1] }),
    pitch: Type.Number({ minimum: CAMERA_RANGE.pitch[0], maximum: CAMERA_RANGE.pitch[1] }),
  },
  {
    ...closed,
    description:
      'A maplibre camera without padding: center is the middle of the whole map; the caption panel covers its left edge.',
  },
);

export const Cites = Type.Object(
  {
    tasks: Type.Array(TaskRef, { maxItems: TOUR_LIMITS.tasks, uniqueItems: true }),
    indicators: Type.Array(IndicatorRef, { maxItems: TOUR_LIMITS.indicators, uniqueItems: true }),
  },
  {
    ...closed,
    description: 'The plan tasks the caption presents and the indicators whose targets it shows.',
  },
);

export const TourChapter = Type.Object(
  {
    id: Slug,
    title: Words(TOUR_LIMITS.title, 'Chapter title.'),
    caption: Words(TOUR_LIMITS.caption, 'Shown on screen; plain text, never HTML.'),
    notes: Words(TOUR_LIMITS.notes, 'Speaker notes, shown only in the presenter view.', false),
    camera: Camera,
    layers: Type.Array(LayerRef, {
      maxItems: TOUR_LIMITS.layers,
      uniqueItems: true,
      description:
        'Exactly the layers shown in this chapter (base layers included); every other layer is hidden.',
    }),
    zones: Type.Array(ZoneRef, {
      maxItems: TOUR_LIMITS.zones,
      uniqueItems: true,
      description: 'Zones outlined as highlighted; each is drawn by one of the chapter’s layers.',
    }),
    cites: Cites,
  },
  closed,
);

export const TourEnglish = Type.Object(
  {
    source: Type.Union([Type.Literal('unofficial'), Type.Literal('author')], {
      description:
        "unofficial: the project's unofficial translation of plan text (as seeds/plan-titles-en.json); author: written by the tour's author.",
    }),
    note: Words(
      { zh: TOUR_LIMITS.englishNote, en: TOUR_LIMITS.englishNote },
      'Said once next to English text.',
    ),
  },
  { ...closed, description: 'Where the English text comes from.' },
);

export const Tour = Type.Object(
  {
    id: Slug,
    version: Type.Literal(TOUR_FORMAT_VERSION, { description: 'The tour file format version.' }),
    title: Words(TOUR_LIMITS.tourTitle, 'Tour title.'),
    english: Type.Optional(TourEnglish),
    chapters: Type.Array(TourChapter, { minItems: 1, maxItems: TOUR_LIMITS.chapters }),
  },
  closed,
);

export type TourCamera = Static<typeof Camera>;
export type TourCites = Static<typeof Cites>;
export type TourChapter = Static<typeof TourChapter>;
export type TourEnglish = Static<typeof TourEnglish>;
export type Tour = Static<typeof Tour>;
