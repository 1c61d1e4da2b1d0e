/**
 * Observations that are not the plan's own measure (relation partial, related, context): never a status, shown
 * beside an indicator as context (相关数据) with what they are in words.
 *
 * Which ones a zone's indicator row shows: on the region, every one of the indicator; elsewhere those without a
 * zone or for the region, for this zone, for the indicator's one scope zone, or for a league that scope zone lies
 * in (the Dalad Banner figure of 鄂尔多斯市 beside the 十大孔兑 rate). Newest first.
 */
import { REGION_ID } from './gazetteer.ts';
import { isStatusRow } from './observation-check.ts';
import type { Words } from './observation-messages.ts';
import type { GazetteerEntry, Indicator, Observation } from './types.ts';

type Gazetteer = ReadonlyMap<string, Pick<GazetteerEntry, 'zh' | 'en' | 'kind' | 'leagues'>>;

export function contextObservations(
  indicator: Pick<Indicator, 'id' | 'zones'>,
  observations: readonly Observation[],
  zoneId: string,
  gazetteer: Gazetteer,
): Observation[] {
  const only = indicator.zones.length === 1 ? indicator.zones[0] : undefined;
  // the region "lies in" every league: its leagues are no place of its own
  const single = only === REGION_ID ? undefined : only;
  const around = new Set([
    REGION_ID,
    zoneId,
    ...(single ? [single, ...(gazetteer.get(single)?.leagues ?? [])] : []),
  ]);
  return observations
    .filter(
      (o) =>
        o.indicatorId === indicator.id &&
        !isStatusRow(o) &&
        (zoneId === REGION_ID || !o.zoneId || around.has(o.zoneId)),
    )
    .map((o, i) => ({ o, i }))
    .sort((a, b) => b.o.year - a.o.year || a.i - b.i)
    .map((x) => x.o);
}

/** What a context row is, in words: 部分时段：2021-01..07；单个盟市：锡林郭勒盟 / 相关指标：… / 背景数据：…. */
export function relationWords(
  o: Observation,
  indicator: Pick<Indicator, 'zones'>,
  gazetteer: Gazetteer,
): Words {
  const zh: string[] = [];
  const en: string[] = [];
  const basis = o.basis ?? '';
  if (o.relation === 'partial') {
    if (o.period) {
      zh.push(`部分时段：${o.period}`);
      en.push(`part of the year: ${o.period}`);
    }
  } else if (o.relation === 'related') {
    zh.push(basis ? `相关指标：${basis}` : '相关指标（口径不同）');
    en.push(basis ? `related measure: ${basis}` : 'related measure (another basis)');
  } else if (o.relation === 'context') {
    zh.push(basis ? `背景数据：${basis}` : '背景数据');
    en.push(basis ? `context figure: ${basis}` : 'context figure');
  }
  const z = o.zoneId;
  if (z && !indicator.zones.includes(z)) {
    const e = gazetteer.get(z);
    const league = e?.kind === 'league';
    zh.push(league ? `单个盟市：${e?.zh ?? z}` : `仅${e?.zh ?? z}`);
    en.push(league ? `one league: ${e?.en ?? z}` : `${e?.en ?? z} only`);
  }
  if (o.relation === 'partial') {
    if (!o.period && basis) {
      zh.push(basis);
      en.push(basis);
    }
    if (zh.length === 0) {
      zh.push('部分数据');
      en.push('partial figure');
    }
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}
