import { THEME } from '../../layers/theme.ts';
import { ICON_BACKGROUND } from './app-icon.ts';

/** The icons the manifest declares: file, pixel size (0 for the scalable SVG). */
export const ICONS = [
  { file: 'icons/icon-192.png', size: 192 },
  { file: 'icons/icon-512.png', size: 512 },
] as const;
export const ICON_SVG = 'icons/icon.svg';
export const MANIFEST_FILE = 'manifest.webmanifest';

/** The web app manifest: installable, starting at the app's own page, in the app's colours. */
export function webManifest(): Record<string, unknown> {
  return {
    name: '北疆生态屏障一张图',
    short_name: '北疆一张图',
    description:
      '全面推进美丽内蒙古建设筑牢我国北方重要生态安全屏障规划纲要(2025—2035年)的空间一张图 · Eco Barrier Map',
    lang: 'zh-CN',
    dir: 'ltr',
    id: './',
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: ICON_BACKGROUND,
    background_color: THEME.region.fill,
    icons: [
      ...ICONS.flatMap((i) =>
        (['any', 'maskable'] as const).map((purpose) => ({
          src: i.file,
          sizes: `${i.size}x${i.size}`,
          type: 'image/png',
          purpose,
        })),
      ),
      { src: ICON_SVG, sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
}
