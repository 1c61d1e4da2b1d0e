import type { Lang } from '../../../layers/types.ts';

/** A message made with its data (importer, layer check): its own text names the file and the place. */
export interface ShownMessage {
  code: string;
  severity: 'error' | 'warning' | 'info';
  zh: string;
  en: string;
}

const MAX_SHOWN = 50;

/**
 * Messages about the user's files and layers, one rule wherever they are shown (boundary upload, layer
 * replacement, a refused layer): each message's own text in the current language, as plain text (file names and
 * values from files are never markup), the first 50 and a count of the rest.
 */
export function MessageList({
  items,
  lang,
  label,
  className = 'import-messages',
}: {
  items: readonly ShownMessage[];
  lang: Lang;
  label: string;
  /** where it sits (styling only) */
  className?: string;
}) {
  if (items.length === 0) return null;
  return (
    <ul className={`messages ${className}`} aria-label={label}>
      {items.slice(0, MAX_SHOWN).map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
        <li key={`${m.code}-${i}`} className={`msg-${m.severity}`} data-code={m.code}>
          {m[lang]}
        </li>
      ))}
      {items.length > MAX_SHOWN ? <li>… +{items.length - MAX_SHOWN}</li> : null}
    </ul>
  );
}
