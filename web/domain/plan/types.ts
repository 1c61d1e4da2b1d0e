/**
 * Types of the plan data (`data/plan.json`, `data/gazetteer.json`, `seeds/gazetteer.json`, observations), derived
 * from the schemas in schema.ts so the two cannot drift apart. Type-only: no runtime imports.
 */
import type { Static } from '@sinclair/typebox';
import type * as S from './schema.ts';

export type Comparator = Static<typeof S.Comparator>;
export type Direction = Static<typeof S.Direction>;
export type Target = Static<typeof S.Target>;
export type Indicator = Static<typeof S.Indicator>;
export type Mention = Static<typeof S.Mention>;
export type TaskKind = Static<typeof S.TaskKind>;
export type Task = Static<typeof S.Task>;
export type SourceLine = Static<typeof S.SourceLine>;
export type SectionRef = Static<typeof S.Section>;
export type Chapter = Static<typeof S.Chapter>;
export type FrontRole = Static<typeof S.FrontRole>;
export type PlanData = Static<typeof S.PlanData>;
export type TitlesEnSource = Static<typeof S.TitlesEnSource>;

export type ZoneKind = Static<typeof S.ZoneKind>;
export type LonLat = Static<typeof S.LonLat>;
export type Extent = Static<typeof S.Extent>;
export type GazetteerSourceEntry = Static<typeof S.GazetteerSourceEntry>;
export type ListHead = Static<typeof S.ListHead>;
export type NotPlace = Static<typeof S.NotPlace>;
export type GazetteerSource = Static<typeof S.GazetteerSource>;
export type GazetteerEntry = Static<typeof S.GazetteerEntry>;
export type GazetteerData = Static<typeof S.GazetteerData>;

export type Relation = Static<typeof S.Relation>;

/** Where a row the planner imported on this computer came from; set by the app, never read from a file. */
export interface ImportedFrom {
  fileName: string;
  /** ISO 8601 time of the import. */
  importedAt: string;
  /** entered on the shared workspace by this account (fileName then names the workspace), not imported here */
  sharedBy?: string;
}

export type Observation = Static<typeof S.Observation> & { imported?: ImportedFrom };
