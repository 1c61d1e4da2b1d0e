import type { ChapterMove } from '../../domain/tour/navigation.ts';
import { isEnabled, type KeyedCommand } from '../../domain/ui/keys.ts';
import { type MapPort, mapPort } from '../map/map-port.ts';
import type { DrawMode } from '../screening/screening-slice.ts';
import { searchPort } from '../search/search-port.ts';
import { type AppState, type AppStore, briefOpen, useAppStore } from '../store/store.ts';
import { presenting } from '../store/tour-slice.ts';
import type { StringKey } from '../strings/index.ts';
import { leaveTour, presentTour, stepTour } from '../tour/tour-actions.ts';

export interface CommandContext {
  store: AppStore;
  map: MapPort;
}

export interface Command extends KeyedCommand<AppState> {
  id: string;
  /** its name in the string catalogue (web/src/strings/) */
  label: StringKey;
  run(ctx: CommandContext): void;
}

const drawing = (s: AppState) => s.drawMode !== 'off';

const drawTool = (mode: Exclude<DrawMode, 'off'>, label: StringKey): Command => ({
  id: `draw.${mode}`,
  label,
  run: ({ store }) => store.getState().setDrawMode(store.getState().drawMode === mode ? 'off' : mode),
});

const openView = (view: 'indicators' | 'tasks', label: StringKey): Command => ({
  id: `view.${view}`,
  label,
  run: ({ store }) => {
    const s = store.getState();
    if (s.view === view) {
      s.setView('map');
      return;
    }
    s.setScreeningOpen(false);
    s.setView(view);
  },
});

/** A presenter's key (what clickers send): enabled only while presenting, so the key does its usual job otherwise. */
const tourKey = <I extends string>(
  id: I,
  label: StringKey,
  keys: string[],
  move: ChapterMove,
): Command & { id: `tour.${I}` } => ({
  id: `tour.${id}`,
  label,
  keys,
  enabledWhen: presenting,
  run: ({ store }) => stepTour(store, move),
});

/**
 * Every command the app offers, for buttons, the keyboard (commands/keyboard.ts), and later the tour and the
 * command search. For a key, the first enabled command in this order runs (web/domain/ui/keys.ts), so the list
 * is ordered topmost first: a presentation over everything, then the report, the zone brief, the layer info dialog,
 * the drawing, the selection.
 */
