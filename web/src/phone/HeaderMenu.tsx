import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';

/**
 * The header's buttons. On wider screens they sit in the header as they are (the menu box is `display:
 * contents`, its button hidden); on a phone (styles/phone.css) the 菜单 button opens them as a list under the
 * header, and a press on one of them, Escape (focus back on 菜单) or a tap elsewhere closes it.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const lang = useAppStore((s) => s.lang);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!box.current?.contains(target) && !toggle.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  return (
    <>
      <button
        ref={toggle}
        type="button"
        className="header-menu-toggle"
        aria-expanded={open}
        aria-controls="header-menu"
        onClick={() => setOpen(!open)}
      >
        <span className="header-menu-icon" aria-hidden="true" />
        {t('menu', lang)}
        <span className="visually-hidden"> {t('menuLabel', lang)}</span>
      </button>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape and presses bubble up from the buttons inside */}
      <div
        ref={box}
        id="header-menu"
        className="header-menu"
        data-open={open}
        onClick={(e) => {
          if ((e.target as Element).closest('button')) setOpen(false);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !open) return;
          // the menu takes this Escape: the app's own Escape (clear the selection…) is not run as well
          e.preventDefault();
          setOpen(false);
          toggle.current?.focus();
        }}
      >
        {children}
      </div>
    </>
  );
}
