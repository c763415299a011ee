/**
 * js-yaml, the yardstick issue 23 sets YAML org files against ("at most 1.5x a bare js-yaml load
 * of the same file"). It is not a dependency of csplan: the benchmark uses it when it can be
 * found, in the project's node_modules (`npm install --no-save js-yaml`) or in the folder named
 * by CSPLAN_BENCH_JS_YAML (one whose node_modules holds it), and otherwise says so and compares
 * with the yaml package's `parse`.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The js-yaml module, or undefined when neither place has it. */
export function loadJsYaml() {
  const places = [import.meta.url];
  const folder = process.env.CSPLAN_BENCH_JS_YAML;
  if (folder) places.unshift(join(folder, 'package.json'));
  for (const place of places) {
    try {
      return createRequire(place)('js-yaml');
    } catch {
      // Not here: the next place, or none.
    }
  }
  return undefined;
}
