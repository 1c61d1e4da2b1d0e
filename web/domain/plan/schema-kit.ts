/** Building blocks shared by the plan and gazetteer schemas (schema.ts, gazetteer-schema.ts). */
import { Type } from '@sinclair/typebox';

/** A string enum as JSON Schema `enum` (TypeBox's literal unions would be `anyOf` of `const`s). */
export function StringEnum<const T extends readonly string[]>(values: T, description?: string) {
  return Type.Unsafe<T[number]>({
    type: 'string',
    enum: [...values],
    ...(description ? { description } : {}),
  });
}

export const closed = { additionalProperties: false } as const;
export const NonEmpty = (description?: string) =>
  Type.String({ minLength: 1, ...(description ? { description } : {}) });
export const Line = Type.Integer({ minimum: 1, description: '1-based line in the seed.' });
export const Offset = Type.Integer({ minimum: 0 });
export const OffsetEnd = Type.Integer({ minimum: 1 });
export const Year = Type.Integer({ minimum: 1900, maximum: 2100 });
export const TitleEn = (what: string) =>
  Type.Optional(
    NonEmpty(`${what} in English: an unofficial translation by this project (seeds/plan-titles-en.json).`),
  );

export const ZoneId = Type.String({
  pattern: '^[a-z]+(-[a-z0-9]+)+$',
  description: 'A zone id (docs/zone-ids.md), e.g. league-baotou.',
});
export const ZoneIds = (options: { minItems?: number; description?: string } = {}) =>
  Type.Array(ZoneId, { uniqueItems: true, ...options });
export const TaskId = Type.String({
  pattern: '^[1-9][0-9]*\\.[1-9][0-9]*\\.[1-9][0-9]*$',
  description:
    '<chapter>.<section>.<paragraph>, e.g. 2.3.1. In chapter 九 the section is its own task (9.1.1).',
});
