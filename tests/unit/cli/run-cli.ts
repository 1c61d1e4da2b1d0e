import { main } from '../../../scripts/cli/main.ts';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
  /** stdout parsed as JSON (only with --json) */
  json: Record<string, unknown> & { ok?: boolean };
}

/** `npm run screen -- …argv` in this process: the same main() the script runs, with captured output. */
export async function runCli(argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  let json = {};
  if (argv.includes('--json') && out.length > 0) json = JSON.parse(out.join('\n'));
  return { code, out, err, json };
}

/** A line that shows code internals instead of a message: a stack frame, a JS error name, `undefined`. */
export const LEAK = /\bat .+:\d+:\d+|TypeError|RangeError|ReferenceError|call stack|\bundefined\b|\[object /;

type Msg = { code: string; severity: string; zh: string; en: string; location?: string; stage?: string };
export const codesOf = (list: unknown): string[] => ((list as Msg[] | undefined) ?? []).map((m) => m.code);
export const messages = (list: unknown): Msg[] => (list as Msg[] | undefined) ?? [];
