import type { Lang } from '../../../layers/types.ts';
import type { CoverageWords } from '../../domain/plan/coverage-paint.ts';
import type { ZoneKind } from '../../domain/plan/types.ts';
import { CATALOGUE, type StringKey } from './index.ts';

const KIND_KEY: Record<ZoneKind, StringKey> = {
  region: 'kindRegion',
  league: 'kindLeague',
  county: 'kindCounty',
  desert: 'kindDesert',
  sandland: 'kindSandland',
  lake: 'kindLake',
  river: 'kindRiver',
  reservoir: 'kindReservoir',
  'water-works': 'kindWaterWorks',
  mountain: 'kindMountain',
  plain: 'kindPlain',
  irrigation: 'kindIrrigation',
  'black-soil': 'kindBlackSoil',
  park: 'kindPark',
  'eco-area': 'kindEcoArea',
  battle: 'kindBattle',
  'treatment-area': 'kindTreatmentArea',
  'wind-base': 'kindWindBase',
  industry: 'kindIndustry',
  pilot: 'kindPilot',
  layout: 'kindLayout',
  group: 'kindGroup',
  redline: 'kindRedline',
  external: 'kindExternal',
};

/** A gazetteer kind in words: 沙地 / Sandy land. */
export const zoneKindLabel = (kind: ZoneKind, lang: Lang): string => CATALOGUE[KIND_KEY[kind]][lang];

/** What the coverage map says, from the catalogue (the domain fills the placeholders). */
export const COVERAGE_WORDS: CoverageWords = {
  title: CATALOGUE.coverageTitle,
  one: CATALOGUE.coverageOne,
  range: CATALOGUE.coverageRange,
  hover: CATALOGUE.coverageHover,
  hoverLeague: CATALOGUE.coverageHoverLeague,
  note: CATALOGUE.coverageNote,
};
