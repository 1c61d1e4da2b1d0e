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

/** The words as the text has them, without their quotes (the phrase quotes them): 黄河几字弯. */
const saidOf = (link: TaskLink) =>
  link.mentions.map((m) => m.text.replace(/[“”‘’"]/g, '')).filter((x, i, all) => all.indexOf(x) === i);

/**
 * The links of one kind in words, on one line: 直接点名 / 经由合称“一湖两海” / 区内地点 腾格里沙漠、阿拉善右旗 (each
 * place a link; a place reached through a group says so, once, unless the text also names it).
 */
function KindLine({
  kind,
  links,
  lang,
  nameOf,
}: {
  kind: LinkKind;
  links: TaskLink[];
  lang: Lang;
  nameOf: NameOf;
}) {
  if (kind === 'region' || kind === 'named') return <>{t(KIND_KEY[kind], lang)}</>;
  if (kind === 'group') return <>{fill('linkGroup', lang, links.flatMap(saidOf).join('、'))}</>;
  const places = new Map<string, TaskLink>();
  for (const l of links) {
    const place = l.place ?? l.through;
    const prev = places.get(place);
    if (!prev || (prev.place && !l.place)) places.set(place, l);
  }
  return (
    <>
      {t(KIND_KEY[kind], lang)}{' '}
      {[...places].map(([place, l], i) => (
        <span key={place}>
          {i > 0 ? t('placeSeparator', lang) : null}
          <PlaceLink zoneId={place} name={nameOf(place)} />
          {l.place ? fill('linkThrough', lang, saidOf(l).join('、')) : null}
        </span>
      ))}
    </>
  );
}

const KINDS: LinkKind[] = ['region', 'named', 'group', 'inside', 'crosses'];

export function TaskCard({ zt, lang, nameOf }: { zt: ZoneTask; lang: Lang; nameOf: NameOf }) {
  const { task } = zt;
  const en = lang === 'en';
  return (
    <article className="task-card" data-task-id={task.id} data-link-kind={zt.kind}>
      <header>
        <span className="task-id">{task.id}</span>{' '}
        <strong className="task-title">{en ? (task.titleEn ?? task.title) : task.title}</strong>
      </header>
      <p className="task-where">
        {en ? (task.chapterEn ?? task.chapter) : task.chapter} ›{' '}
        {en ? (task.sectionEn ?? task.section) : task.section}
      </p>
      {zt.kind === 'region' ? null : (
        <ul className="task-links" aria-label={t('linkHow', lang)}>
          {KINDS.map((kind) => {
            const links = zt.links.filter((l) => l.kind === kind);
            return links.length > 0 ? (
              <li key={kind} data-link-kind={kind}>
                <KindLine kind={kind} links={links} lang={lang} nameOf={nameOf} />
              </li>
            ) : null;
          })}
        </ul>
      )}
      <details>
        <summary>{t('taskText', lang)}</summary>
        <p className="task-text" lang="zh-CN">
          {highlighted(zt)}
        </p>
      </details>
    </article>
  );
}
