import type { Lang } from '../../../layers/types.ts';
import { type ChartSeries, indicatorChart } from '../../domain/plan/indicator-chart.ts';
import type { Observation } from '../../domain/plan/observations.ts';
import type { Indicator } from '../../domain/plan/types.ts';
import { t } from '../strings/index.ts';
import type { Names } from '../strings/indicator-labels.ts';
import { fill, reasonLabel } from '../strings/indicator-labels.ts';
import { targetLabel } from '../strings/plan-labels.ts';
import { withUnit } from './StatusLine.tsx';

/** Series colours (the first, the scope as a whole, in ink) and their markers, told apart by shape too. */
const SERIES = [
  { colour: '#2f2a23', shape: 'circle' },
  { colour: '#0072b2', shape: 'square' },
  { colour: '#b3261e', shape: 'triangle' },
  { colour: '#1b7837', shape: 'diamond' },
] as const;
const TARGET = '#9a5b12';
const PATH = '#1b6e9e';

function Marker({
  x,
  y,
  shape,
  colour,
  hollow,
}: {
  x: number;
  y: number;
  shape: string;
  colour: string;
  hollow: boolean;
}) {
  const fillColour = hollow ? '#ffffff' : colour;
  const common = { fill: fillColour, stroke: colour, strokeWidth: 1.6 };
  if (shape === 'square') return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} {...common} />;
  if (shape === 'triangle')
    return <polygon points={`${x},${y - 4.5} ${x + 4.5},${y + 3.5} ${x - 4.5},${y + 3.5}`} {...common} />;
  if (shape === 'diamond')
    return <polygon points={`${x},${y - 5} ${x + 5},${y} ${x},${y + 5} ${x - 5},${y}`} {...common} />;
  return <circle cx={x} cy={y} r={4} {...common} />;
}

const style = (i: number) => SERIES[i % SERIES.length] ?? SERIES[0];

/**
 * The observations the status reads against the targets and the straight path the status rule uses (hand-made
 * SVG, geometry from web/domain/plan/indicator-chart.ts), with a text alternative and the values with their
 * sources in a table. Sample values are hollow points marked 示例.
 */
