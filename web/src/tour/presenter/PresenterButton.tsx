import { useState } from 'react';
import type { Lang } from '../../../../layers/types.ts';
import { useAppStore } from '../../store/store.ts';
import { currentChapter } from '../../store/tour-slice.ts';
import { t } from '../../strings/index.ts';

/** The presenter view's address: this app with the tour, the chapter shown, the language and `presenter=1`. */
function presenterUrl(tourId: string, chapterId: string | null, lang: Lang): string {
  const q = new URLSearchParams({ tour: tourId });
  if (chapterId) q.set('chapter', chapterId);
  if (lang === 'en') q.set('lang', 'en');
  q.set('presenter', '1');
  return `${location.origin}${location.pathname}?${q}`;
}

/** Opens the presenter view in a second window sized for a laptop screen; says so when the browser blocks it. */
export function PresenterButton({ lang }: { lang: Lang }) {
  const tourId = useAppStore((s) => s.tourId);
  const chapterId = useAppStore((s) => currentChapter(s)?.id ?? null);
  const [blocked, setBlocked] = useState<string | null>(null);
  if (tourId === null) return null;
  const open = () => {
    const url = presenterUrl(tourId, chapterId, lang);
    const win = window.open(url, 'eco-barrier-presenter', 'popup,width=1280,height=800');
    setBlocked(win ? null : url);
  };
  return (
    <>
      <button type="button" className="presenter-open" title={t('presenterOpenHint', lang)} onClick={open}>
        {t('presenterOpen', lang)}
      </button>
      {blocked ? (
        <p className="presenter-blocked" role="alert">
          {t('presenterBlocked', lang)}{' '}
          <a href={blocked} target="_blank" rel="noreferrer">
            {blocked}
          </a>
        </p>
      ) : null}
    </>
  );
}
