import { readFileSync } from 'node:fs';

/** csplan's version, read from package.json (no JSON import, so nothing else loads). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
