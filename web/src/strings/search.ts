import type { Area } from './types.ts';

/** The one search box above the legend: places, tasks and indicators (components/ZoneSearch.tsx). */
export const SEARCH_TEXT = {
  searchPlaceholder: {
    zh: '搜索区域、任务、指标（按 / 键）',
    en: 'Search zones, tasks, indicators (press /)',
  },
  searchResults: { zh: '搜索结果', en: 'Search results' },
  searchGroupPlaces: { zh: '地点', en: 'Places' },
  searchGroupTasks: { zh: '任务', en: 'Tasks' },
  searchGroupIndicators: { zh: '指标', en: 'Indicators' },
  searchMore: { zh: '另有 {n} 项，输入更多字词可缩小范围', en: '{n} more: type more to narrow the search' },
  searchViaGroup: { zh: '属于“{name}”', en: 'in “{name}”' },
  searchPlanLoading: { zh: '正在载入规划…', en: 'Loading the plan…' },
  searchPlanFailed: {
    zh: '规划未能载入，只搜索了地点',
    en: 'The plan could not be loaded: only places were searched',
  },
  searchPlacesFailed: {
    zh: '地名表未能载入，无法搜索地点',
    en: 'The gazetteer could not be loaded: places cannot be searched',
  },
  searchNothing: { zh: '没有找到“{q}”', en: 'Nothing found for “{q}”' },
} as const satisfies Area;
