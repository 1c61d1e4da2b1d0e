/**
 * JSON Schema (draft-07) of data/plan.json; `#/definitions/gazetteer` describes data/gazetteer.json and
 * `#/definitions/observations` the JSON form of indicator observations. Written to data/plan.schema.json by the build.
 */

const str = { type: 'string' } as const;
const nonEmpty = { type: 'string', minLength: 1 } as const;
const int = { type: 'integer' } as const;
const zoneId = { type: 'string', pattern: '^[a-z]+(-[a-z0-9]+)+$' } as const;
const zoneIds = { type: 'array', items: zoneId, uniqueItems: true } as const;
const taskId = { type: 'string', pattern: '^[1-9][0-9]*\\.[1-9][0-9]*\\.[1-9][0-9]*$' } as const;
const year = { type: 'integer', minimum: 1900, maximum: 2100 } as const;

const comparator = { enum: ['>=', '<=', '>', '<', '=', 'stable>=', 'stable<=', 'between'] } as const;

const sourceLine = {
  type: 'object',
  required: ['line', 'text'],
  properties: { line: { type: 'integer', minimum: 1 }, text: nonEmpty },
} as const;

const mention = {
  type: 'object',
  additionalProperties: false,
  required: ['zoneId', 'text', 'start', 'end', 'via'],
  properties: {
    zoneId,
    text: nonEmpty,
    start: { type: 'integer', minimum: 0 },
    end: { type: 'integer', minimum: 1 },
    via: { enum: ['name', 'list', 'nested'] },
  },
} as const;

const task = {
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'kind',
    'chapterNo',
    'sectionNo',
    'paragraphNo',
    'chapter',
    'section',
    'title',
    'text',
    'years',
    'zones',
    'mentions',
    'indicatorIds',
    'line',
  ],
  properties: {
    id: taskId,
    kind: { enum: ['task', 'requirement', 'goal', 'vision'] },
    chapterNo: { type: 'integer', minimum: 1 },
    sectionNo: { type: 'integer', minimum: 1 },
    paragraphNo: { type: 'integer', minimum: 1 },
    chapter: nonEmpty,
    section: nonEmpty,
    title: nonEmpty,
    text: nonEmpty,
    horizonYear: year,
    years: { type: 'array', items: year, uniqueItems: true },
    zones: zoneIds,
    mentions: { type: 'array', items: mention },
    indicatorIds: { type: 'array', items: nonEmpty, uniqueItems: true },
    line: { type: 'integer', minimum: 1 },
  },
} as const;

const target = {
  type: 'object',
  additionalProperties: false,
  required: ['year', 'value', 'comparator', 'phrase', 'start', 'end'],
  properties: {
    year: { oneOf: [year, { type: 'null' }] },
    value: { type: 'number' },
    max: { type: 'number' },
    comparator,
    phrase: nonEmpty,
    start: { type: 'integer', minimum: 0 },
    end: { type: 'integer', minimum: 1 },
  },
} as const;

const indicator = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'en', 'unit', 'direction', 'targets', 'zones', 'taskId', 'rawName'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
    name: nonEmpty,
    en: nonEmpty,
    unit: nonEmpty,
    direction: { enum: ['increase', 'decrease'] },
    targets: { type: 'array', items: target, minItems: 1 },
    zones: { ...zoneIds, minItems: 1 },
    taskId,
    rawName: nonEmpty,
    note: str,
  },
} as const;

const section = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'no', 'numeral', 'title', 'line', 'inline', 'taskIds'],
  properties: {
    id: { type: 'string', pattern: '^[1-9][0-9]*\\.[1-9][0-9]*$' },
    no: { type: 'integer', minimum: 1 },
    numeral: nonEmpty,
    title: nonEmpty,
    line: { type: 'integer', minimum: 1 },
    inline: { type: 'boolean' },
    taskIds: { type: 'array', items: taskId, minItems: 1 },
  },
} as const;

