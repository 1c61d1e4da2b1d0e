import { useEffect, useRef } from 'react';
import type { Lang } from '../../../layers/types.ts';
import type { Tour } from '../../domain/tour/schema.ts';
import { runCommand } from '../commands/registry.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { fill } from '../strings/indicator-labels.ts';
import { showChapter } from './tour-actions.ts';
import { words } from './words.ts';

/**
 * Where the presentation is: chapter n of N, every chapter as a step (its title as its name), previous and next.
 * Where the steps scroll sideways (a phone, styles/tour.css), the current one is scrolled into the middle.
 */
export function TourProgress({ tour, index, lang }: { tour: Tour; index: number; lang: Lang }) {
  const total = tour.chapters.length;
  const steps = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const list = steps.current;
    const step = list?.children[index];
    if (!list || !(step instanceof HTMLElement) || list.scrollWidth <= list.clientWidth) return;
    list.scrollLeft = step.offsetLeft - list.offsetLeft - (list.clientWidth - step.offsetWidth) / 2;
  }, [index]);
  return (
    <nav className="tour-progress" aria-label={t('tourProgress', lang)}>
      <button
        type="button"
        className="tour-step-button"
        disabled={index === 0}
        title={t('cmdTourPrev', lang)}
        onClick={() => runCommand('tour.prev')}
      >
        <span aria-hidden="true">‹</span>
        <span className="visually-hidden">{t('cmdTourPrev', lang)}</span>
      </button>
      <p className="tour-count" aria-live="polite">
        <span aria-hidden="true">
          {index + 1} / {total}
        </span>
        <span className="visually-hidden">{fill('tourChapterOf', lang, { n: index + 1, total })}</span>
      </p>
      <ol ref={steps} className="tour-steps">
        {tour.chapters.map((c, i) => {
          const name = fill('tourGoTo', lang, { n: i + 1, title: words(c.title, lang) });
          return (
            <li key={c.id}>
              <button
                type="button"
                className="tour-step"
                aria-current={i === index ? 'step' : undefined}
                aria-label={name}
                title={name}
                onClick={() => showChapter(useAppStore, i)}
              />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="tour-step-button"
        disabled={index === total - 1}
        title={t('cmdTourNext', lang)}
        onClick={() => runCommand('tour.next')}
      >
        <span aria-hidden="true">›</span>
        <span className="visually-hidden">{t('cmdTourNext', lang)}</span>
      </button>
    </nav>
  );
}
