import { useEffect, useId, useState } from 'react';
import type { Lang } from '../../../../layers/types.ts';
import { DEFAULT_INTERVAL_MS, INTERVALS_MS, type RecorderNotice } from '../../../domain/field/recorder.ts';
import { walkFigures } from '../../../domain/field/walk-figures.ts';
import { useAppStore } from '../../store/store.ts';
import { type StringKey, t as tr } from '../../strings/index.ts';
import { fill } from '../../strings/indicator-labels.ts';
import WalkOffer from './WalkOffer.tsx';
import {
  closeWalk,
  discardWalk,
  exportBoundary,
  exportGpx,
  exportProjectGpx,
  findUnfinished,
  pauseWalk,
  resumeWalk,
  setWalkInterval,
  startWalk,
  stopWalk,
} from './walk-actions.ts';
import type { WalkRefusal, WalkView } from './walk-slice.ts';

const metres = (m: number, lang: Lang) => fill('walkMetres', lang, { m: Math.round(m) });
const figure = (m: number | null) => (m === null || !Number.isFinite(m) ? '–' : m.toFixed(1));

function duration(ms: number, lang: Lang): string {
  const s = Math.round(ms / 1000);
  return fill('walkDuration', lang, { min: Math.floor(s / 60), s: s % 60 });
}

function direction(dir: string, lang: Lang): string {
  const word = (c: string) => tr(`walkDir${c}` as StringKey, lang);
  const ns = dir.replace(/[EW]/g, '');
  const ew = dir.replace(/[NS]/g, '');
  // 东北 / north-east
  return lang === 'zh'
    ? [ew, ns].filter(Boolean).map(word).join('')
    : [ns, ew].filter(Boolean).map(word).join('-');
}

function noticeText(n: RecorderNotice, lang: Lang): string | null {
  if (n.kind !== 'fix') return null;
  const v = n.verdict;
  if (v.kind === 'poor-accuracy') return fill('walkNoticePoor', lang, { m: Math.round(v.accuracyM) });
  if (v.kind === 'outside-region')
    return fill('walkNoticeOutside', lang, { km: v.km, dir: direction(v.dir, lang) });
  return tr('walkNoticeInvalid', lang);
}

const FAILURE: Record<NonNullable<WalkView['failure']>, StringKey> = {
  denied: 'walkFailDenied',
  unavailable: 'walkFailUnavailable',
  timeout: 'walkFailTimeout',
  unsupported: 'walkFailUnsupported',
};

function refusalText(r: WalkRefusal, lang: Lang): string[] {
  if (r.reason === 'too-few')
    return [
      fill('walkRefusedTooFew', lang, {
        kept: r.kept,
        total: r.fixCount,
        poor: r.dropped.poorAccuracy,
        outside: r.dropped.outsideRegion,
        jitter: r.dropped.jitter,
      }),
    ];
  if (r.crossings.length > 0)
    return r.crossings.map((c) =>
      fill('walkRefusedCross', lang, {
        a1: c.a[0],
        a2: c.a[1],
        b1: c.b[0],
        b2: c.b[1],
        at: `${c.at[0].toFixed(6)}, ${c.at[1].toFixed(6)}`,
      }),
    );
  return r.issues.map((i) => fill('walkRefusedIssue', lang, { issue: i[lang] }));
}

const STATUS: Record<string, StringKey> = {
  recording: 'walkStatusRecording',
  paused: 'walkStatusPaused',
  stopped: 'walkStatusStopped',
};

