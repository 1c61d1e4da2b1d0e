import type { ReactNode } from 'react';
import type { Lang } from '../../../layers/types.ts';
import { type LinkKind, linkSpans, type TaskLink, type ZoneTask } from '../../domain/plan/zone-tasks.ts';
import { type StringKey, t } from '../strings/index.ts';
import { PlaceLink } from './PlaceLink.tsx';

export type NameOf = (zoneId: string) => string;

const fill = (key: StringKey, lang: Lang, via: string) => t(key, lang).replace('{via}', () => via);

/** The task text with the words that made its links marked; everything is rendered as text. */
function highlighted(zt: ZoneTask): ReactNode[] {
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
  return out;
}

const KIND_KEY: Record<LinkKind, StringKey> = {
  region: 'linkRegion',
  named: 'linkNamed',
  group: 'linkGroup',
  inside: 'linkInside',
  crosses: 'linkCrosses',
};

/** One link in words: named directly / through the group “一湖两海” / place within: 腾格里沙漠 (a link). */
function LinkWords({ link, lang, nameOf }: { link: TaskLink; lang: Lang; nameOf: NameOf }) {
  // the words as the text has them, without their quotes (the phrase quotes them): 黄河几字弯
  const said = link.mentions
    .map((m) => m.text.replace(/[“”‘’"]/g, ''))
    .filter((x, i, all) => all.indexOf(x) === i);
  if (link.kind === 'region' || link.kind === 'named') return <>{t(KIND_KEY[link.kind], lang)}</>;
  if (link.kind === 'group') return <>{fill('linkGroup', lang, said.join('、'))}</>;
  const place = link.place ?? link.through;
  return (
    <>
      {t(KIND_KEY[link.kind], lang)} <PlaceLink zoneId={place} name={nameOf(place)} />
      {link.place ? ` ${fill('linkThrough', lang, said.join('、'))}` : null}
    </>
  );
}

export function TaskCard({ zt, lang, nameOf }: { zt: ZoneTask; lang: Lang; nameOf: NameOf }) {
  const { task } = zt;
  return (
    <article className="task-card" data-task-id={task.id} data-link-kind={zt.kind}>
      <header>
        <span className="task-id">{task.id}</span> <strong>{task.title}</strong>
      </header>
      <p className="task-where">
        {task.chapter} › {task.section}
      </p>
      {zt.kind === 'region' ? null : (
        <ul className="task-links" aria-label={t('linkHow', lang)}>
          {zt.links.map((l) => (
            <li key={`${l.kind}-${l.through}-${l.place ?? ''}`} data-link-kind={l.kind}>
              <LinkWords link={l} lang={lang} nameOf={nameOf} />
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('taskText', lang)}</summary>
        <p className="task-text">{highlighted(zt)}</p>
      </details>
    </article>
  );
}
