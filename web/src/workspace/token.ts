// The workspace token of this tab (sessionStorage: closing the tab signs out). Small on purpose: the map
// controller reads it at start to sign its requests for the workspace's tiles.
const TOKEN_KEY = 'ebm.workspace.token';

export const savedToken = (): string | null => {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
};

export function keepToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage refused (private mode): the token lasts as long as the page
  }
}

/** Tile requests to the workspace on this page's origin carry the token (maplibre `transformRequest`). */
export function withWorkspaceToken(url: string): { url: string; headers?: Record<string, string> } {
  const token = url.startsWith(`${location.origin}/api/`) ? savedToken() : null;
  return token ? { url, headers: { Authorization: `Bearer ${token}` } } : { url };
}
