/** The gazetteer's shapes: seeds/gazetteer.json (hand-kept) and data/gazetteer.json (built). */
import { Type } from '@sinclair/typebox';
import { closed, NonEmpty, StringEnum, TaskId, ZoneId, ZoneIds } from './schema-kit.ts';

export const CRS = 'EPSG:4326';
const Crs = Type.Literal(CRS, {
  description: 'Coordinates are WGS 84 longitude/latitude in decimal degrees (EPSG:4326).',
});
const Lon = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });

export const ZONE_KINDS = [
  'region',
  'league',
  'county',
  'desert',
  'sandland',
  'lake',
  'river',
  'reservoir',
  'water-works',
  'mountain',
  'plain',
  'irrigation',
  'black-soil',
  'park',
  'eco-area',
  'battle',
  'treatment-area',
  'wind-base',
  'industry',
  'pilot',
  'layout',
  'group',
  'redline',
  'external',
] as const;
export const ZoneKind = StringEnum(ZONE_KINDS);

export const LonLat = Type.Object(
  { lon: Lon, lat: Lat },
  {
    ...closed,
    description:
      'A representative point (the centre, seat or dam locationHint names), WGS 84 degrees; approximate public knowledge, not survey data.',
  },
);

export const Extent = Type.Object(
  { west: Lon, south: Lat, east: Lon, north: Lat },
  {
    ...closed,
    description:
      'Approximate bounding box, WGS 84 degrees (west ≤ east, south ≤ north; a line of latitude or longitude when equal); public knowledge, not survey data.',
  },
);

export const GazetteerSourceEntry = Type.Object(
  {
    id: ZoneId,
    kind: ZoneKind,
    zh: NonEmpty(),
    en: NonEmpty(),
    aliases: Type.Array(NonEmpty(), {
      uniqueItems: true,
      description: 'Forms the text uses (full and short names), matched literally, quotes ignored.',
    }),
    listForms: Type.Optional(
      Type.Array(NonEmpty(), {
        uniqueItems: true,
        description:
          'Forms matched only as members of a list with a head noun (海勃湾、尼尔基…等大中型水库).',
      }),
    ),
    groupOf: Type.Optional(ZoneIds({ minItems: 2, description: 'For group entries: member zone ids.' })),
    leagues: ZoneIds({
      description: 'League ids the entity lies in (public knowledge); [] outside the region.',
    }),
    hasLocation: Type.Boolean({
      description: 'False for abstract things with no place to draw (groups, programmes, far-away regions).',
    }),
    location: Type.Optional(LonLat),
    extent: Type.Optional(Extent),
    locationHint: NonEmpty('One line of public knowledge on where it is, for the geometry author.'),
    match: Type.Optional(
      Type.Boolean({ description: 'False: listed but never matched in the text (the region itself).' }),
    ),
    note: Type.Optional(Type.String()),
  },
  closed,
);

export const ListHead = Type.Object(
  { head: NonEmpty(), suffix: NonEmpty() },
  {
    ...closed,
    description:
      'A list head (等大中型水库): a member X before it resolves to the entry whose listForms contain X + suffix (league names lose 市/盟 first).',
  },
);

export const NotPlace = Type.Object(
  { text: NonEmpty(), why: StringEnum(['brand', 'slogan']) },
  {
    ...closed,
    description:
      'A brand or slogan that contains a place name (赤峰小米, 兴安岭上兴安盟): no place inside it is linked.',
  },
);

export const GazetteerSource = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    crs: Crs,
    listHeads: Type.Array(ListHead, { minItems: 1 }),
    notPlaces: Type.Optional(Type.Array(NotPlace)),
    entries: Type.Array(GazetteerSourceEntry, { minItems: 1 }),
  },
  closed,
);

export const GazetteerEntry = Type.Object(
  {
    ...GazetteerSourceEntry.properties,
    taskIds: Type.Array(TaskId, {
      uniqueItems: true,
      description: 'Tasks that link to this zone (directly or through a group), in document order.',
    }),
    mentionCount: Type.Integer({ minimum: 0, description: 'Number of direct mentions in task texts.' }),
  },
  closed,
);

export const GazetteerData = Type.Object(
  {
    schemaVersion: Type.Literal(1),
    crs: Crs,
    entries: Type.Array(GazetteerEntry, { minItems: 1 }),
  },
  closed,
);
