import type { Lang } from '../../../layers/types.ts';
import type { ImportMessage } from '../../domain/importers/types.ts';

/** Import messages as plain text (file names and values from files are never markup). */
export function MessageList({ items, lang, label }: { items: ImportMessage[]; lang: Lang; label: string }) {
  if (items.length === 0) return null;
  return (
    <ul className="screening-messages" aria-label={label}>
      {items.slice(0, 50).map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
        <li key={`${m.code}-${i}`} className={`msg-${m.severity}`} data-code={m.code}>
          {m[lang]}
        </li>
      ))}
      {items.length > 50 ? <li>… +{items.length - 50}</li> : null}
    </ul>
  );
}
