/**
 * "Show on map" for an indicator: the zones of its scope coloured by status. A zone with observations of its own
 * gets its own status, the others the status of the scope as a whole, and the hover text says which. A
 * region-wide indicator colours the region itself (its status is the region's); hovering a league inside it says
 * so. The result has the shape of layers/zone-paint.ts ZonePaint, which the domain may not import. Pure: words,
 * colours and the layer of each zone come from the caller.
 */
import { REGION_ID } from './gazetteer.ts';
import type { IndicatorStatus, StatusCode } from './status.ts';
import type { GazetteerEntry } from './types.ts';
import type { ZoneIndicatorRow } from './zone-indicators.ts';

type Lang = 'zh' | 'en';
type Both = { zh: string; en: string };

export const STATUS_ORDER: readonly StatusCode[] = [
  'achieved',
  'on-track',
  'at-risk',
  'off-track',
  'no-data',
];

/** The catalogue's words for one language (web/src/strings). */
export interface PaintWords {
  zoneName(id: string): string;
  status(code: StatusCode): string;
  reason(status: IndicatorStatus): string;
  /** status words marked as resting on sample data: …（示例） */
  withSample(text: string): string;
  /** whose status a zone without observations of its own shows: 全区状态 / 呼包鄂乌整体状态 */
  regionWide: string;
  scopeWide(scope: string): string;
  title(name: string): string;
  /** one hover line: zone, status words, whose status (may be empty) */
  hover(zone: string, status: string, whose: string): string;
  noteRegion: string;
  noteFallback(whose: string): string;
  noteSample(zones: string): string;
  listSeparator: string;
}

export interface IndicatorPaintOptions {
  /** the registry layer whose features carry the zone (data/zone-index.json) */
  layerOf(zoneId: string): string | undefined;
  colours: Record<StatusCode, string>;
  words: Record<Lang, PaintWords>;
}

export interface IndicatorPaint {
  key: string;
  title: Both;
  layerIds: string[];
  fills: Record<string, string>;
  legend: { colour: string; zh: string; en: string; count: number }[];
  hover: Record<string, Both>;
  note?: Both;
}

export const indicatorPaintKey = (indicatorId: string): string => `indicator:${indicatorId}`;

interface Painted {
  zoneId: string;
  status: IndicatorStatus;
  /** the status is the scope's (or the region's), not the zone's own */
  whole: boolean;
}

/** One colour per zone of the row's scope (the region's row of zoneIndicators: kind `region` or `covers`). */
export function indicatorPaint(
  row: Pick<ZoneIndicatorRow, 'indicator' | 'kind' | 'scope' | 'scopeGroup' | 'status' | 'perZone'>,
  gazetteer: ReadonlyMap<string, Pick<GazetteerEntry, 'leagues'>>,
  opts: IndicatorPaintOptions,
): IndicatorPaint {
  const regionWide = row.kind === 'region' || row.kind === 'regionWide';
  const painted: Painted[] = row.scope.map((zoneId) => {
    const own = row.perZone.find((z) => z.zoneId === zoneId);
    return own
      ? { zoneId, status: own.status, whole: false }
      : { zoneId, status: row.status, whole: row.scope.length > 1 || regionWide };
  });

  const both = (f: (w: PaintWords) => string): Both => ({ zh: f(opts.words.zh), en: f(opts.words.en) });
  const whoseWords = (w: PaintWords) =>
    regionWide
      ? w.regionWide
      : w.scopeWide(
          row.scopeGroup ? w.zoneName(row.scopeGroup) : row.scope.map(w.zoneName).join(w.listSeparator),
        );
  const statusWords = (w: PaintWords, s: IndicatorStatus) => {
    const text = `${w.status(s.status)} · ${w.reason(s)}`;
    return s.sample ? w.withSample(text) : text;
  };
  const hoverOf = (p: Painted, zoneId = p.zoneId) =>
    both((w) => w.hover(w.zoneName(zoneId), statusWords(w, p.status), p.whole ? whoseWords(w) : ''));

  const fills: Record<string, string> = {};
  const hover: Record<string, Both> = {};
  for (const p of painted) {
    fills[p.zoneId] = opts.colours[p.status.status];
    hover[p.zoneId] = hoverOf(p);
  }
  const region = painted.find((p) => p.zoneId === REGION_ID);
  if (regionWide && region) {
    // under the pointer inside the region is a league; the colour there is the region's
    for (const league of gazetteer.get(REGION_ID)?.leagues ?? [])
      hover[league] ??= hoverOf(region, REGION_ID);
  }

  const legend = STATUS_ORDER.map((code) => ({
    code,
    count: painted.filter((p) => p.status.status === code).length,
  }))
    .filter((e) => e.count > 0)
    .map((e) => ({ colour: opts.colours[e.code], ...both((w) => w.status(e.code)), count: e.count }));

  const sampled = painted.filter((p) => p.status.sample);
  const notes = (w: PaintWords) =>
    [
      regionWide ? w.noteRegion : '',
      !regionWide && painted.some((p) => p.whole) ? w.noteFallback(whoseWords(w)) : '',
      sampled.length > 0 ? w.noteSample(sampled.map((p) => w.zoneName(p.zoneId)).join(w.listSeparator)) : '',
    ]
      .filter(Boolean)
      .join(' ');
  const note = both(notes);

  const layerIds = [
    ...new Set(row.scope.map((z) => opts.layerOf(z)).filter((l): l is string => l !== undefined)),
  ];
  return {
    key: indicatorPaintKey(row.indicator.id),
    title: { zh: opts.words.zh.title(row.indicator.name), en: opts.words.en.title(row.indicator.en) },
    layerIds,
    fills,
    legend,
    hover,
    ...(note.zh ? { note } : {}),
  };
}
