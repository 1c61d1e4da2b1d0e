import type { LayerBadge } from '../../../layers/badge.ts';
import type { Lang } from '../../../layers/types.ts';
import { APP } from './app.ts';
import { BRIEF_TEXT } from './brief.ts';
import { COMMAND_TEXT } from './commands.ts';
import { DASHBOARD_TEXT } from './dashboard.ts';
import { FIELD_TEXT } from './field.ts';
import { HONESTY } from './honesty.ts';
import { INDICATOR_TEXT } from './indicators.ts';
import { MY_TOURS_TEXT } from './my-tours.ts';
import { OBSERVATION_TEXT } from './observations.ts';
import { OFFLINE_TEXT } from './offline.ts';
import { PHONE_TEXT } from './phone.ts';
import { PLAN_TEXT } from './plan.ts';
import { PRESENTER_TEXT } from './presenter.ts';
import { REPORT } from './report.ts';
import { SCREENING } from './screening.ts';
import { SEARCH_TEXT } from './search.ts';
import { START_TEXT } from './start.ts';
import { TASK_TEXT } from './tasks.ts';
import { TITLES_EN_TEXT } from './titles-en.ts';
import { TOUR_TEXT } from './tour.ts';
import { TOUR_EXPORT_TEXT } from './tour-export.ts';
import type { Entry } from './types.ts';
import { VIEW_TEXT } from './views.ts';
import { WALK_TEXT } from './walk.ts';
import { WORKSPACE_TEXT } from './workspace.ts';

/**
 * The one string catalogue of the app, the panels and the report, split by area. Keys are unique across areas
 * (a unit test checks it). Importer messages are not here: they are made with their data in
 * web/domain/importers/messages.ts.
 */
export const AREAS = {
  app: APP,
  honesty: HONESTY,
  screening: SCREENING,
  report: REPORT,
  commands: COMMAND_TEXT,
  plan: PLAN_TEXT,
  indicators: INDICATOR_TEXT,
  titlesEn: TITLES_EN_TEXT,
  views: VIEW_TEXT,
  observations: OBSERVATION_TEXT,
  search: SEARCH_TEXT,
  dashboard: DASHBOARD_TEXT,
  tasks: TASK_TEXT,
  brief: BRIEF_TEXT,
  tour: TOUR_TEXT,
  tourExport: TOUR_EXPORT_TEXT,
  presenter: PRESENTER_TEXT,
  myTours: MY_TOURS_TEXT,
  walk: WALK_TEXT,
  field: FIELD_TEXT,
  phone: PHONE_TEXT,
  offline: OFFLINE_TEXT,
  workspace: WORKSPACE_TEXT,
  start: START_TEXT,
} as const;

export const CATALOGUE = {
  ...APP,
  ...HONESTY,
  ...SCREENING,
  ...REPORT,
  ...COMMAND_TEXT,
  ...PLAN_TEXT,
  ...INDICATOR_TEXT,
  ...TITLES_EN_TEXT,
  ...VIEW_TEXT,
  ...OBSERVATION_TEXT,
  ...SEARCH_TEXT,
  ...DASHBOARD_TEXT,
  ...TASK_TEXT,
  ...BRIEF_TEXT,
  ...TOUR_TEXT,
  ...TOUR_EXPORT_TEXT,
  ...PRESENTER_TEXT,
  ...MY_TOURS_TEXT,
  ...WALK_TEXT,
  ...FIELD_TEXT,
  ...PHONE_TEXT,
  ...OFFLINE_TEXT,
  ...WORKSPACE_TEXT,
  ...START_TEXT,
} as const satisfies Record<string, Entry>;

export type StringKey = keyof typeof CATALOGUE;

export function t(key: StringKey, lang: Lang): string {
  return CATALOGUE[key][lang];
}

/** The words of a badge (layers/badge.ts), or null when the layer has none. */
export function badgeLabel(badge: LayerBadge, lang: Lang): string | null {
  if (badge === 'schematic') return t('badgeSchematic', lang);
  if (badge === 'user') return t('badgeUser', lang);
  return null;
}

/** A layer name with its badge, for running text: 生态保护红线（示意） / Ecological red line (schematic). */
export function nameWithBadge(name: string, badge: LayerBadge, lang: Lang): string {
  const label = badgeLabel(badge, lang);
  if (!label) return name;
  return t('nameWithBadge', lang).replace(/\{(name|badge)\}/g, (_m, k: string) =>
    k === 'name' ? name : label,
  );
}
