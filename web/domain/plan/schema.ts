/**
 * The one source of the plan data's shapes: TypeBox schemas from which the TypeScript types (types.ts, `Static<>`)
 * and the JSON Schema files are both made. `npm run build:plan` writes data/plan.schema.json (plan.json, with
 * `#/definitions/gazetteer` and `#/definitions/observations`) and data/gazetteer-seed.schema.json (the hand-kept
 * seeds/gazetteer.json), and validates the seed and its output against them.
 */
import { type TSchema, Type } from '@sinclair/typebox';

import { GazetteerData, GazetteerSource } from './gazetteer-schema.ts';
import {
  closed,
  Line,
  NonEmpty,
  Offset,
  OffsetEnd,
  StringEnum,
  TaskId,
  TitleEn,
  Year,
  ZoneId,
  ZoneIds,
} from './schema-kit.ts';

export * from './gazetteer-schema.ts';
export { ZoneId } from './schema-kit.ts';

// ---- plan.json ----

export const COMPARATORS = ['>=', '<=', '>', '<', '=', 'stable>=', 'stable<=', 'between'] as const;
export const Comparator = StringEnum(
  COMPARATORS,
  'stable>= reads 稳定在/保持在…以上, between a range such as 3—5个.',
);
export const Direction = StringEnum(
  ['increase', 'decrease'],
  'Which way is better: the direction the value has to move to meet the target.',
);

export const Target = Type.Object(
  {
    year: Type.Union([Year, Type.Null()], {
      description: 'Year the target is due; null for a standing target (守住1.7亿亩耕地红线).',
    }),
    value: Type.Number(),
    max: Type.Optional(Type.Number({ description: 'Upper bound, only for comparator between.' })),
    comparator: Comparator,
    phrase: NonEmpty('The phrase the target was read from, e.g. 达到63%及以上.'),
    start: Offset,
    end: OffsetEnd,
  },
  {
    ...closed,
    description: 'A quantitative target; start/end are UTF-16 offsets of phrase in the task text.',
  },
);

export const Indicator = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
    name: NonEmpty('Clean Chinese name, e.g. 草原综合植被盖度.'),
    en: NonEmpty(),
    unit: NonEmpty('Unit as written in the outline (%, 微克/立方米, 亿亩 …).'),
    direction: Direction,
    targets: Type.Array(Target, { minItems: 1 }),
    zones: ZoneIds({
      minItems: 1,
      description: "Zones named with the target, or ['region-inner-mongolia'].",
    }),
    taskId: TaskId,
    rawName: NonEmpty('The subject as the outline words it, e.g. 全区细颗粒物平均浓度.'),
    note: Type.Optional(Type.String()),
  },
  closed,
);

export const Mention = Type.Object(
  {
    zoneId: ZoneId,
    text: NonEmpty('The matched text exactly as in the task text (quotes included).'),
    start: Offset,
    end: OffsetEnd,
    via: StringEnum(
      ['name', 'list', 'nested'],
      'name: a name or alias; list: a short name completed by the head of a list (大青山、贺兰山等国家公园); nested: a league named inside a longer name.',
    ),
    head: Type.Optional(
      Type.Object(
        { text: NonEmpty(), start: Offset, end: OffsetEnd },
        { ...closed, description: 'For a list member: the list head that completes it (等国家公园).' },
      ),
    ),
  },
  { ...closed, description: 'A place named in a task; start/end are UTF-16 offsets, end exclusive.' },
);

export const TaskKind = StringEnum(['task', 'requirement', 'goal', 'vision']);

export const Task = Type.Object(
  {
    id: TaskId,
    kind: TaskKind,
    chapterNo: Type.Integer({ minimum: 1 }),
    sectionNo: Type.Integer({ minimum: 1 }),
    paragraphNo: Type.Integer({ minimum: 1 }),
    chapter: NonEmpty(),
    chapterEn: TitleEn('The chapter title'),
    section: NonEmpty(),
    sectionEn: TitleEn('The section title'),
    title: NonEmpty('The lead sentence without its 。 (for chapter 一, the paragraph label).'),
    titleEn: TitleEn('The title'),
    text: NonEmpty('Full paragraph text (for chapter 九 without the (一) marker).'),
    horizonYear: Type.Optional({
      ...Year,
      description: 'Horizon year of a goal paragraph (近期目标 → 2027).',
    }),
    years: Type.Array(Year, { uniqueItems: true, description: 'Years the text names, ascending.' }),
    zones: ZoneIds({
      description: 'Direct mentions, then members of named groups; ordered by first mention.',
    }),
    mentions: Type.Array(Mention),
    indicatorIds: Type.Array(NonEmpty(), { uniqueItems: true }),
    line: Line,
  },
  closed,
);

export const SourceLine = Type.Object({ line: Line, text: NonEmpty() }, closed);

export const Section = Type.Object(
  {
    id: Type.String({ pattern: '^[1-9][0-9]*\\.[1-9][0-9]*$' }),
    no: Type.Integer({ minimum: 1 }),
    numeral: NonEmpty(),
    title: NonEmpty(),
    titleEn: TitleEn('The title'),
    line: Line,
    inline: Type.Boolean({ description: 'True when the heading line carries the task itself (chapter 九).' }),
    taskIds: Type.Array(TaskId, { minItems: 1 }),
  },
  closed,
);

export const Chapter = Type.Object(
  {
    id: Type.String({ pattern: '^[1-9][0-9]*$' }),
    no: Type.Integer({ minimum: 1 }),
    numeral: NonEmpty(),
    title: NonEmpty(),
    titleEn: TitleEn('The title'),
    line: Line,
    intro: Type.Union([Type.Null(), SourceLine], {
      description: "The chapter's opening paragraph, before its first section.",
    }),
    sections: Type.Array(Section, { minItems: 1 }),
  },
  closed,
);

