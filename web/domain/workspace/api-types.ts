/** What the workspace server (server/) answers, as the browser reads it: one definition for both sides. */
import type { Observation } from '../plan/types.ts';
import type { Role } from './roles.ts';

export interface WorkspaceAccount {
  id: string;
  name: string;
  role: Role;
  scope: string;
}

export interface SharedLayerVersion {
  version: number;
  author: string;
  createdAt: string;
  fileName: string;
  fileSha256: string;
  featureCount: number;
  vertexCount: number;
}

export interface SharedLayer {
  id: string;
  name: { zh: string; en: string };
  published: number | null;
  publishedAt: string | null;
  publishedBy: string | null;
  versions: SharedLayerVersion[];
}

export interface ServerOverlap {
  featureId: string;
  name: string | null;
  zoneType: string | null;
  areaM2: number;
  share: number;
  /** the rule table's verdict for the declared project type (absent without one, or for the town boundary) */
  verdict?: string;
}

export interface ServerCheck {
  id: number;
  /** ISO 8601 UTC */
  at: string;
  layerId: string;
  version: number;
  projectAreaM2: number;
  overlapM2: number;
  overlaps: ServerOverlap[];
  engine: { server: string; postgis: string; method: string };
  reportSha256: string;
}

/** An error answer: its code, and the messages that explain it when there are any. */
export interface ServerError {
  error: string;
  errors?: { code?: string; zh: string; en: string }[];
  issues?: { line: number; code: string; zh: string; en: string }[];
}

/** An observation kept by the workspace: whose scope it is, who entered it and when. */
export interface SharedObservation {
  id: number;
  scope: string;
  enteredBy: string;
  /** ISO 8601 UTC */
  at: string;
  observation: Observation;
}
