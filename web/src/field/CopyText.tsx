import { useRef, useState } from 'react';
import type { Lang } from '../../../layers/types.ts';
import { t } from '../strings/index.ts';

/**
 * A position as text with a copy button: the clipboard when the browser allows it ("已复制" shown), else the text
 * is selected for the user to copy, and the card says so.
 */
export function CopyText({
  text,
  label,
  lang,
  name,
}: {
  text: string;
  label: string;
  lang: Lang;
  name: string;
}) {
  const field = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'refused'>('idle');
  const select = () => {
    field.current?.focus();
    field.current?.select();
  };
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      select();
      setState('refused');
    }
  };
  return (
    <div className="position-copy" data-copy={name}>
      <input ref={field} readOnly value={text} aria-label={label} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" onClick={() => void copy()}>
        {label}
      </button>
      <span className="position-copied" role="status">
        {state === 'copied' ? t('posCopied', lang) : state === 'refused' ? t('posCopyRefused', lang) : ''}
      </span>
    </div>
  );
}
