import { type MouseEvent, type PointerEvent, useEffect, useRef } from 'react';
import { dragSteps } from '../../domain/ui/sheet.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { SHEET_PANELS, type SheetPanel, sheet, useSheet } from './sheet-store.ts';

const KEYS = new Set<string>(SHEET_PANELS.map((p) => p.key));

/** The panels of SHEET_PANELS among the main area's children, in page order. */
function panelsIn(main: Element): SheetPanel[] {
  const out: SheetPanel[] = [];
  for (const el of main.children) {
    for (const c of el.classList) if (KEYS.has(c)) out.push(c as SheetPanel);
  }
  return out;
}

/**
 * The bar on top of the phone layout's bottom sheet (hidden on wider screens, styles/phone.css): the handle that
 * opens and closes the sheet (a press, ↑/↓, or a drag up or down), the full/half button, and a button for each
 * open panel. It follows which panels are in the main area, so a panel that appears is shown, and brings an open
 * one forward when it has news (sheet.ts).
 */
export function SheetBar() {
  const lang = useAppStore((s) => s.lang);
  const state = useSheet();
  const ref = useRef<HTMLDivElement>(null);
  const drag = useRef<{ id: number; y: number } | null>(null);
  // the last pointer gesture on the handle was a drag (reset by the next one and by its click)
  const dragEnded = useRef(false);

  useEffect(() => {
    const main = ref.current?.parentElement;
    if (!main) return;
    const look = () => sheet.panels(panelsIn(main));
    look();
    const watch = new MutationObserver(look);
    watch.observe(main, { childList: true });
    return () => watch.disconnect();
  }, []);

  // news in a panel already open brings it forward: another zone selected, another plan view, a new locate
  useEffect(() => {
    const offs = [
      useAppStore.subscribe(
        (s) => s.selectedZone?.id ?? null,
        (id) => id !== null && sheet.bring('zone-panel'),
      ),
      useAppStore.subscribe(
        (s) => s.view,
        (view) => view !== 'map' && sheet.bring('view-panel'),
      ),
      useAppStore.subscribe(
        (s) => s.field.status === 'locating',
        (locating) => locating && sheet.bring('position-card'),
      ),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, []);

  const down = (e: PointerEvent<HTMLButtonElement>) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    drag.current = { id: e.pointerId, y: e.clientY };
    dragEnded.current = false;
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const up = (e: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    drag.current = null;
    // a press is left to the click that follows (acting here would move the bar from under that click)
    const steps = dragSteps(e.clientY - d.y);
    if (steps === 0) return;
    dragEnded.current = true;
    sheet.step(steps);
  };
  const click = (e: MouseEvent<HTMLButtonElement>) => {
    // the click a mouse sends after a drag is not a press; a key's or AT's click (detail 0) always is
    const dragged = dragEnded.current;
    dragEnded.current = false;
    if (e.detail === 0 || !dragged) sheet.toggle();
  };

  const expanded = state.size !== 'collapsed';
  return (
    <div ref={ref} className="sheet-bar" data-size={state.size}>
      <button
        type="button"
        className="sheet-handle"
        aria-expanded={expanded}
        onPointerDown={down}
        onPointerUp={up}
        onPointerCancel={() => {
          drag.current = null;
        }}
        onClick={click}
        onKeyDown={(e) => {
          if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault();
            sheet.step(e.key === 'ArrowUp' ? 1 : -1);
          }
        }}
      >
        <span className="sheet-grip" aria-hidden="true" />
        {t(expanded ? 'sheetCollapse' : 'sheetExpand', lang)}
        <span className="visually-hidden">, {t('sheetHandleLabel', lang)}</span>
      </button>
      {/* biome-ignore lint/a11y/useSemanticElements: a row of buttons, not a form's fieldset */}
      <div className="sheet-tabs" role="group" aria-label={t('sheetPanels', lang)}>
        {SHEET_PANELS.filter((p) => state.open.includes(p.key)).map((p) => (
          <button
            key={p.key}
            type="button"
            data-panel={p.key}
            aria-pressed={expanded && state.tab === p.key}
            onClick={() => sheet.choose(p.key)}
          >
            {t(p.label, lang)}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="sheet-full"
        aria-pressed={state.size === 'full'}
        onClick={() => sheet.size(state.size === 'full' ? 'half' : 'full')}
      >
        {t('sheetFull', lang)}
      </button>
    </div>
  );
}
