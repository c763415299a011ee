import { readFileSync } from 'node:fs';

/** csplan's version, read from package.json (no JSON import, so nothing else loads). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * `csplan --version` (or -V) and nothing else: what scripts call most, answered by bin/csplan.js
 * before the CLI and its commands are even imported.
 */
export function isVersionRequest(argv: readonly string[]): boolean {
  return argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V');
}

/**
 * Prints the version for bin/csplan.js. A full disk or I/O error on stdout ends as every other
 * command's does (one line, exit 2); a reader that closed the pipe early, quietly. The reason's
 * wording loads only when a write fails, so a plain `--version` still loads this module alone.
 */
export function printVersion(): void {
  process.stdout.once('error', async (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    process.exitCode = 2;
    const { osReason } = await import('./os-reason.js');
    process.stderr.write(`csplan: could not write the output: ${osReason(error)}\n`);
  });
  process.stdout.write(`${packageVersion()}\n`);
}