export const FrontRole = StringEnum([
  'notice-title',
  'doc-number',
  'addressee',
  'notice-body',
  'date',
  'editor-note',
  'title',
]);

const TitleIds = (pattern: string) =>
  Type.Record(Type.String({ pattern }), NonEmpty(), { additionalProperties: false });

/** seeds/plan-titles-en.json: the project's own English titles, id → title; the build checks every id. */
export const TitlesEnSource = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    source: Type.Literal('unofficial', { description: 'Not an official translation: made by this project.' }),
    note: NonEmpty(),
    chapters: TitleIds('^[1-9][0-9]*$'),
    sections: TitleIds('^[1-9][0-9]*\\.[1-9][0-9]*$'),
    tasks: TitleIds('^[1-9][0-9]*\\.[1-9][0-9]*\\.[1-9][0-9]*$'),
  },
  closed,
);

export const TitlesEnInfo = Type.Object(
  {
    source: Type.Literal('unofficial'),
    file: NonEmpty(),
    note: NonEmpty(),
  },
  {
    ...closed,
    description:
      'Where the titleEn, chapterEn and sectionEn fields come from: the project’s own unofficial translation.',
  },
);

export const PlanData = Type.Object(
  {
    schemaVersion: Type.Literal(1),
    source: Type.Object(
      {
        file: NonEmpty(),
        sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the seed file (hex).' }),
        lines: Type.Integer(),
      },
      closed,
    ),
    title: NonEmpty(),
    titlesEn: Type.Optional(TitlesEnInfo),
    front: Type.Array(Type.Object({ ...SourceLine.properties, role: FrontRole }, closed), {
      description: 'Notice lines before the outline itself.',
    }),
    chapters: Type.Array(Chapter, { minItems: 1 }),
    tasks: Type.Array(Task, { minItems: 1 }),
    indicators: Type.Array(Indicator),
    colophon: Type.Array(SourceLine, {
      description: 'Lines after the outline added by the republishing site (转载来源, 声明).',
    }),
    counts: Type.Object(
      {
        chapters: Type.Integer(),
        sections: Type.Integer(),
        tasks: Type.Integer(),
        indicators: Type.Integer(),
        targets: Type.Integer(),
        zonesLinked: Type.Integer(),
        taskZoneLinks: Type.Integer(),
        mentions: Type.Integer(),
      },
      closed,
    ),
  },
  closed,
);

// ---- observations (the JSON form of the CSV an office fills in) ----

export const RELATIONS = ['same', 'partial', 'related', 'context'] as const;
export const Relation = StringEnum(
  RELATIONS,
  "How the value relates to the indicator. same: the plan's own measure for a full year, the only kind a status reads; partial: the plan's measure for part of a year or for one league; related: a neighbouring measure (another statistical basis, another area, an area instead of a rate); context: a baseline figure. Absent = same.",
);

export const Observation = Type.Object(
  {
    indicatorId: NonEmpty(),
    zoneId: Type.Optional({
      ...ZoneId,
      description:
        "Zone the value is for; absent for the indicator's scope. A same row's zone is in the indicator's scope.",
    }),
    year: Year,
    value: Type.Number(),
    unit: Type.Optional(
      NonEmpty(
        "Unit of the value; absent = the indicator's unit. Same and partial rows are in the indicator's unit.",
      ),
    ),
    source: NonEmpty(),
    note: Type.Optional(Type.String()),
    sample: Type.Boolean({
      description: 'True for sample (made-up) values, shown as 示例 and never as statistics.',
    }),
    relation: Type.Optional(Relation),
    period: Type.Optional(
      NonEmpty('When the value is not for a full calendar year (2021-01..07, end of May, reported 2023-06).'),
    ),
    basis: Type.Optional(
      NonEmpty(
        'What the reader must know: lower bound (以上), statistical basis, what a related figure measures.',
      ),
    ),
  },
  closed,
);

// ---- the schema files ----

const schemaFile = (id: string, title: string, description: string, root: TSchema, extra = {}) => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: `https://eco-barrier-map.local/${id}`,
  title,
  description,
  ...root,
  ...extra,
});

/** data/plan.schema.json */
export const PLAN_SCHEMA = schemaFile(
  'plan.schema.json',
  '北疆生态屏障一张图 plan data',
  'data/plan.json, generated from the outline seed by scripts/build-plan.ts. #/definitions/gazetteer describes data/gazetteer.json, #/definitions/observations the JSON form of indicator observations.',
  PlanData,
  { definitions: { gazetteer: GazetteerData, observations: Type.Array(Observation) } },
);

/** data/gazetteer-seed.schema.json */
export const GAZETTEER_SOURCE_SCHEMA = schemaFile(
  'gazetteer-seed.schema.json',
  '北疆生态屏障一张图 gazetteer seed',
  'seeds/gazetteer.json: every place and spatial entity the outline names, kept by hand; scripts/build-plan.ts validates it and adds the tasks that name each entry (data/gazetteer.json).',
  GazetteerSource,
);

/** seeds/plan-titles-en.json (validated by the build; not written out). */
export const TITLES_EN_SOURCE_SCHEMA = schemaFile(
  'plan-titles-en.schema.json',
  '北疆生态屏障一张图 English titles (unofficial)',
  "seeds/plan-titles-en.json: the project's own English titles of the outline's chapters, sections and tasks, id → title.",
  TitlesEnSource,
);