/** Recording a walked boundary in the screening panel's boundary section (the work: walk-actions.ts). */
export function WalkSection() {
  const lang = useAppStore((s) => s.lang);
  const walk = useAppStore((s) => s.walk);
  const draftWalk = useAppStore((s) => s.screeningDraft?.walk);
  const [confirming, setConfirming] = useState(false);
  const ids = { interval: useId(), h: useId() };

  useEffect(() => {
    void findUnfinished();
  }, []);

  const { recorder, closed, offer } = walk;
  const status = closed ? 'closed' : recorder.status;
  const fig = walkFigures(recorder.track);
  const active = status === 'recording' || status === 'paused' || status === 'stopped';
  const notice = noticeText(recorder.notice, lang);

  return (
    <section className="walk-section" aria-labelledby={ids.h} data-walk-status={status}>
      <h4 id={ids.h}>{tr('walkTitle', lang)}</h4>
      <WalkOffer />
      <p className="screening-hint">{tr('walkHint', lang)}</p>
      <div className="screening-field">
        <label htmlFor={ids.interval}>{tr('walkInterval', lang)}</label>
        <select
          id={ids.interval}
          value={recorder.intervalMs}
          onChange={(e) => void setWalkInterval(Number(e.currentTarget.value))}
        >
          {INTERVALS_MS.map((ms) => (
            <option key={ms} value={ms}>
              {fill('walkSeconds', lang, { n: ms / 1000 })}
              {ms === DEFAULT_INTERVAL_MS ? ` ${tr('walkIntervalDefault', lang)}` : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row walk-controls">
        {status === 'idle' || status === 'closed' ? (
          <button type="button" onClick={() => void startWalk()}>
            {tr(status === 'closed' ? 'walkNew' : 'walkStart', lang)}
          </button>
        ) : null}
        {status === 'recording' ? (
          <button type="button" onClick={() => void pauseWalk()}>
            {tr('walkPause', lang)}
          </button>
        ) : null}
        {status === 'paused' || status === 'stopped' ? (
          <button type="button" onClick={() => void resumeWalk()}>
            {tr('walkResume', lang)}
          </button>
        ) : null}
        {status === 'recording' || status === 'paused' ? (
          <button type="button" onClick={() => void stopWalk()}>
            {tr('walkStop', lang)}
          </button>
        ) : null}
        {status === 'stopped' ? (
          <button type="button" onClick={() => void closeWalk()}>
            {tr('walkClose', lang)}
          </button>
        ) : null}
      </div>
      {active ? (
        <p className="walk-status" role="status">
          {tr(STATUS[status] as StringKey, lang)}
        </p>
      ) : null}
      {status === 'recording' ? (
        <p className="screening-hint walk-background">{tr('walkBackground', lang)}</p>
      ) : null}
      {status !== 'idle' ? (
        <dl className="walk-figures">
          <dt>{tr('walkUsable', lang)}</dt>
          <dd data-walk="usable">{fig.usable}</dd>
          <dt>{tr('walkPoor', lang)}</dt>
          <dd data-walk="poor">{fig.poorAccuracy}</dd>
          {fig.outsideRegion > 0 ? (
            <>
              <dt>{tr('walkOutside', lang)}</dt>
              <dd data-walk="outside">{fig.outsideRegion}</dd>
            </>
          ) : null}
          <dt>{tr('walkLength', lang)}</dt>
          <dd data-walk="length" data-length-m={fig.lengthM}>
            {metres(fig.lengthM, lang)}
          </dd>
          <dt>{tr('walkAccuracy', lang)}</dt>
          <dd data-walk="accuracy">
            {walk.current ? metres(walk.current.accuracyM, lang) : tr('walkNoFix', lang)}
          </dd>
        </dl>
      ) : null}
      {active && notice ? (
        <p className="screening-warning walk-notice" role="status">
          {notice}
        </p>
      ) : null}
      {walk.failure && active ? (
        <p className="screening-error walk-failure" role="alert" data-failure={walk.failure}>
          {tr(FAILURE[walk.failure], lang)}
        </p>
      ) : null}
      {walk.gap ? (
        <p className="screening-warning walk-gap" role="alert" data-gap-ms={walk.gap.ms}>
          {fill('walkGap', lang, { time: duration(walk.gap.ms, lang), n: walk.gap.fixes })}{' '}
          <button type="button" onClick={() => useAppStore.getState().setWalk({ gap: null })}>
            {tr('walkGapOk', lang)}
          </button>
        </p>
      ) : null}
      {walk.storage !== 'ok' ? (
        <div className="screening-error walk-storage" role="alert" data-storage={walk.storage}>
          <p>
            {fill(walk.storage === 'quota' ? 'walkStorageQuota' : 'walkStorageError', lang, {
              n: walk.unsaved,
            })}
          </p>
          <button type="button" onClick={exportGpx}>
            {tr('walkExportGpx', lang)}
          </button>
        </div>
      ) : null}
      {walk.refusal ? (
        <div className="screening-error walk-refusal" role="alert" data-reason={walk.refusal.reason}>
          {refusalText(walk.refusal, lang).map((line) => (
            <p key={line}>{line}</p>
          ))}
          <p>{tr('walkRefusedAction', lang)}</p>
        </div>
      ) : null}
      {closed ? (
        <p className="walk-closed" role="status">
          {fill('walkClosedFigures', lang, {
            vertices: closed.record.vertexCount,
            fixes: closed.record.fixCount,
            min: figure(closed.record.accuracy.min),
            median: figure(closed.record.accuracy.median),
            max: figure(closed.record.accuracy.max),
            jitter: closed.record.dropped.jitter,
            poor: closed.record.dropped.poorAccuracy,
            outside: closed.record.dropped.outsideRegion,
            closing: closed.record.dropped.closing,
          })}{' '}
          {tr('walkClosedNext', lang)}
        </p>
      ) : draftWalk && status === 'idle' ? (
        <p className="screening-note">
          {fill('walkProjectTrack', lang, {
            fixes: draftWalk.fixCount,
            vertices: draftWalk.vertexCount,
            median: figure(draftWalk.accuracy.median),
          })}
        </p>
      ) : null}
      {draftWalk && status === 'idle' && !offer ? (
        <div className="button-row walk-exports">
          <button type="button" onClick={exportProjectGpx}>
            {tr('walkExportGpx', lang)}
          </button>
        </div>
      ) : null}
      {fig.recorded > 0 || closed ? (
        <div className="button-row walk-exports">
          <button type="button" onClick={exportGpx}>
            {tr('walkExportGpx', lang)}
          </button>
          {closed ? (
            <>
              <button type="button" onClick={() => exportBoundary('geojson')}>
                {tr('walkExportGeoJson', lang)}
              </button>
              <button type="button" onClick={() => exportBoundary('txt')}>
                {tr('walkExportTxt', lang)}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {active ? (
        confirming ? (
          <div className="button-row">
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                void discardWalk();
              }}
            >
              {fill('walkDiscardConfirm', lang, { n: fig.recorded })}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {tr('walkDiscardKeep', lang)}
            </button>
          </div>
        ) : (
          <button type="button" className="walk-discard" onClick={() => setConfirming(true)}>
            {tr('walkDiscard', lang)}
          </button>
        )
      ) : null}
    </section>
  );
}
