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
