import { useState } from 'react';
import { beijingTime } from '../../../domain/report/time.ts';
import { runCommand } from '../../commands/registry.ts';
import { useAppStore } from '../../store/store.ts';
import { t as tr } from '../../strings/index.ts';
import { fill } from '../../strings/indicator-labels.ts';
import { dropOffer, exportOfferGpx, takeOffer } from './walk-actions.ts';
import { waitingOffer } from './walk-slice.ts';

/** Taking the walk back: from the app's start the screening panel opens first, where the walk's controls are. */
function take(then: 'resume' | 'close', atStart: boolean): void {
  if (atStart && !useAppStore.getState().screeningOpen) runCommand('screening.toggle');
  void takeOffer(then);
}

/**
 * A walk an earlier visit left unfinished (a reload, a crash, a phone that closed the tab): when it started and how
 * many fixes it kept, and what can be done with it — walk on, close it, export its raw track, delete it (asked
 * twice). The same offer at the app's start (`onLater` given: it can wait) and in the screening panel's walk section.
 */
export default function WalkOffer({ onLater, headingId }: { onLater?: () => void; headingId?: string }) {
  const lang = useAppStore((s) => s.lang);
  const offer = useAppStore((s) => waitingOffer(s.walk));
  const [confirming, setConfirming] = useState(false);
  if (!offer) return null;
  const atStart = onLater !== undefined;
  return (
    <div className="walk-offer" data-fixes={offer.fixes}>
      {atStart ? <h2 id={headingId}>{tr('walkTitle', lang)}</h2> : null}
      <p role="alert">
        {fill('walkOffer', lang, { time: beijingTime(offer.startedAt, lang), n: offer.fixes })}
      </p>
      {atStart ? <p className="walk-offer-kept">{tr('walkOfferKept', lang)}</p> : null}
      <div className="button-row">
        <button type="button" onClick={() => take('resume', atStart)}>
          {tr('walkOfferResume', lang)}
        </button>
        <button type="button" onClick={() => take('close', atStart)}>
          {tr('walkOfferClose', lang)}
        </button>
        <button type="button" onClick={() => void exportOfferGpx()}>
          {tr('walkExportGpx', lang)}
        </button>
        {confirming ? null : (
          <button type="button" onClick={() => setConfirming(true)}>
            {tr('walkOfferDrop', lang)}
          </button>
        )}
        {atStart && !confirming ? (
          <button type="button" onClick={onLater}>
            {tr('walkOfferLater', lang)}
          </button>
        ) : null}
      </div>
      {confirming ? (
        <div className="button-row">
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
              void dropOffer();
            }}
          >
            {fill('walkDiscardConfirm', lang, { n: offer.fixes })}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {tr('walkDiscardKeep', lang)}
          </button>
        </div>
      ) : null}
    </div>
  );
}
