import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { checkWalkRecord, type WalkRecord } from '../field/walk-record.ts';
import type { CoordinateSource, ImportFormat } from '../importers/types.ts';
import { PROJECT_TYPES, type ProjectTypeId } from '../screening/rules.ts';

/**
 * Declared project types: the screening rules' list (web/domain/screening/rules.ts) is the one list, so that
 * screening can say, per zone type, whether the project is prohibited, needs a 不可避让论证, or is an allowed
 * limited activity (自然资发〔2022〕142号).
 */
export { PROJECT_TYPES, type ProjectTypeId } from '../screening/rules.ts';

export const isProjectType = (v: unknown): v is ProjectTypeId =>
  typeof v === 'string' && PROJECT_TYPES.some((t) => t.id === v);

export type BoundaryCollection = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;

export interface Project {
  id: string;
  name: string;
  type: ProjectTypeId;
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
  /** WGS84 / CGCS2000 lon/lat boundary. */
  boundary: BoundaryCollection;
  /** The boundary as read, before a GCJ-02 / BD-09 conversion, when one was applied. */
  originalBoundary?: BoundaryCollection;
  /** Where the user said the coordinates came from. */
  source: CoordinateSource;
  importedFrom?: { fileName: string; format: ImportFormat | 'drawn' | 'walked' | 'position'; crs: string };
  notes?: string;
  /** A boundary walked in the field: the raw track and the figures of the polygon (projects before walks have none). */
  walk?: WalkRecord;
}

export interface ProjectSummary {
  id: string;
  name: string;
  type: ProjectTypeId;
  createdAt: string;
  updatedAt: string;
  featureCount: number;
}

export const MAX_PROJECT_NAME = 200;

/** Trim and validate a project name; returns undefined if empty. */
export function cleanName(name: string): string | undefined {
  // Control characters (newlines, tabs, NUL…) become spaces.
  const s = [...name]
    .map((c) => ((c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f' ? ' ' : c))
    .join('')
    .replace(/ +/g, ' ')
    .trim();
  if (!s) return undefined;
  return s.slice(0, MAX_PROJECT_NAME);
}

export function newId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c?.randomUUID) return c.randomUUID();
  return `p-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export interface NewProject {
  name: string;
  type: ProjectTypeId;
  features: Feature<Polygon | MultiPolygon, Record<string, unknown>>[];
  original?: Feature<Polygon | MultiPolygon, Record<string, unknown>>[];
  source: CoordinateSource;
  importedFrom?: Project['importedFrom'];
  notes?: string;
  walk?: WalkRecord;
}

export function createProject(input: NewProject, now: Date = new Date(), id: string = newId()): Project {
  const name = cleanName(input.name);
  if (!name) throw new Error('project name is empty');
  if (!isProjectType(input.type)) throw new Error(`unknown project type ${String(input.type)}`);
  const t = now.toISOString();
  const p: Project = {
    id,
    name,
    type: input.type,
    createdAt: t,
    updatedAt: t,
    boundary: { type: 'FeatureCollection', features: input.features },
    source: input.source,
  };
  if (input.original) p.originalBoundary = { type: 'FeatureCollection', features: input.original };
  if (input.importedFrom) p.importedFrom = input.importedFrom;
  if (input.notes) p.notes = input.notes;
  if (input.walk) p.walk = input.walk;
  return p;
}

export function renamed(p: Project, name: string, now: Date = new Date()): Project {
  const n = cleanName(name);
  if (!n) throw new Error('project name is empty');
  return { ...p, name: n, updatedAt: now.toISOString() };
}

export function summarize(p: Project): ProjectSummary {
  return {
    id: p.id,
    name: p.name,
    type: p.type,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    featureCount: p.boundary.features.length,
  };
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function validPositionList(v: unknown, depth: number): boolean {
  if (!Array.isArray(v)) return false;
  if (depth === 0) return v.length >= 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n));
  return v.every((x) => validPositionList(x, depth - 1));
}

/** Structural check of a stored/imported boundary collection. Returns a reason or undefined. */
export function checkBoundaryCollection(v: unknown): string | undefined {
  if (!isObj(v) || v.type !== 'FeatureCollection' || !Array.isArray(v.features))
    return 'not a FeatureCollection';
  for (let i = 0; i < v.features.length; i++) {
    const f = v.features[i];
    if (!isObj(f) || f.type !== 'Feature' || !isObj(f.geometry))
      return `feature ${i + 1} is not a Feature with a geometry`;
    if (f.properties !== null && f.properties !== undefined && !isObj(f.properties))
      return `feature ${i + 1} has invalid properties`;
    const g = f.geometry;
    if (g.type === 'Polygon' && validPositionList(g.coordinates, 2)) continue;
    if (g.type === 'MultiPolygon' && validPositionList(g.coordinates, 3)) continue;
    return `feature ${i + 1} is not a valid Polygon or MultiPolygon`;
  }
  return undefined;
}

const isIsoDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** Validate an unknown value as a Project. Returns the reasons it is not one (empty when valid). */
export function checkProject(v: unknown): string[] {
  const errs: string[] = [];
  if (!isObj(v)) return ['not an object'];
  if (typeof v.id !== 'string' || !v.id) errs.push('missing id');
  if (typeof v.name !== 'string' || !cleanName(v.name)) errs.push('missing name');
  if (!isProjectType(v.type)) errs.push(`unknown type ${JSON.stringify(v.type)?.slice(0, 40)}`);
  if (!isIsoDate(v.createdAt) || !isIsoDate(v.updatedAt)) errs.push('invalid dates');
  if (v.source !== 'wgs84' && v.source !== 'gcj02' && v.source !== 'bd09') errs.push('invalid source');
  const b = checkBoundaryCollection(v.boundary);
  if (b) errs.push(`boundary: ${b}`);
  if (v.originalBoundary !== undefined) {
    const o = checkBoundaryCollection(v.originalBoundary);
    if (o) errs.push(`originalBoundary: ${o}`);
  }
  if (v.notes !== undefined && typeof v.notes !== 'string') errs.push('notes must be text');
  if (v.walk !== undefined) {
    const w = checkWalkRecord(v.walk);
    if (w) errs.push(`walk: ${w}`);
  }
  return errs;
}