const chapter = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'no', 'numeral', 'title', 'line', 'intro', 'sections'],
  properties: {
    id: { type: 'string', pattern: '^[1-9][0-9]*$' },
    no: { type: 'integer', minimum: 1 },
    numeral: nonEmpty,
    title: nonEmpty,
    line: { type: 'integer', minimum: 1 },
    intro: { oneOf: [{ type: 'null' }, sourceLine] },
    sections: { type: 'array', items: section, minItems: 1 },
  },
} as const;

const gazetteerEntry = {
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'kind',
    'zh',
    'en',
    'aliases',
    'leagues',
    'hasLocation',
    'locationHint',
    'taskIds',
    'mentionCount',
  ],
  properties: {
    id: zoneId,
    kind: {
      enum: [
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
        'group',
        'redline',
        'external',
      ],
    },
    zh: nonEmpty,
    en: nonEmpty,
    aliases: { type: 'array', items: nonEmpty, uniqueItems: true },
    listForms: { type: 'array', items: nonEmpty, uniqueItems: true },
    groupOf: { ...zoneIds, minItems: 2 },
    leagues: zoneIds,
    hasLocation: { type: 'boolean' },
    locationHint: nonEmpty,
    match: { type: 'boolean' },
    note: str,
    taskIds: { type: 'array', items: taskId, uniqueItems: true },
    mentionCount: { type: 'integer', minimum: 0 },
  },
} as const;

const observation = {
  type: 'object',
  additionalProperties: false,
  required: ['indicatorId', 'year', 'value', 'source', 'sample'],
  properties: {
    indicatorId: nonEmpty,
    zoneId,
    year,
    value: { type: 'number' },
    source: nonEmpty,
    note: str,
    sample: { type: 'boolean' },
  },
} as const;

export const PLAN_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://eco-barrier-map.local/plan.schema.json',
  title: '北疆生态屏障一张图 plan data',
  description:
    'data/plan.json, generated from the outline seed by scripts/build-plan.ts. #/definitions/gazetteer describes data/gazetteer.json, #/definitions/observations the JSON form of indicator observations.',
  type: 'object',
  additionalProperties: false,
  required: [
    'schemaVersion',
    'source',
    'title',
    'front',
    'chapters',
    'tasks',
    'indicators',
    'colophon',
    'counts',
  ],
  properties: {
    schemaVersion: { const: 1 },
    source: {
      type: 'object',
      additionalProperties: false,
      required: ['file', 'sha256', 'lines'],
      properties: { file: nonEmpty, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, lines: int },
    },
    title: nonEmpty,
    front: {
      type: 'array',
      items: {
        ...sourceLine,
        properties: {
          ...sourceLine.properties,
          role: {
            enum: ['notice-title', 'doc-number', 'addressee', 'notice-body', 'date', 'editor-note', 'title'],
          },
        },
        required: ['line', 'text', 'role'],
        additionalProperties: false,
      },
    },
    chapters: { type: 'array', items: chapter, minItems: 1 },
    tasks: { type: 'array', items: task, minItems: 1 },
    indicators: { type: 'array', items: indicator },
    colophon: { type: 'array', items: { ...sourceLine, additionalProperties: false } },
    counts: {
      type: 'object',
      additionalProperties: false,
      required: [
        'chapters',
        'sections',
        'tasks',
        'indicators',
        'targets',
        'zonesLinked',
        'taskZoneLinks',
        'mentions',
      ],
      properties: {
        chapters: int,
        sections: int,
        tasks: int,
        indicators: int,
        targets: int,
        zonesLinked: int,
        taskZoneLinks: int,
        mentions: int,
      },
    },
  },
  definitions: {
    gazetteer: {
      type: 'object',
      additionalProperties: false,
      required: ['schemaVersion', 'entries'],
      properties: {
        schemaVersion: { const: 1 },
        entries: { type: 'array', items: gazetteerEntry, minItems: 1 },
      },
    },
    observations: { type: 'array', items: observation },
  },
} as const;
