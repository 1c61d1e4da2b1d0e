import { layerBadge } from '../../../layers/badge.ts';
import { LAYERS } from '../../../layers/registry.ts';
import { THEME } from '../../../layers/theme.ts';
import type { Lang, LayerDef, LegendSwatch } from '../../../layers/types.ts';
import { type PngFont, type PngLayout, pngFileName, pngLayout } from '../../domain/tour/png-layout.ts';
import { chapterLegendIds } from '../../domain/tour/present.ts';
import { mapPort } from '../map/map-port.ts';
import { onlineBasemapFromEnv } from '../map/online-basemap.ts';
import type { AppState, AppStore } from '../store/store.ts';
import { currentChapter } from '../store/tour-slice.ts';
import { badgeLabel, nameWithBadge, t } from '../strings/index.ts';
import { words } from './words.ts';

/** The exported picture's size in pixels: a 16:9 slide, the projector's screen. */
export const PNG_SIZE = { width: 1920, height: 1080 } as const;

const LAYER_IDS = LAYERS.map((l) => l.id);
const BY_ID = new Map(LAYERS.map((l) => [l.id, l]));
const FONT_FAMILY = THEME.fonts.map((f) => (f.includes(' ') ? `"${f}"` : f)).join(', ');
const cssFont = (f: PngFont) => `${f.bold ? 'bold ' : ''}${f.size}px ${FONT_FAMILY}`;

/** The layers on screen, in the legend's order: a chapter's own while presenting, else the visible ones. */
export function shownLayers(s: AppState): LayerDef[] {
  const chapter = currentChapter(s);
  const ids = chapter
    ? chapterLegendIds(chapter, LAYER_IDS)
    : [...LAYER_IDS].reverse().filter((id) => s.visible[id]);
  return ids.flatMap((id) => BY_ID.get(id) ?? []);
}

/**
 * The attributions of the layers shown, as the map's attribution control lists them (each source's attribution,
 * the user's file name for a replaced layer, the online basemap's when one is on), without repeats.
 */
export function shownAttributions(
  userLayers: AppState['userLayers'],
  shown: LayerDef[],
  lang: Lang,
): string[] {
  const online = onlineBasemapFromEnv(import.meta.env);
  return [
    ...new Set([
      ...shown.flatMap((l) => {
        const own = userLayers[l.id];
        return own ? [nameWithBadge(own.fileName, 'user', lang)] : l.sources.map((src) => src.attribution);
      }),
      ...(online ? [online.attribution] : []),
    ]),
  ];
}

/** What the picture says: the chapter's title and caption while presenting, else the selected zone or the app. */
function captionOf(s: AppState, lang: Lang): { title: string; caption: string | null; subject: string } {
  const chapter = currentChapter(s);
  if (chapter)
    return { title: words(chapter.title, lang), caption: words(chapter.caption, lang), subject: chapter.id };
  const zone = s.selectedZone;
  if (zone)
    return { title: (lang === 'en' && zone.en) || zone.zh || zone.id, caption: null, subject: zone.id };
  return { title: t('title', lang), caption: null, subject: 'map' };
}

