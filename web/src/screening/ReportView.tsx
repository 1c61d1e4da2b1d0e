import type { Position } from 'geojson';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { layerById } from '../../../layers/registry.ts';
import { THEME } from '../../../layers/theme.ts';
import { PROJECT_TYPES } from '../../domain/screening/rules.ts';
import { useAppStore } from '../store/store.ts';
import { exportBaseName } from './exports.ts';
import { fmtBuffer } from './format.ts';
import { ResultTables } from './ResultTables.tsx';
import { canonicalJson, reportRecord, sha256Hex } from './report-record.ts';
import { download } from './screening-actions.ts';
import type { MapSnapshot, ScreeningDraft } from './screening-slice.ts';

const T = {
  title: {
    zh: '建设项目生态保护红线及自然保护地选址审查报告',
    en: 'Project screening report: ecological red line and protected areas',
  },
  date: { zh: '审查时间', en: 'Checked at' },
  printed: { zh: '生成时间', en: 'Generated' },
  project: { zh: '项目名称', en: 'Project' },
  type: { zh: '项目类型', en: 'Declared type' },
  boundarySource: { zh: '边界来源', en: 'Boundary from' },
  map: { zh: '位置图', en: 'Map' },
  legend: { zh: '图例', en: 'Legend' },
  lProject: { zh: '项目边界', en: 'Project boundary' },
  lOriginal: { zh: '坐标转换前边界', en: 'Boundary before conversion' },
  lOverlap: { zh: '重叠部分', en: 'Overlap' },
  mapWait: { zh: '正在生成地图图片…', en: 'Rendering the map image…' },
  overlaps: { zh: '重叠分析', en: 'Overlap analysis' },
  coords: {
    zh: '界址点坐标（CGCS2000 / WGS84 经纬度，度）',
    en: 'Boundary points (CGCS2000 / WGS84 lon/lat, degrees)',
  },
  point: { zh: '点号', en: 'Point' },
  ring: { zh: '圈号', en: 'Ring' },
  lon: { zh: '经度', en: 'Longitude' },
  lat: { zh: '纬度', en: 'Latitude' },
  part: { zh: '地块', en: 'Part' },
  method: { zh: '计算方法', en: 'Method' },
  mArea: { zh: '面积', en: 'Area' },
  mClip: { zh: '叠加', en: 'Overlay' },
  mDistance: { zh: '距离', en: 'Distance' },
  mBuffers: { zh: '缓冲距离', en: 'Buffers' },
  mEngine: { zh: '计算程序', en: 'Engine' },
  datasets: { zh: '数据集及来源', en: 'Datasets and provenance' },
  dsName: { zh: '图层', en: 'Layer' },
  dsVersion: { zh: '版本', en: 'Version' },
  dsProvenance: { zh: '来源', en: 'Provenance' },
  dsHash: { zh: '数据 SHA-256', en: 'Data SHA-256' },
  schematic: { zh: '示意', en: '示意 (schematic)' },
  userData: { zh: '用户权威数据', en: 'User authoritative data' },
  schematicNote: {
    zh: '标注“示意”的图层并非测绘成果，依据公开资料绘制，本报告结论仅供参考，不能作为审批依据。',
    en: 'Layers marked 示意 are not surveyed data but drawn from public knowledge: this report is indicative only and not a basis for approval.',
  },
  hash: {
    zh: '内容校验码（SHA-256：边界 + 数据集 + 结果）',
    en: 'Content hash (SHA-256 of boundary + datasets + results)',
  },
  hashHow: {
    zh: '校验方法：下载“审查记录 JSON”，计算其 SHA-256，应与上列校验码一致。',
    en: 'To verify: download the check record (JSON) and compute its SHA-256; it must equal the value above.',
  },
  record: { zh: '下载审查记录 JSON', en: 'Download check record (JSON)' },
  print: { zh: '打印 / 存为 PDF', en: 'Print / save as PDF' },
  close: { zh: '返回', en: 'Back' },
  notForPublication: {
    zh: '内部规划工具：底图边界未经审图（无审图号），不用于公开发布。',
    en: 'Internal planning tool: basemap borders are not an approved map (no 审图号); not for publication.',
  },
} as const;

function boundaryBBox(d: ScreeningDraft): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (p: Position) => {
    const [x, y] = p as [number, number];
    w = Math.min(w, x);
    s = Math.min(s, y);
    e = Math.max(e, x);
    n = Math.max(n, y);
  };
  for (const f of d.boundary.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) for (const ring of poly) ring.forEach(visit);
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/** A round length (1, 2 or 5 × 10^n metres) that fits in maxM. */
function niceLength(maxM: number): number {
  const p = 10 ** Math.floor(Math.log10(maxM));
  for (const k of [5, 2, 1]) if (k * p <= maxM) return k * p;
  return p;
}

