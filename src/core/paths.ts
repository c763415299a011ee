import type { Path } from './model.js';

/** ['accounts', 3, 'owner'] -> "accounts[3].owner" */
export function pathToString(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}
