/**
 * How the page knows a workspace server serves it, without asking (a request to /api/ where there is no server
 * would log an error in every plain `npm start` page): the server marks the app's HTML with this meta element.
 */
export const WORKSPACE_META = 'ebm-workspace';

export function markWorkspacePage(html: string): string {
  return html.replace(/<head([^>]*)>/i, `<head$1><meta name="${WORKSPACE_META}" content="api" />`);
}
