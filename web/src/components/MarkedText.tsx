import type { ReactNode } from 'react';
import { linkSpans, type ZoneTask } from '../../domain/plan/zone-tasks.ts';

/**
 * A task's text with the words linkSpans picks marked (the zone panel's one rule for marks); rendered as text,
 * never HTML.
 */
export function MarkedText({ zt }: { zt: ZoneTask }) {
  const { text } = zt.task;
  const out: ReactNode[] = [];
  let at = 0;
  for (const s of linkSpans(zt)) {
    out.push(text.slice(at, s.start));
    out.push(
      <mark key={`${s.start}-${s.end}`} className={`link-${s.kind}`} data-link={s.kind}>
        {text.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  out.push(text.slice(at));
  return <>{out}</>;
}
