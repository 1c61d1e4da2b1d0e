import { FARMLAND_TABLE } from './rules-farmland.ts';

/**
 * Screening rules as data: project types, zone types with the regime whose table applies to them, and the
 * red-line verdict table after 自然资发〔2022〕142号《关于加强生态保护红线管理的通知（试行）》 as summarised in
 * shared/docs/red-line-practice.md. The 永久基本农田 table is rules-farmland.ts, the 城镇开发边界 paths
 * rules-town.ts, what each regime is and where it is simplified regimes.ts. Rule texts are summaries, not
 * quotations: check the official text before quoting it in a report.
 */

export type Verdict =
  | 'prohibited'
  | 'needs-justification'
  | 'allowed-limited'
  | 'needs-state-council'
  | 'farming-use'
  | 'no-new-occupation'
  | 'town-inside'
  | 'town-outside-admission';

export const VERDICT_LABELS: Record<Verdict, { zh: string; en: string; severity: number }> = {
  prohibited: { zh: '禁止', en: 'Prohibited', severity: 3 },
  'needs-state-council': {
    zh: '须经国务院批准，并补划（占补平衡）',
    en: 'Needs State Council approval, and replacement farmland (补划, 占补平衡)',
    severity: 2,
  },
  'needs-justification': {
    zh: '须开展不可避让论证',
    en: 'Needs a cannot-avoid justification (不可避让论证)',
    severity: 2,
  },
  'allowed-limited': { zh: '允许（有限人为活动）', en: 'Allowed as a limited human activity', severity: 1 },
  'no-new-occupation': {
    zh: '不得新增占用（限既有合法设施范围内）',
    en: 'No new occupation (only within the existing lawful facility)',
    severity: 1,
  },
  'town-outside-admission': {
    zh: '开发边界外：按“约束指标+分区准入”管理',
    en: 'Outside the boundary: managed by quota and zone admission (约束指标+分区准入)',
    severity: 1,
  },
  'farming-use': {
    zh: '属耕作用途，不构成占用',
    en: 'Farming is the land’s use: not an occupation',
    severity: 0,
  },
  'town-inside': {
    zh: '开发边界内：按“详细规划+规划许可”管理',
    en: 'Inside the boundary: detailed plan and planning permit (详细规划+规划许可)',
    severity: 0,
  },
};

export const PROJECT_TYPES = [
  {
    id: 'linear-infrastructure',
    zh: '线性基础设施（交通、能源输送线路等）',
    en: 'Linear infrastructure (roads, railways, power lines, pipelines)',
  },
  { id: 'communications', zh: '通讯设施', en: 'Communications facilities' },
  { id: 'water-flood-control', zh: '防洪、供水等水利设施', en: 'Water works: flood control, water supply' },
  { id: 'mining', zh: '矿产开发', en: 'Mining (mineral extraction)' },
  { id: 'geological-survey', zh: '地质调查与矿产勘查', en: 'Geological survey and mineral exploration' },
  { id: 'renewable-energy', zh: '风电、光伏等新能源开发', en: 'Wind and solar power development' },
  { id: 'residential-industrial', zh: '居住、工业等开发建设', en: 'Residential or industrial construction' },
  {
    id: 'tourism-facility',
    zh: '旅游设施（低影响参观、科普宣教配套）',
    en: 'Tourism facility (low-impact visiting, education)',
  },
  { id: 'ecological-restoration', zh: '生态修复', en: 'Ecological restoration' },
  {
    id: 'agriculture-grazing-existing',
    zh: '原住居民既有农牧生产（不扩大规模）',
    en: "Residents' existing farming and grazing (no expansion)",
  },
  { id: 'research-monitoring', zh: '科研、调查监测', en: 'Scientific research, survey and monitoring' },
  { id: 'patrol-protection', zh: '管护巡护、执法', en: 'Patrol, protection and law enforcement' },
  { id: 'disaster-prevention', zh: '防灾减灾救灾', en: 'Disaster prevention and relief' },
  { id: 'defence-border', zh: '国防、边境管理设施', en: 'Defence and border-management works' },
  {
    id: 'existing-facility-upkeep',
    zh: '已有合法设施的运行维护',
    en: 'Upkeep of existing lawful facilities',
  },
] as const;

export type ProjectTypeId = (typeof PROJECT_TYPES)[number]['id'];

