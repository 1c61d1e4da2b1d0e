import type {
  ServerCheck,
  SharedLayer,
  SharedObservation,
  WorkspaceAccount,
} from '../../domain/workspace/api-types.ts';
import type { Words } from '../strings/indicator-labels.ts';

/**
 * The shared workspace as the page knows it (web/src/workspace/, server/): whether this page is served by a
 * workspace server at all, who is signed in, the shared layers, and the last check run on the server. Plain state
 * and setters; the requests are in workspace-actions.ts.
 */
export interface WorkspaceState {
  /** unknown: not asked yet; absent: no workspace server here (`npm start`), the section stays hidden */
  status: 'unknown' | 'absent' | 'signed-out' | 'signing-in' | 'signed-in';
  account: WorkspaceAccount | null;
  layers: SharedLayer[];
  /** why the last sign-in or listing failed: a catalogue key */
  error: string | null;
  /**
   * the shared layer version drawn on the map from the server's tiles, with its attribution (catalogue text and
   * the version number, made when it is chosen: the map's start-up code does not load the string catalogue)
   */
  shown: { layerId: string; version: number; attribution: Words } | null;
  /** the observations league offices entered on the server (withdrawn ones left out) */
  observations: SharedObservation[];
  check: {
    status: 'idle' | 'running' | 'done' | 'error';
    result: ServerCheck | null;
    /** a catalogue key, or the server's error code */
    error: string | null;
    /** the server's messages for a refused project (zh / en) */
    messages: { zh: string; en: string }[];
    /** the draft the result belongs to */
    draftKey: string | null;
  };
}

export interface WorkspaceSlice {
  workspace: WorkspaceState;
  setWorkspace(patch: Partial<WorkspaceState>): void;
  setWorkspaceCheck(patch: Partial<WorkspaceState['check']>): void;
}

export const initialWorkspace = (): WorkspaceState => ({
  status: 'unknown',
  account: null,
  layers: [],
  error: null,
  shown: null,
  observations: [],
  check: { status: 'idle', result: null, error: null, messages: [], draftKey: null },
});

type Set = (f: (s: WorkspaceSlice) => Partial<WorkspaceSlice>) => void;

export const workspaceSlice = (set: Set): WorkspaceSlice => ({
  workspace: initialWorkspace(),
  setWorkspace: (patch) => set((s) => ({ workspace: { ...s.workspace, ...patch } })),
  setWorkspaceCheck: (patch) =>
    set((s) => ({ workspace: { ...s.workspace, check: { ...s.workspace.check, ...patch } } })),
});
