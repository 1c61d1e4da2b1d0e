import type { Lang } from '../../../layers/types.ts';
import { type LinkLine, linkLines, type ZoneTask } from '../../domain/plan/zone-tasks.ts';
import { type StringKey, t } from '../strings/index.ts';
import { linkKindLabel } from '../strings/plan-labels.ts';
import { MarkedText } from './MarkedText.tsx';
import { PlaceLink } from './PlaceLink.tsx';

export type NameOf = (zoneId: string) => string;

const fill = (key: StringKey, lang: Lang, via: string) => t(key, lang).replace('{via}', () => via);

/**
 * The links of one kind in words, on one line (domain linkLines): 直接点名 / 经由合称“一湖两海” / 区内地点
 * 腾格里沙漠、阿拉善右旗 (each place a link; a place reached through a group says through which words).
 */
function KindLine({ line, lang, nameOf }: { line: LinkLine; lang: Lang; nameOf: NameOf }) {
  const { kind } = line;
  if (kind === 'region' || kind === 'named') return <>{linkKindLabel(kind, lang)}</>;
  if (kind === 'group') return <>{fill('linkGroup', lang, line.words.join('、'))}</>;
  return (
    <>
      {linkKindLabel(kind, lang)}{' '}
      {line.places.map((p, i) => (
        <span key={p.zoneId}>
          {i > 0 ? t('placeSeparator', lang) : null}
          <PlaceLink zoneId={p.zoneId} name={nameOf(p.zoneId)} />
          {p.via.length > 0 ? fill('linkThrough', lang, p.via.join('、')) : null}
        </span>
      ))}
    </>
  );
}

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
          {linkLines(zt).map((line) => (
            <li key={line.kind} data-link-kind={line.kind}>
              <KindLine line={line} lang={lang} nameOf={nameOf} />
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('taskText', lang)}</summary>
        <p className="task-text" lang="zh-CN">
          <MarkedText zt={zt} />
        </p>
      </details>
    </article>
  );
}