export const COMMANDS = [
  // the handout lies over the presentation: Escape closes it first
  {
    id: 'tour.handout.close',
    label: 'cmdTourHandoutClose',
    keys: ['Escape'],
    inFields: true,
    enabledWhen: (s) => presenting(s) && s.tourHandout,
    run: ({ store }) => store.getState().setTourHandout(false),
  },
  // presenting hides everything else: its keys come first and win over other bindings of the same key
  {
    id: 'tour.leave',
    label: 'cmdTourLeave',
    keys: ['Escape'],
    inFields: true,
    enabledWhen: presenting,
    run: ({ store }) => leaveTour(store),
  },
  tourKey('next', 'cmdTourNext', ['ArrowRight', 'PageDown'], 'next'),
  tourKey('prev', 'cmdTourPrev', ['ArrowLeft', 'PageUp'], 'prev'),
  tourKey('first', 'cmdTourFirst', ['Home'], 'first'),
  tourKey('last', 'cmdTourLast', ['End'], 'last'),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => tourKey(`go.${n}`, 'cmdTourJump', [String(n)], { number: n })),
  {
    id: 'report.close',
    label: 'cmdCloseReport',
    keys: ['Escape'],
    inFields: true,
    enabledWhen: (s) => s.reportOpen,
    run: ({ store }) => store.getState().setReportOpen(false),
  },
  {
    id: 'zone.brief.close',
    label: 'cmdCloseBrief',
    keys: ['Escape'],
    inFields: true,
    enabledWhen: briefOpen,
    run: ({ store }) => store.getState().setBriefZone(null),
  },
  {
    id: 'layerInfo.close',
    label: 'cmdCloseLayerInfo',
    keys: ['Escape'],
    inFields: true,
    enabledWhen: (s) => s.infoLayerId !== null,
    run: ({ store }) => store.getState().showInfo(null),
  },
  {
    id: 'draw.cancelOutline',
    label: 'cmdCancelOutline',
    keys: ['Escape'],
    enabledWhen: (s) => drawing(s) && s.drawHistory.drawing,
    run: ({ map }) => map.cancelOutline(),
  },
  {
    id: 'draw.stop',
    label: 'stopDrawing',
    keys: ['Escape'],
    enabledWhen: drawing,
    run: ({ store }) => store.getState().setDrawMode('off'),
  },
  {
    id: 'zone.clearSelection',
    label: 'clear',
    keys: ['Escape'],
    enabledWhen: (s) => s.selectedZoneId !== null,
    run: ({ store }) => store.getState().selectZone(null),
  },
  {
    id: 'view.close',
    label: 'cmdCloseView',
    keys: ['Escape'],
    enabledWhen: (s) => s.view !== 'map',
    run: ({ store }) => store.getState().setView('map'),
  },
  {
    id: 'draw.undo',
    label: 'undo',
    keys: ['Mod+z'],
    enabledWhen: (s) => drawing(s) && s.drawHistory.canUndo,
    run: ({ map }) => map.undoDrawing(),
  },
  {
    id: 'draw.redo',
    label: 'redo',
    keys: ['Mod+Shift+z', 'Mod+y'],
    enabledWhen: (s) => drawing(s) && s.drawHistory.canRedo,
    run: ({ map }) => map.redoDrawing(),
  },
  {
    id: 'draw.deleteSelected',
    label: 'deleteShape',
    keys: ['Delete', 'Backspace'],
    enabledWhen: (s) => drawing(s) && s.drawHistory.selected,
    run: ({ map }) => map.deleteSelectedOutline(),
  },
  drawTool('polygon', 'polygon'),
  drawTool('rectangle', 'rectangle'),
  drawTool('select', 'edit'),
  {
    id: 'screening.toggle',
    label: 'screening',
    run: ({ store }) => {
      const open = !store.getState().screeningOpen;
      // the screening panel and a plan view share the map's side: one at a time (styles/layout.css)
      if (open) store.getState().setView('map');
      store.getState().setScreeningOpen(open);
    },
  },
  {
    id: 'field.locate',
    label: 'cmdLocate',
    // pressed again while locating: a new request (the earlier answer is dropped); loaded on first use
    run: ({ store }) => void import('../field/locate.ts').then((m) => m.locate(store)),
  },
  openView('indicators', 'viewIndicators'),
  openView('tasks', 'viewTasks'),
  {
    id: 'report.open',
    label: 'report',
    enabledWhen: (s) => s.screeningRun.status === 'done' && s.screeningRun.result !== null,
    run: ({ store }) => store.getState().setReportOpen(true),
  },
  {
    id: 'zone.brief',
    label: 'zoneBrief',
    enabledWhen: (s) => s.selectedZoneId !== null,
    run: ({ store }) => store.getState().setBriefZone(store.getState().selectedZoneId),
  },
  {
    id: 'tour.start',
    label: 'tourPresent',
    enabledWhen: (s) => !presenting(s),
    run: ({ store }) => void presentTour(store, 'default', null),
  },
  {
    id: 'tour.png',
    label: 'cmdTourExportPng',
    enabledWhen: (s) => s.tourPng.status !== 'working',
    // loaded on first use: the export is off the app's start
    run: ({ store }) => void import('../tour/png-export.ts').then((m) => m.exportPng(store)),
  },
  {
    id: 'tour.handout',
    label: 'cmdTourHandout',
    enabledWhen: (s) => presenting(s) && s.tourLoad?.status === 'ready',
    run: ({ store }) => store.getState().setTourHandout(true),
  },
  {
    id: 'tour.contrast',
    label: 'cmdTourContrast',
    enabledWhen: presenting,
    run: ({ store }) => store.getState().setTourHighContrast(!store.getState().tourHighContrast),
  },
  {
    id: 'lang.toggle',
    label: 'cmdLanguage',
    run: ({ store }) => store.getState().setLang(store.getState().lang === 'zh' ? 'en' : 'zh'),
  },
  {
    id: 'search.focus',
    label: 'searchZones',
    keys: ['/', 'Mod+k'],
    // not behind the report or the layer information, which cover the legend
    enabledWhen: (s) => !s.reportOpen && s.infoLayerId === null,
    run: () => searchPort.focus(),
  },
] as const satisfies readonly Command[];

export type CommandId = (typeof COMMANDS)[number]['id'];

const byId = new Map<string, Command>(COMMANDS.map((c) => [c.id, c]));

export function commandById(id: CommandId): Command {
  const c = byId.get(id);
  if (!c) throw new Error(`no command ${id}`);
  return c;
}

export const defaultContext = (): CommandContext => ({ store: useAppStore, map: mapPort });

/** Runs a command if it is enabled now; returns whether it ran. */
export function runCommand(id: CommandId, ctx: CommandContext = defaultContext()): boolean {
  const c = commandById(id);
  if (!isEnabled(c, ctx.store.getState())) return false;
  c.run(ctx);
  return true;
}
