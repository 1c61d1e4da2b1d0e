import type { CSSProperties } from 'react';
import type { Lang } from '../../../layers/types.ts';
import type { MapSnapshot } from '../map/map-port.ts';
import { t } from '../strings/index.ts';

/** A round length (1, 2 or 5 × 10^n metres) that fits in maxM. */
function niceLength(maxM: number): number {
  const p = 10 ** Math.floor(Math.log10(maxM));
  for (const k of [5, 2, 1]) if (k * p <= maxM) return k * p;
  return p;
}

/**
 * A map picture (mapPort.snapshot) with a north arrow and a scale bar, for printed pages (the screening report, the
 * zone brief). Scales to its box, keeping its proportions. With `crop` (picture pixels) only that part is shown,
 * the arrow and bar sized for a part about 340 pixels high.
 */
export function MapFigure({
  snap,
  lang,
  className,
  crop,
  style,
}: {
  snap: MapSnapshot;
  lang: Lang;
  className: string;
  crop?: { x: number; y: number; width: number; height: number };
  style?: CSSProperties;
}) {
  const { width: W, height: H } = snap;
  const view = crop ?? { x: 0, y: 0, width: W, height: H };
  const k = crop ? crop.height / 340 : 1;
  const len = niceLength((view.width / 4) * snap.metersPerPixel);
  const px = len / snap.metersPerPixel / k;
  const label = len >= 1000 ? `${len / 1000} km` : `${len} m`;
  return (
    <svg
      className={className}
      style={style}
      viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
      role="img"
      aria-label={t('locationMap', lang)}
    >
      <image href={snap.dataUrl} x={0} y={0} width={W} height={H} />
      <g
        transform={`translate(${view.x + view.width - 40 * k}, ${view.y + 44 * k}) scale(${k}) rotate(${-snap.bearing})`}
        className="north-arrow"
      >
        <circle r={22} fill="#fff" fillOpacity={0.85} stroke="#333" />
        <path d="M0,-18 L7,6 L0,1 L-7,6 Z" fill="#222" />
        <text y={17} textAnchor="middle" fontSize={11} fontWeight="bold">
          N
        </text>
      </g>
      <g
        transform={`translate(${view.x + 16 * k}, ${view.y + view.height - 22 * k}) scale(${k})`}
        className="scale-bar"
      >
        <rect x={-6} y={-16} width={px + 56} height={28} fill="#fff" fillOpacity={0.85} />
        <path d={`M0,0 V6 H${px} V0`} fill="none" stroke="#222" strokeWidth={2} />
        <text x={px + 6} y={7} fontSize={12}>
          {label}
        </text>
        <text x={0} y={-5} fontSize={10}>
          0
        </text>
      </g>
    </svg>
  );
}
