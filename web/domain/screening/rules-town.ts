import { PROJECT_TYPES, type ProjectTypeId, type Rule, type Verdict } from './rules.ts';

/**
 * 城镇开发边界 (town development boundary) as data: whether the project lies inside, partly inside or outside the
 * boundary decides its approval path; it is not an overlap to avoid. After 中发〔2019〕18号《关于建立国土空间规划
 * 体系并监督实施的若干意见》 (inside: 详细规划+规划许可; outside: by dominant-use zones, 详细规划+规划许可 and
 * 约束指标+分区准入), 中办发〔2019〕48号《关于在国土空间规划中统筹划定落实三条控制线的指导意见》 (no concentrated
 * urban construction outside) and 自然资发〔2023〕193号《关于做好城镇开发边界管理的通知（试行）》. Summaries, not
 * quotations.
 */

const OPINIONS_18 = '中发〔2019〕18号《关于建立国土空间规划体系并监督实施的若干意见》';
const GUIDANCE_48 = '中办发〔2019〕48号《关于在国土空间规划中统筹划定落实三条控制线的指导意见》';
const NOTICE_193 = '自然资发〔2023〕193号《关于做好城镇开发边界管理的通知（试行）》';

export const TOWN_RULES = {
  'town-inside-detailed-plan': {
    id: 'town-inside-detailed-plan',
    source: OPINIONS_18,
    zh: '城镇开发边界内的建设，实行“详细规划+规划许可”的管制方式。',
    en: 'Construction inside the town development boundary follows the detailed plan and needs a planning permit (详细规划+规划许可).',
  },
  'town-outside-no-urban': {
    id: 'town-outside-no-urban',
    source: `${GUIDANCE_48}；${NOTICE_193}`,
    zh: '城镇开发边界外不得进行城镇集中建设，不得设立各类开发区，不得规划城镇居住用地。',
    en: 'Outside the town development boundary there may be no concentrated urban construction, no development zones and no planned urban housing land.',
    simplified: {
      zh: '193号文允许的边界外有特定选址要求的零星城镇建设用地未纳入：居住、工业等开发建设在边界外一律判为禁止。',
      en: 'The scattered urban land with special siting needs that notice No. 193 allows outside is not modelled: residential or industrial construction outside is always prohibited here.',
    },
  },
  'town-outside-admission': {
    id: 'town-outside-admission',
    source: `${OPINIONS_18}；${NOTICE_193}`,
    zh: '城镇开发边界外的建设按主导用途分区，实行“详细规划+规划许可”和“约束指标+分区准入”的管制方式；单独选址的线性基础设施等有特定选址要求的项目按此办理。',
    en: 'Construction outside the boundary follows its dominant-use zone, through a detailed plan and permit or through quotas and zone admission (约束指标+分区准入); separately sited linear infrastructure and other projects with special siting needs take this path.',
    simplified: {
      zh: '项目所在的用途分区及其准入条件未纳入：此处只给出管理路径，不判断能否准入。',
      en: 'Which use zone the project lies in and what it admits is not modelled: this names the path, it does not decide admission.',
    },
  },
} as const satisfies Record<string, Rule>;

/** Verdict per project type for the part of a project outside the boundary (inside is always the detailed-plan path). */
export const TOWN_OUTSIDE_TABLE = Object.fromEntries(
  PROJECT_TYPES.map(({ id }) => [
    id,
    id === 'residential-industrial'
      ? ['prohibited', TOWN_RULES['town-outside-no-urban']]
      : ['town-outside-admission', TOWN_RULES['town-outside-admission']],
  ]),
) as Record<ProjectTypeId, [Verdict, Rule]>;

export type TownPosition = 'inside' | 'partly' | 'outside';

/**
 * Where the project lies against the boundary, from the overlap the engine measured: inside when the part outside
 * is under 0.05 m² (0.0 as the figures are shown), outside when the part inside is, partly otherwise.
 */
export function townPosition(projectAreaM2: number, insideM2: number): TownPosition {
  const outsideM2 = Math.max(0, projectAreaM2 - insideM2);
  if (outsideM2 < 0.05) return 'inside';
  if (insideM2 < 0.05) return 'outside';
  return 'partly';
}

export interface TownVerdict {
  part: 'inside' | 'outside';
  verdict: Verdict;
  rule: Rule;
  areaM2: number;
}

/** The approval path of each part of the project: the part inside, the part outside (per project type). */
export function townVerdicts(
  projectType: ProjectTypeId,
  projectAreaM2: number,
  insideM2: number,
): TownVerdict[] {
  const position = townPosition(projectAreaM2, insideM2);
  const out: TownVerdict[] = [];
  if (position !== 'outside')
    out.push({
      part: 'inside',
      verdict: 'town-inside',
      rule: TOWN_RULES['town-inside-detailed-plan'],
      areaM2: position === 'inside' ? projectAreaM2 : insideM2,
    });
  if (position !== 'inside') {
    const [verdict, rule] = TOWN_OUTSIDE_TABLE[projectType];
    out.push({
      part: 'outside',
      verdict,
      rule,
      areaM2: position === 'outside' ? projectAreaM2 : projectAreaM2 - insideM2,
    });
  }
  return out;
}
