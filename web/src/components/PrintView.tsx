import { type ReactNode, useEffect } from 'react';
import { createPortal } from 'react-dom';
import type { Lang } from '../../../layers/types.ts';
import { t } from '../strings/index.ts';
import '../styles/print.css';

/** Printable pages open now (the body keeps its print class until the last one closes). */
let open = 0;

/**
 * A printable page over the app (the screening report, the zone brief): a print button (enabled once `ready`),
 * the page's own actions, a back button, then the page. While it is open, print CSS (styles/print.css) hides the
 * app so that the browser prints only the page. Escape closes it through the command registry.
 */
export function PrintView({
  className,
  label,
  ready,
  lang,
  onClose,
  actions,
  children,
}: {
  className: string;
  label: string;
  ready: boolean;
  lang: Lang;
  onClose(): void;
  actions?: ReactNode;
  children: ReactNode;
}) {
  useEffect(() => {
    open++;
    document.body.classList.add('printing');
    return () => {
      open--;
      if (open === 0) document.body.classList.remove('printing');
    };
  }, []);
  return createPortal(
    <article className={`print-view ${className}`} aria-label={label} data-ready={ready ? 'true' : 'false'}>
      <div className="print-actions">
        <button type="button" className="primary" disabled={!ready} onClick={() => window.print()}>
          {t('print', lang)}
        </button>
        {actions}
        <button type="button" onClick={onClose}>
          {t('back', lang)}
        </button>
      </div>
      {children}
    </article>,
    document.body,
  );
}
