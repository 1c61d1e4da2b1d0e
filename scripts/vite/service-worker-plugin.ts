/**
 * Installable and offline (docs/architecture.md, "Offline and install"): at build, the web app manifest and its
 * icons (drawn by app-icon.ts) are emitted and linked from the app page, and once every file is written, sw.js is
 * written at the build's root with the precache of the files the app page can fetch (precache.ts) and the worker
 * web/src/offline/sw.ts (type-checked with the app, stripped of its types here). The dev server serves the
 * manifest and icons but no service worker (its modules change under it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Plugin, transformWithOxc } from 'vite';
import { iconPng, iconSvg } from './app-icon.ts';
import { type BuiltFile, precacheOf, serviceWorkerScript } from './precache.ts';
import { ICON_SVG, ICONS, MANIFEST_FILE, webManifest } from './web-manifest.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
export const SW_SOURCE = join(ROOT, 'web', 'src', 'offline', 'sw.ts');
export const SW_FILE = 'sw.js';

/** The worker's code as a classic script: its types stripped, the module marker dropped. */
export async function serviceWorkerCode(): Promise<string> {
  const out = await transformWithOxc(readFileSync(SW_SOURCE, 'utf8'), SW_SOURCE, { lang: 'ts' });
  const code = out.code.replace(/^export \{\s*\};?\s*$/m, '');
  if (/^\s*(import|export)\b/m.test(code)) throw new Error(`${SW_SOURCE} must import and export nothing`);
  return code;
}

/** The files the app's installation needs besides the build's: manifest and icons. */
export function installFiles(): BuiltFile[] {
  return [
    { fileName: MANIFEST_FILE, content: `${JSON.stringify(webManifest(), null, 2)}\n` },
    { fileName: ICON_SVG, content: iconSvg() },
    ...ICONS.map((i) => ({ fileName: i.file, content: new Uint8Array(iconPng(i.size)) })),
  ];
}

const TYPES: Record<string, string> = {
  webmanifest: 'application/manifest+json',
  png: 'image/png',
  svg: 'image/svg+xml',
};

const isApp = (path: string) => path === '/index.html' || path === '/';

export function serviceWorkerPlugin(): Plugin {
  let install: BuiltFile[] | null = null;
  const files = () => {
    install ??= installFiles();
    return install;
  };
  let label = '';
  return {
    name: 'eco-barrier-map:service-worker',
    configResolved() {
      label = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!isApp(ctx.path)) return html; // the bench pages are not the app
        const png = ICONS[0].file;
        return {
          html: html.replace(
            /<link rel="icon" href="data:," \/>/,
            `<link rel="icon" href="./${ICON_SVG}" />`,
          ),
          tags: [
            { tag: 'link', attrs: { rel: 'manifest', href: `./${MANIFEST_FILE}` }, injectTo: 'head' },
            {
              tag: 'meta',
              attrs: { name: 'theme-color', content: webManifest().theme_color as string },
              injectTo: 'head',
            },
            { tag: 'link', attrs: { rel: 'apple-touch-icon', href: `./${png}` }, injectTo: 'head' },
          ],
        };
      },
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\//, '');
        const file = files().find((f) => f.fileName === path);
        if (!file) return next();
        res.setHeader('content-type', TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream');
        res.end(file.content);
      });
    },
    generateBundle() {
      for (const f of files()) this.emitFile({ type: 'asset', fileName: f.fileName, source: f.content });
    },
    async writeBundle(options, bundle) {
      const dir = options.dir;
      if (!dir) throw new Error('the service worker needs the build folder (output.dir)');
      const built: BuiltFile[] = Object.values(bundle).map((o) => ({
        fileName: o.fileName,
        content: o.type === 'chunk' ? o.code : o.source,
      }));
      const code = await serviceWorkerCode();
      const precache = precacheOf(built, code, { label });
      writeFileSync(join(dir, SW_FILE), serviceWorkerScript(precache, code));
    },
  };
}