export function IndicatorChart({
  indicator,
  observations,
  asOfYear,
  zoneIds,
  names,
  wholeName,
  lang,
}: {
  indicator: Indicator;
  observations: readonly Observation[];
  asOfYear: number;
  zoneIds: readonly string[];
  names: Names;
  /** what the series of the scope as a whole is called: 全区 / 十大孔兑 / 呼包鄂乌（整体） */
  wholeName: string;
  lang: Lang;
}) {
  const chart = indicatorChart(indicator, observations, asOfYear, { zoneIds });
  const { width, height, margin } = chart.box;
  const unit = indicator.unit;
  const sampleWord = t('sample', lang);
  const seriesName = (s: ChartSeries) => (s.zoneId ? names([s.zoneId]) : wholeName);
  const valueText = (o: Observation) => {
    const v = withUnit(o.value, unit);
    return o.sample ? fill('dashWithSample', lang, { v }) : v;
  };
  const yearValue = (o: Observation) => fill('dashYearValue', lang, { year: o.year, v: valueText(o) });
  const pointTitle = (s: ChartSeries, o: Observation) =>
    [seriesName(s), yearValue(o), fill('observationSource', lang, { source: o.source }), o.note ?? '']
      .filter(Boolean)
      .join(' · ');
  const targetsText = indicator.targets
    .map((tg) => `${tg.year ?? t('dashStanding', lang)} ${targetLabel(tg, unit, lang)}`)
    .join(t('dashSeparator', lang));
  const shown = chart.series.filter((s) => s.points.length > 0);
  const pathText = (s: ChartSeries) =>
    s.path
      ? `${fill('dashPath', lang, {
          from: `${s.path.from.year} ${withUnit(s.path.from.value, unit)}`,
          to: `${s.path.to.year} ${withUnit(s.path.to.value, unit)}`,
        })}${t('dashSeparator', lang)}${fill('dashPathAt', lang, {
          year: s.path.atLatest.year,
          v: withUnit(Math.round(s.path.atLatest.value * 1000) / 1000, unit),
        })}`
      : s.points.length > 0
        ? fill('dashNoPath', lang, { reason: reasonLabel(s.status, lang) })
        : '';
  const pointsText =
    shown.length === 0
      ? t('dashNoObservations', lang)
      : shown
          .map(
            (s) => `${seriesName(s)} ${s.points.map((p) => yearValue(p.obs)).join(t('listSeparator', lang))}`,
          )
          .join(t('dashSeparator', lang));
  const alt = fill('dashChartAlt', lang, {
    name: lang === 'zh' ? indicator.name : indicator.en,
    points: pointsText,
    targets: targetsText,
    path: shown
      .map((s) =>
        shown.length > 1
          ? `${fill('dashZoneLabel', lang, { zone: seriesName(s) })}${pathText(s)}`
          : pathText(s),
      )
      .join(' '),
  });
  const right = width - margin.right;
  const bottom = height - margin.bottom;
  return (
    <section className="dash-chart">
      <h4>{t('dashChart', lang)}</h4>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={alt}
        className="dash-chart-svg"
        data-years={chart.years.join('-')}
      >
        <title>{alt}</title>
        <g className="axis">
          {chart.yTicks.map((tk) => (
            <g key={tk.value}>
              <line x1={margin.left} x2={right} y1={tk.y} y2={tk.y} stroke="#e4dfd4" />
              <text x={margin.left - 4} y={tk.y + 3.5} textAnchor="end">
                {tk.value}
              </text>
            </g>
          ))}
          {chart.xTicks.map((tk) => (
            <text key={tk.year} x={tk.x} y={bottom + 14} textAnchor="middle">
              {tk.year}
            </text>
          ))}
          <line x1={margin.left} x2={right} y1={bottom} y2={bottom} stroke="#6d665b" />
          <line x1={margin.left} x2={margin.left} y1={margin.top} y2={bottom} stroke="#6d665b" />
          <text x={margin.left} y={margin.top - 5} textAnchor="start">
            {unit}
          </text>
        </g>
        {chart.targets.map((tg) =>
          tg.x === null ? (
            <g key={`standing-${tg.target.start}`} className="chart-target" data-standing="true">
              <line
                x1={margin.left}
                x2={right}
                y1={tg.y}
                y2={tg.y}
                stroke={TARGET}
                strokeDasharray="6 3"
                strokeWidth={1.5}
              />
              <text x={right - 2} y={tg.y - 4} textAnchor="end" fill={TARGET}>
                {targetLabel(tg.target, unit, lang)}
              </text>
            </g>
          ) : (
            <g key={`target-${tg.target.start}`} className="chart-target" data-year={tg.target.year ?? ''}>
              {tg.top !== null ? (
                <line x1={tg.x} x2={tg.x} y1={tg.y} y2={tg.top} stroke={TARGET} strokeWidth={3} />
              ) : null}
              <polygon
                points={`${tg.x},${tg.y - 6} ${tg.x + 6},${tg.y} ${tg.x},${tg.y + 6} ${tg.x - 6},${tg.y}`}
                fill={TARGET}
              />
              <text x={tg.x - 8} y={tg.y - 8} textAnchor="end" fill={TARGET}>
                {tg.target.year} {targetLabel(tg.target, unit, lang)}
              </text>
            </g>
          ),
        )}
        {shown.map((s) =>
          s.path ? (
            <g key={`path-${s.zoneId ?? ''}`} className="chart-path">
              <line
                x1={s.path.from.x}
                y1={s.path.from.y}
                x2={s.path.to.x}
                y2={s.path.to.y}
                stroke={PATH}
                strokeDasharray="4 3"
                strokeWidth={1.5}
              />
              <circle cx={s.path.atLatest.x} cy={s.path.atLatest.y} r={3} fill="#ffffff" stroke={PATH} />
            </g>
          ) : null,
        )}
        {shown.map((s, i) => {
          const { colour, shape } = style(i);
          return (
            <g key={`series-${s.zoneId ?? ''}`} className="chart-series" data-zone-id={s.zoneId ?? ''}>
              {s.points.length > 1 ? (
                <polyline
                  points={s.points.map((p) => `${p.x},${p.y}`).join(' ')}
                  fill="none"
                  stroke={colour}
                  strokeWidth={1.5}
                />
              ) : null}
              {s.points.map((p) => (
                <g
                  key={p.year}
                  className="chart-point"
                  data-year={p.year}
                  data-value={p.value}
                  data-sample={p.obs.sample}
                >
                  <title>{pointTitle(s, p.obs)}</title>
                  <Marker x={p.x} y={p.y} shape={shape} colour={colour} hollow={p.obs.sample} />
                  {p.obs.sample ? (
                    <text x={p.x + 6} y={p.y + 12} className="chart-sample">
                      {sampleWord}
                    </text>
                  ) : null}
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <ul className="dash-chart-key">
        {shown.map((s, i) => (
          <li key={s.zoneId ?? ''}>
            <svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true">
              <Marker x={0} y={0} shape={style(i).shape} colour={style(i).colour} hollow={false} />
            </svg>{' '}
            {seriesName(s)}
          </li>
        ))}
        <li>
          <svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true">
            <polygon points="0,-5 5,0 0,5 -5,0" fill={TARGET} />
          </svg>{' '}
          {t('dashTargets', lang)}
        </li>
      </ul>
      {shown.map((s) => (
        <p key={`path-text-${s.zoneId ?? ''}`} className="dash-path-text" data-zone-id={s.zoneId ?? ''}>
          {shown.length > 1 ? fill('dashZoneLabel', lang, { zone: seriesName(s) }) : ''}
          {pathText(s)}
        </p>
      ))}
      <table className="dash-values">
        <caption>{t('dashObservations', lang)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashYear', lang)}</th>
            <th scope="col">{t('dashZone', lang)}</th>
            <th scope="col">{t('dashValue', lang)}</th>
            <th scope="col">{t('dashSource', lang)}</th>
            <th scope="col">{t('dashNote', lang)}</th>
          </tr>
        </thead>
        <tbody>
          {shown.flatMap((s) =>
            s.points.map((p) => (
              <tr
                key={`${s.zoneId ?? ''}-${p.year}`}
                data-sample={p.obs.sample}
                data-zone-id={s.zoneId ?? ''}
              >
                <td>{p.year}</td>
                <td>{seriesName(s)}</td>
                <td>
                  {withUnit(p.value, unit)}
                  {p.obs.sample ? <span className="badge-sample">{sampleWord}</span> : null}
                </td>
                <td className="dash-source">{p.obs.source}</td>
                <td className="dash-note">{p.obs.note ?? ''}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      {shown.length === 0 ? <p className="zone-empty">{t('dashNoObservations', lang)}</p> : null}
    </section>
  );
}
