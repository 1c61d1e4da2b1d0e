import type { ProjectTypeId, Rule, Verdict } from './rules.ts';

/**
 * 永久基本农田 (permanent basic farmland) as data: what an overlap means per declared project type. After
 * 《中华人民共和国土地管理法》（2019修正）第三十五条 (no unauthorised occupation; national key energy, transport,
 * water and military projects that truly cannot avoid it need State Council approval of the conversion or
 * expropriation), 第三十七条 (no orchards, forest or fish ponds on it), 自然资规〔2019〕1号《关于加强和改进永久基本
 * 农田保护工作的通知》 (a major project that occupies it must replace it: 补划, quantity not reduced, quality not
 * lowered) and 自然资办发〔2023〕12号《关于支持光伏发电产业发展规范用地管理有关工作的通知》 (solar arrays may not
 * occupy it). Texts are summaries, not quotations.
 */

const LAW35 = '《土地管理法》（2019修正）第三十五条';
const NOTICE_2019_1 = '自然资规〔2019〕1号《关于加强和改进永久基本农田保护工作的通知》';

export const FARMLAND_RULES = {
  'farmland-no-occupation': {
    id: 'farmland-no-occupation',
    source: `${LAW35}；${NOTICE_2019_1}`,
    zh: '永久基本农田经依法划定后，任何单位和个人不得擅自占用或者改变其用途；一般建设项目不得占用。',
    en: 'Once designated, permanent basic farmland may not be occupied or put to another use without authorisation; ordinary construction projects may not occupy it.',
    simplified: {
      zh: '本表只把线性基础设施（交通、能源）、水利设施、国防边境设施映射为可申请国务院批准的重点建设项目；通讯、防灾、科研监测、旅游、地质勘查等设施一律按“不得占用”处理，临时用地的规定未纳入。',
      en: 'The table maps only linear infrastructure (transport, energy), water works and defence/border works to the key projects that may apply for State Council approval; communications, disaster, research, tourism and survey facilities are all treated as "may not occupy", and the rules on temporary land use are not modelled.',
    },
  },
  'farmland-major-project': {
    id: 'farmland-major-project',
    source: `${LAW35}；${NOTICE_2019_1}`,
    zh: '国家能源、交通、水利、军事设施等重点建设项目选址确实难以避让永久基本农田，涉及农用地转用或者土地征收的，必须经国务院批准；占用的须按“数量不减、质量不降”补划（占补平衡）。',
    en: 'National key energy, transport, water and military projects whose site truly cannot avoid permanent basic farmland need State Council approval of the conversion or expropriation, and must replace what they occupy (补划: quantity not reduced, quality not lowered; 占补平衡).',
    simplified: {
      zh: '是否属于国家重点建设项目、是否确实难以避让，须由审批机关认定；本表按项目类型假定其可以申请。',
      en: 'Whether a project is a national key project and truly cannot avoid the farmland is for the approving authority to decide; the table assumes from the project type that it may apply.',
    },
  },
  'farmland-solar-wind': {
    id: 'farmland-solar-wind',
    source: `自然资办发〔2023〕12号《关于支持光伏发电产业发展规范用地管理有关工作的通知》；${LAW35}`,
    zh: '光伏方阵用地不得占用永久基本农田；风电等新能源项目按一般建设项目不得占用。',
    en: 'Solar arrays may not occupy permanent basic farmland; wind and other new-energy projects, as ordinary construction, may not either.',
    simplified: {
      zh: '风电场按与光伏方阵相同的规则处理（12号文只针对光伏）。',
      en: 'Wind farms are treated like solar arrays (notice No. 12 is about solar).',
    },
  },
  'farmland-no-forest-pond': {
    id: 'farmland-no-forest-pond',
    source: '《土地管理法》（2019修正）第三十五条、第三十七条',
    zh: '禁止占用永久基本农田发展林果业和挖塘养鱼；生态修复不得改变永久基本农田的用途。',
    en: 'Permanent basic farmland may not be turned into orchards, forest or fish ponds; ecological restoration may not change its use.',
    simplified: {
      zh: '本表假定修复工程改变土地用途；保持耕作的土壤改良等不属占用，未单列。',
      en: 'The table assumes restoration works change the land use; soil improvement that keeps the land farmed is not an occupation and is not listed separately.',
    },
  },
  'farmland-farming': {
    id: 'farmland-farming',
    source: `${LAW35}；${NOTICE_2019_1}`,
    zh: '永久基本农田重点用于粮食生产；不扩大规模的既有耕种属其用途，不构成占用。',
    en: 'Permanent basic farmland serves mainly grain production; existing farming without expansion is its use, not an occupation.',
  },
  'farmland-upkeep': {
    id: 'farmland-upkeep',
    source: LAW35,
    zh: '已有合法设施的运行维护不得新增占用永久基本农田；新增占地按一般建设项目处理。',
    en: 'Upkeep of existing lawful facilities may not occupy further permanent basic farmland; new land taken counts as ordinary construction.',
  },
} as const satisfies Record<string, Rule>;

const R = FARMLAND_RULES;

/** Verdict per project type for an overlap with permanent basic farmland. */
export const FARMLAND_TABLE: Record<ProjectTypeId, [Verdict, Rule]> = {
  'linear-infrastructure': ['needs-state-council', R['farmland-major-project']],
  'water-flood-control': ['needs-state-council', R['farmland-major-project']],
  'defence-border': ['needs-state-council', R['farmland-major-project']],
  communications: ['prohibited', R['farmland-no-occupation']],
  mining: ['prohibited', R['farmland-no-occupation']],
  'geological-survey': ['prohibited', R['farmland-no-occupation']],
  'renewable-energy': ['prohibited', R['farmland-solar-wind']],
  'residential-industrial': ['prohibited', R['farmland-no-occupation']],
  'tourism-facility': ['prohibited', R['farmland-no-occupation']],
  'ecological-restoration': ['prohibited', R['farmland-no-forest-pond']],
  'agriculture-grazing-existing': ['farming-use', R['farmland-farming']],
  'research-monitoring': ['prohibited', R['farmland-no-occupation']],
  'patrol-protection': ['prohibited', R['farmland-no-occupation']],
  'disaster-prevention': ['prohibited', R['farmland-no-occupation']],
  'existing-facility-upkeep': ['no-new-occupation', R['farmland-upkeep']],
};