export const ZONE_TYPES = [
  {
    id: 'redline',
    zh: '生态保护红线（一般）',
    en: 'Ecological protection red line (general)',
    regime: 'redline',
  },
  { id: 'nature-reserve-core', zh: '自然保护区核心保护区', en: 'Nature reserve core zone', regime: 'core' },
  {
    id: 'nature-reserve-general',
    zh: '自然保护区一般控制区',
    en: 'Nature reserve general control zone',
    regime: 'redline',
  },
  {
    id: 'national-park-core',
    zh: '国家公园核心保护区',
    en: 'National park core protection zone',
    regime: 'core',
  },
  {
    id: 'national-park-general',
    zh: '国家公园一般控制区',
    en: 'National park general control zone',
    regime: 'redline',
  },
  {
    id: 'lake-wetland',
    zh: '湖泊湿地（红线内）',
    en: 'Lake / wetland (inside the red line)',
    regime: 'redline',
  },
  {
    id: 'sandland-core',
    zh: '沙地核心区（红线内）',
    en: 'Sandy-land core area (inside the red line)',
    regime: 'redline',
  },
  { id: 'farmland-permanent', zh: '永久基本农田', en: 'Permanent basic farmland', regime: 'farmland' },
  { id: 'urban-boundary', zh: '城镇开发边界', en: 'Town development boundary', regime: 'town' },
] as const;

export type ZoneTypeId = (typeof ZONE_TYPES)[number]['id'];
export type Regime = (typeof ZONE_TYPES)[number]['regime'];

/** The regime whose table applies to a zone type; zone types not in the list are treated as general red line. */
export const regimeOf = (zoneType: string): Regime =>
  ZONE_TYPES.find((z) => z.id === zoneType)?.regime ?? 'redline';

export interface Rule {
  id: string;
  zh: string;
  en: string;
  /** the official texts the summary rests on */
  source: string;
  /** where the table simplifies the rule (a plain statement), if it does */
  simplified?: { zh: string; en: string };
}

const SOURCE = '自然资发〔2022〕142号';

export const RULES = {
  'core-no-human-activity': {
    id: 'core-no-human-activity',
    source: SOURCE,
    zh: '自然保护地核心保护区内原则上禁止人为活动（例外须依有关规定逐项审批）。',
    en: 'Inside the core zone of a nature reserve / national park, human activity is prohibited in principle (narrow exceptions need case-by-case approval).',
  },
  'redline-no-development': {
    id: 'redline-no-development',
    source: SOURCE,
    zh: '生态保护红线内、自然保护地核心保护区外，禁止开发性、生产性建设活动，仅允许对生态功能不造成破坏的有限人为活动。',
    en: 'Inside the red line and outside core zones, development and production construction is prohibited; only limited human activities that do not damage ecological functions are allowed.',
  },
  'redline-cannot-avoid': {
    id: 'redline-cannot-avoid',
    source: SOURCE,
    zh: '必须且无法避让、符合县级以上国土空间规划的线性基础设施、通讯和防洪、供水设施建设可列为有限人为活动；新增建设用地须在用地预审时提交不可避让论证并附省级人民政府意见。',
    en: 'Linear infrastructure, communications, flood-control and water-supply works that must cross and cannot avoid the red line (必须且无法避让) may proceed; new construction land needs a cannot-avoid justification (不可避让论证) and a provincial government opinion in the land pre-review.',
  },
  'redline-limited-research': {
    id: 'redline-limited-research',
    source: SOURCE,
    zh: '管护巡护、执法、科学研究、调查监测、测绘导航、防灾减灾救灾、国防、疫情防控等活动及相关必要设施修筑属有限人为活动。',
    en: 'Patrol, law enforcement, research, survey and monitoring, surveying and navigation, disaster prevention and relief, defence and epidemic control, with their necessary facilities, are limited human activities.',
  },
  'redline-limited-existing-farming': {
    id: 'redline-limited-existing-farming',
    source: SOURCE,
    zh: '原住居民和其他合法权益主体在不扩大现有建设用地、用海用岛、耕地、水产养殖规模和放牧强度的前提下，开展种植、放牧、捕捞、养殖等活动属有限人为活动。',
    en: "Residents' existing farming, grazing and fishing without expanding land, cultivation or grazing intensity is a limited human activity.",
  },
  'redline-limited-tourism': {
    id: 'redline-limited-tourism',
    source: SOURCE,
    zh: '适度的参观旅游、科普宣教及符合相关规划的配套性服务设施和相关的必要公共设施建设及维修属有限人为活动。',
    en: 'Low-impact visiting and education, with plan-conforming service facilities and necessary public facilities, are limited human activities.',
  },
  'redline-limited-restoration': {
    id: 'redline-limited-restoration',
    source: SOURCE,
    zh: '依据县级以上国土空间规划和生态保护修复专项规划开展的生态修复属有限人为活动。',
    en: 'Ecological restoration under approved spatial and restoration plans is a limited human activity.',
  },
  'redline-limited-geology': {
    id: 'redline-limited-geology',
    source: SOURCE,
    zh: '地质调查与矿产资源勘查开采（限于法规列明的情形）属有限人为活动；一般矿产开发属开发性、生产性建设活动。',
    en: 'Geological survey and mineral exploration (as far as the rules list) are limited human activities; ordinary mining is development and production construction.',
  },
  'redline-limited-upkeep': {
    id: 'redline-limited-upkeep',
    source: SOURCE,
    zh: '已有的合法水利、交通运输等设施运行维护改造属有限人为活动。',
    en: 'Upkeep and renovation of existing lawful water, transport and other facilities is a limited human activity.',
  },
  'redline-limited-border': {
    id: 'redline-limited-border',
    source: SOURCE,
    zh: '边境（边防）管理设施建设属有限人为活动。',
    en: 'Border-management works are limited human activities.',
  },
} as const satisfies Record<string, Rule>;

