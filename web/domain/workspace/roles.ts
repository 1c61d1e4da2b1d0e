/**
 * Who may do what in the shared workspace (server/): five roles, each scoped to the region, a league or a banner.
 * One table, read by the server's every route and by its tests.
 */

export const ROLES = ['viewer', 'screener', 'planner', 'owner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  /** list layers and versions, draw tiles, read own checks */
  'read',
  /** screen a project against a shared layer */
  'check',
  /** enter and change observations of the scope */
  'observe',
  /** upload a layer version and publish it */
  'publish',
  /** manage accounts, read and export the audit trail */
  'administer',
] as const;
export type Action = (typeof ACTIONS)[number];

const GRANTS: Record<Role, readonly Action[]> = {
  viewer: ['read'],
  screener: ['read', 'check'],
  planner: ['read', 'check', 'observe'],
  owner: ['read', 'check', 'publish'],
  admin: ['read', 'check', 'observe', 'publish', 'administer'],
};

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  viewer: { zh: '查看', en: 'viewer' },
  screener: { zh: '审查', en: 'screener' },
  planner: { zh: '规划', en: 'planner' },
  owner: { zh: '数据管理', en: 'data owner' },
  admin: { zh: '管理员', en: 'admin' },
};

export const isRole = (s: unknown): s is Role =>
  typeof s === 'string' && (ROLES as readonly string[]).includes(s);

export function allows(role: Role, action: Action): boolean {
  return GRANTS[role].includes(action);
}

/**
 * A scope: 'region' (all of Inner Mongolia), a league's 4-digit code (e.g. 1502 包头市) or a banner's 6-digit code
 * (e.g. 150203). A scope covers itself and every scope whose code starts with it.
 */
export function isScope(s: unknown): s is string {
  return typeof s === 'string' && (s === 'region' || /^15\d{2}(\d{2})?$/.test(s));
}

export function covers(scope: string, target: string): boolean {
  if (scope === 'region') return true;
  if (target === 'region') return false;
  return target.startsWith(scope);
}

/** The audit chain an event of this scope is written to: the region's, or its league's. */
export function chainOf(scope: string): string {
  return scope === 'region' ? 'region' : scope.slice(0, 4);
}
