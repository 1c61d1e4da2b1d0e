import { existsSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Debian Chromium with software WebGL, no background networking. Fails loudly when Chromium is missing.
 * `context` adds to or replaces the context's options (a phone's viewport, touch, …). The profile lives in a fresh
 * folder under the system's temporary folder, removed when the context closes (a bench's profile holds stored
 * layers of hundreds of MB).
 */
export async function launchChromium(context: BrowserContextOptions = {}): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk (or set CHROMIUM_PATH).`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'e2e-chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
    ],
    viewport: { width: 1280, height: 800 },
    ...context,
  });
  // Chromium's helpers may still be writing to it for a moment after the close
  ctx.on(
    'close',
    () => void rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => {}),
  );
  return ctx;
}