type RuleId = keyof typeof RULES;

/** Verdict per project type under the red-line regime (outside core zones). */
const REDLINE_TABLE: Record<ProjectTypeId, [Verdict, RuleId]> = {
  'linear-infrastructure': ['needs-justification', 'redline-cannot-avoid'],
  communications: ['needs-justification', 'redline-cannot-avoid'],
  'water-flood-control': ['needs-justification', 'redline-cannot-avoid'],
  mining: ['prohibited', 'redline-no-development'],
  'geological-survey': ['allowed-limited', 'redline-limited-geology'],
  'renewable-energy': ['prohibited', 'redline-no-development'],
  'residential-industrial': ['prohibited', 'redline-no-development'],
  'tourism-facility': ['allowed-limited', 'redline-limited-tourism'],
  'ecological-restoration': ['allowed-limited', 'redline-limited-restoration'],
  'agriculture-grazing-existing': ['allowed-limited', 'redline-limited-existing-farming'],
  'research-monitoring': ['allowed-limited', 'redline-limited-research'],
  'patrol-protection': ['allowed-limited', 'redline-limited-research'],
  'disaster-prevention': ['allowed-limited', 'redline-limited-research'],
  'defence-border': ['allowed-limited', 'redline-limited-border'],
  'existing-facility-upkeep': ['allowed-limited', 'redline-limited-upkeep'],
};

export interface ZoneVerdict {
  zoneType: string;
  zoneTypeZh: string;
  zoneTypeEn: string;
  verdict: Verdict;
  verdictZh: string;
  verdictEn: string;
  rule: Rule;
}

export function isProjectType(id: string): id is ProjectTypeId {
  return PROJECT_TYPES.some((p) => p.id === id);
}

/**
 * The verdict of an overlap with a zone type. Zone types not in the table (arbitrary layers) are treated as
 * general red line, and say so. The town development boundary is not an overlap rule (inside or outside decides
 * the approval path): its verdicts are `townVerdicts` (rules-town.ts), per layer.
 */
export function verdictFor(projectType: ProjectTypeId, zoneType: string): ZoneVerdict {
  const zone = ZONE_TYPES.find((z) => z.id === zoneType);
  const regime: Regime = zone?.regime ?? 'redline';
  if (regime === 'town') throw new Error('verdictFor: the town boundary is decided by townVerdicts');
  const [verdict, rule]: [Verdict, Rule] =
    regime === 'core'
      ? ['prohibited', RULES['core-no-human-activity']]
      : regime === 'farmland'
        ? FARMLAND_TABLE[projectType]
        : [REDLINE_TABLE[projectType][0], RULES[REDLINE_TABLE[projectType][1]]];
  const label = VERDICT_LABELS[verdict];
  return {
    zoneType,
    zoneTypeZh: zone?.zh ?? `${zoneType}（按生态保护红线一般规则）`,
    zoneTypeEn: zone?.en ?? `${zoneType} (treated as general red line)`,
    verdict,
    verdictZh: label.zh,
    verdictEn: label.en,
    rule,
  };
}
