/**
 * Names for the targets the extractor finds. Each entry claims the targets whose clause contains `match` in the
 * task `taskId`; the build fails if a target is claimed by no entry or by two, or if an entry claims nothing, so a
 * changed seed cannot silently lose or gain an indicator.
 */
import type { Comparator, Direction } from './types.ts';

export interface CatalogueEntry {
  id: string;
  taskId: string;
  /** Text that must occur in the target's clause. */
  match: string;
  name: string;
  en: string;
  /** Unit to show when it differs from the written one. */
  unit?: string;
  /** Fix for a comparator the wording gets wrong, with the reason in `note`. */
  comparator?: Comparator;
  /** For `=` targets: which way is better. Defaults to increase. */
  direction?: Direction;
  note?: string;
}

export const INDICATOR_CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: 'grassland-vegetation-cover',
    taskId: '1.2.2',
    match: '草原综合植被盖度',
    name: '草原综合植被盖度',
    en: 'Grassland vegetation cover',
  },
  { id: 'forest-cover', taskId: '1.2.2', match: '森林覆盖率', name: '森林覆盖率', en: 'Forest cover' },
  {
    id: 'desertified-land-treatment-rate',
    taskId: '1.2.2',
    match: '可治理沙化土地治理率',
    name: '可治理沙化土地治理率',
    en: 'Share of treatable desertified land under treatment',
  },
  {
    id: 'pm25-concentration',
    taskId: '1.2.2',
    match: '细颗粒物平均浓度',
    name: '细颗粒物(PM2.5)平均浓度',
    en: 'Average PM2.5 concentration',
  },
  {
    id: 'polluted-farmland-safe-use-rate',
    taskId: '1.2.2',
    match: '受污染耕地安全利用率',
    name: '受污染耕地安全利用率',
    en: 'Safe use rate of polluted farmland',
  },
  {
    id: 'beautiful-village-county-share',
    taskId: '1.2.2',
    match: '美丽乡村整县建成比例',
    name: '美丽乡村整县建成比例',
    en: 'Share of counties completed as beautiful-village counties',
  },
  {
    id: 'farmland-red-line',
    taskId: '2.1.1',
    match: '耕地红线',
    name: '耕地保有量(耕地红线)',
    en: 'Farmland (farmland red line)',
  },
  {
    id: 'ten-kongdui-soil-conservation-rate',
    taskId: '2.2.4',
    match: '水土保持率',
    name: '十大孔兑水土保持率',
    en: 'Soil and water conservation rate of the Ten Kongdui',
  },
  {
    id: 'germplasm-bank-shared-accessions',
    taskId: '2.4.3',
    match: '种质资源库分发或交换的资源',
    name: '自治区认定的种质资源库分发或交换的资源份数',
    en: 'Accessions distributed or exchanged by recognised germplasm banks',
  },
  {
    id: 'new-energy-capacity',
    taskId: '3.2.2',
    match: '新能源装机规模',
    name: '新能源装机规模',
    en: 'Installed new-energy capacity',
  },
  {
    id: 'renewable-power-consumption-share',
    taskId: '3.2.2',
    match: '可再生电力消纳占比',
    name: '可再生电力消纳占比',
    en: 'Share of renewable electricity consumed',
  },
  {
    id: 'rail-freight-share',
    taskId: '4.1.5',
    match: '铁路货运周转量',
    name: '铁路货运周转量占货运总周转量比例',
    en: 'Rail share of freight turnover',
  },
  {
    id: 'water-diversion-increase',
    taskId: '4.2.1',
    match: '引调水量',
    name: '新增引调水量',
    en: 'Additional diverted water',
  },
  {
    id: 'farmland-quality-grade',
    taskId: '4.3.1',
    match: '耕地质量',
    name: '耕地质量等级',
    en: 'Farmland quality grade',
    unit: '等',
    comparator: '<=',
    direction: 'decrease',
    note: '耕地质量等级 runs from 1 (best) to 10: "提高到5.10等" means the average grade falls to 5.10 or below.',
  },
  {
    id: 'saline-farmland-improved',
    taskId: '4.3.3',
    match: '盐碱耕地',
    name: '改造提升盐碱耕地面积',
    en: 'Saline-alkali farmland improved',
  },
  {
    id: 'soil-supervised-units-rectification-rate',
    taskId: '4.3.6',
    match: '隐患排查整改合格率',
    name: '土壤污染重点监管单位隐患排查整改合格率',
    en: 'Rectification pass rate of soil-pollution key supervised units',
  },
  {
    id: 'beautiful-china-pioneer-counties',
    taskId: '6.2.3',
    match: '重点旗县',
    name: '推荐纳入美丽中国先行区的重点旗县(市、区)数',
    en: 'Key counties recommended as Beautiful China pioneer areas',
  },
  {
    id: 'new-bus-new-energy-share',
    taskId: '7.2.2',
    match: '公交车辆中新能源汽车占比',
    name: '新增或更新公交车辆中新能源汽车占比',
    en: 'New-energy share of new or replaced buses',
  },
  {
    id: 'new-car-new-energy-share',
    taskId: '7.2.2',
    match: '新增汽车',
    name: '新增汽车(不含货车)中新能源汽车占比',
    en: 'New-energy share of new cars (excluding trucks)',
  },
];
