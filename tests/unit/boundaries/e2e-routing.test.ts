/**
 * Browser tests replace a request's answer only through AppDriver.route, which refuses a context whose service
 * worker runs (page.route never sees a request the worker answers from its offline copy: the test would then
 * check the copy, not its own answer). This finds any other route call in tests/e2e.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const E2E = join(import.meta.dirname, '../../e2e');
const ROUTE_CALL = /\b(?:page|context|ctx|browserContext)\s*\.\s*(?:route|routeFromHAR|routeWebSocket)\s*\(/g;

describe('request routing in browser tests', () => {
  it('only app-driver.ts calls page.route / context.route', () => {
    const files = readdirSync(E2E).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    const calls = files.flatMap((f) =>
      readFileSync(join(E2E, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (line.match(ROUTE_CALL) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(calls.filter((c) => !c.startsWith('app-driver.ts:'))).toEqual([]);
    expect(calls.some((c) => c.startsWith('app-driver.ts:'))).toBe(true);
  });
});
