/**
 * Red-line screening from the command line, with the same importers, layer checks and engine as the web app.
 *
 *   npm run screen -- <boundary file> [--layer <file>]... [--buffer <distance>]... [--type <project type>]
 *                     [--source wgs84|gcj02|bd09] [--geometry] [--json] [--debug]
 *
 * `npm run screen -- --help` lists the options and exit codes; the code is in scripts/cli/.
 */

export {};

// Loaded dynamically so that even a failure to load the code is one line and exit code 3, not a stack trace.
try {
  const { main } = await import('./cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  process.stderr.write(`internal error: ${what.split('\n')[0]} — please report this\n`);
  if (process.argv.includes('--debug') && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  process.exitCode = 3;
}