function drawSwatch(
  ctx: CanvasRenderingContext2D,
  sw: LegendSwatch,
  schematic: boolean,
  b: PngLayout['legendRows'][number]['swatch'],
) {
  ctx.save();
  ctx.setLineDash(schematic ? [6, 4] : []);
  if (sw.kind === 'line') {
    ctx.strokeStyle = sw.color;
    ctx.lineWidth = 4;
    ctx.beginPath();
    ctx.moveTo(b.x, b.y + b.height / 2);
    ctx.lineTo(b.x + b.width, b.y + b.height / 2);
    ctx.stroke();
  } else if (sw.kind === 'point') {
    const r = b.height / 2;
    ctx.fillStyle = sw.color;
    ctx.strokeStyle = sw.outline ?? sw.color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(b.x + b.width / 2, b.y + r, r, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  } else {
    ctx.fillStyle = sw.color;
    ctx.fillRect(b.x, b.y, b.width, b.height);
    ctx.strokeStyle = sw.outline ?? sw.color;
    ctx.lineWidth = 2;
    ctx.strokeRect(b.x + 1, b.y + 1, b.width - 2, b.height - 2);
  }
  ctx.restore();
}

const TEXT_COLOUR: Record<string, string> = {
  title: '#111111',
  caption: '#222222',
  legendHeading: '#111111',
  legend: '#222222',
  notice: '#a4452c',
  attribution: '#333333',
};
/** the app's badge colours (styles/badges.css): 示意 in the schematic red-brown, 用户数据 in blue */
const BADGE_COLOUR = { schematic: '#a4452c', user: '#1b6e9e' } as const;

/** Draws the picture: the map, then the panel (caption, legend, notice) and the attribution strip over it. */
export async function composePng(
  s: AppState,
  map: { dataUrl: string },
): Promise<{ canvas: HTMLCanvasElement; subject: string }> {
  const { lang } = s;
  const canvas = document.createElement('canvas');
  canvas.width = PNG_SIZE.width;
  canvas.height = PNG_SIZE.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  const image = new Image();
  image.src = map.dataUrl;
  await image.decode();
  ctx.fillStyle = THEME.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);

  const shown = shownLayers(s);
  const badges = shown.map((l) => layerBadge(l, s.userLayers));
  const { title, caption, subject } = captionOf(s, lang);
  const measure = (text: string, f: PngFont) => {
    ctx.font = cssFont(f);
    return ctx.measureText(text).width;
  };
  const layout = pngLayout({
    ...PNG_SIZE,
    title,
    caption,
    legendHeading: t('tourLegend', lang),
    legend: shown.map((l, i) => ({ name: l.name[lang], badge: badgeLabel(badges[i] ?? null, lang) || null })),
    notice: badges.includes('schematic') ? t('schematicLayerNote', lang) : null,
    attribution: shownAttributions(s.userLayers, shown, lang),
    measure,
  });

  ctx.fillStyle = 'rgba(255, 255, 255, 0.94)';
  ctx.fillRect(layout.panel.x, layout.panel.y, layout.panel.width, layout.panel.height);
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.25)';
  ctx.lineWidth = 1;
  ctx.strokeRect(layout.panel.x + 0.5, layout.panel.y + 0.5, layout.panel.width - 1, layout.panel.height - 1);
  if (layout.attributionBox) {
    const a = layout.attributionBox;
    ctx.fillStyle = 'rgba(255, 255, 255, 0.88)';
    ctx.fillRect(a.x, a.y, a.width, a.height);
  }
  layout.legendRows.forEach((row) => {
    const def = shown[row.index];
    if (def) drawSwatch(ctx, def.legend, badges[row.index] === 'schematic', row.swatch);
    if (row.badge) {
      const colour = BADGE_COLOUR[badges[row.index] === 'user' ? 'user' : 'schematic'];
      ctx.save();
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1.5;
      ctx.setLineDash(badges[row.index] === 'schematic' ? [4, 3] : []);
      ctx.strokeRect(row.badge.x, row.badge.y, row.badge.width, row.badge.height);
      ctx.restore();
    }
  });
  ctx.textBaseline = 'top';
  for (const line of layout.lines) {
    ctx.font = cssFont(line.font);
    ctx.fillStyle =
      line.role === 'badge'
        ? BADGE_COLOUR[badges[line.row ?? -1] === 'user' ? 'user' : 'schematic']
        : (TEXT_COLOUR[line.role] ?? '#222222');
    ctx.fillText(line.text, line.x, line.y);
  }
  return { canvas, subject };
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Exports the view as a 1920×1080 PNG: the map captured at that size (at a chapter's camera while presenting), with
 * the caption, the legend of the layers shown, their attributions and the 示意 notice drawn over it; then offers it
 * as a download. The store's tourPng says working, done or failed (why).
 */
export async function exportPng(store: AppStore): Promise<void> {
  if (store.getState().tourPng.status === 'working') return;
  store.setState({ tourPng: { status: 'working' } });
  try {
    const chapter = currentChapter(store.getState());
    const snap = await mapPort.snapshot(null, { size: PNG_SIZE, camera: chapter?.camera });
    const s = store.getState();
    const { canvas, subject } = await composePng(s, snap);
    const blob = await new Promise<Blob>((ok, fail) =>
      canvas.toBlob((b) => (b ? ok(b) : fail(new Error('toBlob gave nothing'))), 'image/png'),
    );
    const fileName = pngFileName(subject, new Date());
    saveBlob(blob, fileName);
    store.setState({ tourPng: { status: 'done', fileName } });
  } catch (e) {
    store.setState({ tourPng: { status: 'failed', message: e instanceof Error ? e.message : String(e) } });
  }
}
