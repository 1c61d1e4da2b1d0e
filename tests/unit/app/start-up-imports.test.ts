// What the page imports before its first map idle stays small (npm run bench: JS before first idle ≤ 300 kB gzip).
// The static imports reachable from web/src/main.tsx and from the map's module it imports at once
// (app/boot-map.ts) — not `import type`, not other `import()`s — are the start-up bundle's modules. The string
// catalogue (strings/index.ts, every area's strings) is not among them: it loads with the panels, after the first
// idle (a map-controller import of a strings helper once put its 25 kB gzip into the start-up bundle). The boot
// reads the small areas it shows itself: app and honesty, and start for a module that fails (app/start-failure.ts).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

/** Relative module paths a file imports for its values (type-only imports and import() left out). */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] as string);
  return out;
}

function startUpModules(...entries: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(ts|tsx)$/.test(file)) continue;
    for (const spec of valueImports(file)) {
      const path = resolve(dirname(file), spec.replace(/\?.*$/, ''));
      if (existsSync(path)) stack.push(path);
    }
  }
  return new Set([...seen].map((f) => relative(ROOT, f)));
}

describe('start-up imports', () => {
  // main.tsx imports the map's module (and with it maplibre) with import(), once it has started the screening worker
  const main = startUpModules(join(ROOT, 'web/src/main.tsx'));
  const modules = startUpModules(join(ROOT, 'web/src/main.tsx'), join(ROOT, 'web/src/app/boot-map.ts'));

  it('start the screening worker before the map’s code is there', () => {
    expect(main.has('web/src/screening/screening-worker-start.ts')).toBe(true);
    expect(main.has('web/src/app/boot-map.ts')).toBe(false);
    expect(main.has('web/src/map/map-controller.ts')).toBe(false);
    expect(readFileSync(join(ROOT, 'web/src/main.tsx'), 'utf8')).toContain("import('./app/boot-map.ts')");
  });

  it('are found (the walk reaches the map and the store)', () => {
    expect(modules.has('web/src/map/map-controller.ts')).toBe(true);
    expect(modules.has('web/src/store/store.ts')).toBe(true);
    expect(modules.size).toBeGreaterThan(30);
  });

  it('leave out the string catalogue and the panels', () => {
    const late = [...modules].filter(
      (m) =>
        (m.startsWith('web/src/strings/') && !['app.ts', 'honesty.ts', 'start.ts'].includes(m.slice(16))) ||
        /Panel\.tsx$/.test(m),
    );
    expect(late).toEqual([]);
  });
});