function MapFigure({ snap, lang }: { snap: MapSnapshot; lang: 'zh' | 'en' }) {
  const { width: W, height: H } = snap;
  const len = niceLength((W / 4) * snap.metersPerPixel);
  const px = len / snap.metersPerPixel;
  const label = len >= 1000 ? `${len / 1000} km` : `${len} m`;
  return (
    <svg className="report-map" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={T.map[lang]}>
      <image href={snap.dataUrl} x={0} y={0} width={W} height={H} />
      <g transform={`translate(${W - 40}, 44) rotate(${-snap.bearing})`} className="north-arrow">
        <circle r={22} fill="#fff" fillOpacity={0.85} stroke="#333" />
        <path d="M0,-18 L7,6 L0,1 L-7,6 Z" fill="#222" />
        <text y={17} textAnchor="middle" fontSize={11} fontWeight="bold">
          N
        </text>
      </g>
      <g transform={`translate(16, ${H - 22})`} className="scale-bar">
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

function Swatch({ color, kind, dashed }: { color: string; kind: 'fill' | 'line'; dashed?: boolean }) {
  return (
    <svg width={22} height={12} aria-hidden="true">
      {kind === 'fill' ? (
        <rect x={1} y={1} width={20} height={10} fill={color} fillOpacity={0.5} stroke={color} />
      ) : (
        <line
          x1={1}
          y1={6}
          x2={21}
          y2={6}
          stroke={color}
          strokeWidth={2}
          strokeDasharray={dashed ? '3 2' : undefined}
        />
      )}
    </svg>
  );
}

/** The printable report (browser print → PDF). Rendered over the app; print CSS hides everything else. */
export default function ReportView({ onClose }: { onClose(): void }) {
  const lang = useAppStore((s) => s.lang);
  const draft = useAppStore((s) => s.screeningDraft);
  const run = useAppStore((s) => s.screeningRun);
  const snapshot = useAppStore((s) => s.snapshot);
  const [snapId, setSnapId] = useState<number | null>(null);
  const [hash, setHash] = useState<string | null>(null);
  const generated = useRef(new Date().toISOString()).current;
  const result = run.result;

  const recordText = useMemo(
    () =>
      draft && result
        ? canonicalJson(reportRecord(draft, result, run.datasets, run.buffersM, run.checkedAt))
        : '',
    [draft, result, run.datasets, run.buffersM, run.checkedAt],
  );
  useEffect(() => {
    let live = true;
    if (recordText) void sha256Hex(recordText).then((h) => live && setHash(h));
    return () => {
      live = false;
    };
  }, [recordText]);
  useEffect(() => {
    if (!draft) return;
    setSnapId(useAppStore.getState().requestSnapshot(boundaryBBox(draft)));
  }, [draft]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    document.body.classList.add('printing-report');
    return () => {
      window.removeEventListener('keydown', onKey);
      document.body.classList.remove('printing-report');
    };
  }, [onClose]);

  if (!draft || !result) return null;
  const snap = snapshot && snapshot.id === snapId ? snapshot : null;
  const type = PROJECT_TYPES.find((p) => p.id === draft.type);
  const schematic = run.datasets.some((d) => d.schematic);
  const ready = Boolean(snap && hash);
  let point = 0;

  return createPortal(
    <article className="report-view" aria-label={T.title[lang]} data-ready={ready ? 'true' : 'false'}>
      <div className="report-actions">
        <button type="button" className="primary" disabled={!ready} onClick={() => window.print()}>
          {T.print[lang]}
        </button>
        <button
          type="button"
          disabled={!recordText}
          onClick={() => download(`${exportBaseName(draft)}.record.json`, recordText, 'application/json')}
        >
          {T.record[lang]}
        </button>
        <button type="button" onClick={onClose}>
          {T.close[lang]}
        </button>
      </div>
      <h1>{T.title[lang]}</h1>
      <table className="report-meta">
        <tbody>
          <tr>
            <th scope="row">{T.project[lang]}</th>
            <td className="report-project-name">{draft.name}</td>
          </tr>
          <tr>
            <th scope="row">{T.type[lang]}</th>
            <td>{type ? `${type.zh}（${type.en}）` : draft.type}</td>
          </tr>
          <tr>
            <th scope="row">{T.boundarySource[lang]}</th>
            <td>
              {draft.importedFrom?.format === 'drawn'
                ? lang === 'zh'
                  ? '地图绘制'
                  : 'drawn on the map'
                : `${draft.importedFrom?.fileName ?? ''} (${draft.importedFrom?.format ?? ''}, ${draft.importedFrom?.crs ?? ''}; ${draft.source})`}
            </td>
          </tr>
          <tr>
            <th scope="row">{T.date[lang]}</th>
            <td>{run.checkedAt ?? ''}</td>
          </tr>
          <tr>
            <th scope="row">{T.printed[lang]}</th>
            <td>{generated}</td>
          </tr>
        </tbody>
      </table>
      {schematic ? <p className="report-warning">{T.schematicNote[lang]}</p> : null}

      <h2>{T.map[lang]}</h2>
      <figure className="report-figure">
        {snap ? <MapFigure snap={snap} lang={lang} /> : <p role="status">{T.mapWait[lang]}</p>}
        <figcaption className="report-legend">
          <strong>{T.legend[lang]}：</strong>
          <span>
            <Swatch color={THEME.overlay.project} kind="line" /> {T.lProject[lang]}
          </span>
          {draft.originalBoundary ? (
            <span>
              <Swatch color={THEME.overlay.original} kind="line" dashed /> {T.lOriginal[lang]}
            </span>
          ) : null}
          <span>
            <Swatch color={THEME.overlay.overlap} kind="fill" /> {T.lOverlap[lang]}
          </span>
          {run.datasets.map((d) => {
            const def = layerById(d.layerId);
            const color = def?.legend.outline ?? def?.legend.color ?? '#888';
            return (
              <span key={d.layerId}>
                <Swatch
                  color={color}
                  kind={def?.legend.kind === 'line' ? 'line' : 'fill'}
                  dashed={d.schematic}
                />{' '}
                {lang === 'zh' ? d.nameZh : d.nameEn}
                {d.schematic && !`${d.nameZh}${d.nameEn}`.includes('示意') ? `（${T.schematic[lang]}）` : ''}
              </span>
            );
          })}
        </figcaption>
      </figure>

      <h2>{T.overlaps[lang]}</h2>
      <ResultTables result={result} datasets={run.datasets} lang={lang} />

      <h2>{T.coords[lang]}</h2>
      <table className="report-coords">
        <thead>
          <tr>
            <th scope="col">{T.part[lang]}</th>
            <th scope="col">{T.ring[lang]}</th>
            <th scope="col">{T.point[lang]}</th>
            <th scope="col">{T.lon[lang]}</th>
            <th scope="col">{T.lat[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {draft.boundary.features.flatMap((f, fi) => {
            const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
            return polys.flatMap((poly, pi) =>
              poly.flatMap((ring, ri) =>
                ring.slice(0, -1).map((p, k) => {
                  point++;
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
                    <tr key={`${fi}-${pi}-${ri}-${k}`}>
                      <td>{polys.length > 1 ? `${fi + 1}.${pi + 1}` : fi + 1}</td>
                      <td>{ri + 1}</td>
                      <td>J{point}</td>
                      <td className="num">{(p[0] as number).toFixed(7)}</td>
                      <td className="num">{(p[1] as number).toFixed(7)}</td>
                    </tr>
                  );
                }),
              ),
            );
          })}
        </tbody>
      </table>

      <h2>{T.method[lang]}</h2>
      <ul className="report-method">
        <li>
          {T.mArea[lang]}: {result.method.areaZh}; {result.method.area}
        </li>
        <li>
          {T.mClip[lang]}: {result.method.clip}
        </li>
        <li>
          {T.mDistance[lang]}: {result.method.distance}
        </li>
        <li>
          {T.mBuffers[lang]}: {run.buffersM.map((b) => fmtBuffer(b, lang)).join(' / ') || '—'}
        </li>
        <li>
          {T.mEngine[lang]}: {result.engine}
        </li>
      </ul>

      <h2>{T.datasets[lang]}</h2>
      <table className="report-datasets">
        <thead>
          <tr>
            <th scope="col">{T.dsName[lang]}</th>
            <th scope="col">{T.dsVersion[lang]}</th>
            <th scope="col">{T.dsProvenance[lang]}</th>
            <th scope="col">{T.dsHash[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {run.datasets.map((d) => (
            <tr key={d.layerId} data-layer-id={d.layerId}>
              <td>
                {d.nameZh} / {d.nameEn}
                {d.schematic ? <strong className="badge-schematic">{T.schematic[lang]}</strong> : null}
                {d.userData ? <strong> {T.userData[lang]}</strong> : null}
              </td>
              <td>{d.version}</td>
              <td>{d.provenance}</td>
              <td className="hash">{d.sha256}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{T.hash[lang]}</h2>
      <p className="report-hash" data-hash={hash ?? ''}>
        {hash ?? '…'}
      </p>
      <p>{T.hashHow[lang]}</p>
      <p className="report-footer">{T.notForPublication[lang]}</p>
    </article>,
    document.body,
  );
}
