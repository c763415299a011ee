/**
 * Bundles the built CLI (dist/cli, compiled by tsc) with its dependencies into dist/bundle/, the
 * code bin/csplan.js runs. Start-up is most of a small run: Node 20 has no compile cache, and
 * loading some 200 module files (zod's classic entry alone pulls in ~50 locales) cost ~100 ms of
 * CPU before any work. One file per entry, the planner in one chunk (PLANNING below) and a chunk
 * per lazily imported command keep each command loading only what it needs; unused exports (zod's
 * other locales) are dropped.
 * `version.js` stays a chunk of its own so `csplan --version` loads nothing else.
 * The benchmark's floor (bench/floor.mjs) is bundled the same way into dist/bench/, so that its
 * libraries start up as csplan's do.
 *
 *   node scripts/bundle.mjs   (run by `npm run build`, after tsc)
 */
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * The modules every planning command runs (recommend, check, timeline, rebalance): reading and
 * checking an org file, and planning it, with zod and yaml. Left to itself rolldown cuts them
 * into some 20 chunks by who imports what, and Node 20 loads each file with its own resolve,
 * open, read and compile: as one chunk, `recommend` on a small file takes 0.95x the CPU time.
 * The readers of CSV, roster and JSON exports, rebalancing and the CLI's shell stay apart.
 */
const PLANNING = new RegExp(
  [
    '/dist/config/(?!csv/|roster/|accounts-file|team-file|write-)',
    '/dist/config/(csv|roster)/presets',
    '/dist/core/(?!rebalance/|diff)',
    '/dist/render/(json|diagnostics|paths|paint|safe-text|wrap)\\.',
    '/dist/cli/(load-plan|options|color|stops-planning)\\.',
    '/node_modules/(zod|yaml|chalk)/',
  ].join('|'),
);

/**
 * yaml's ES-module build (its `browser` folder; the same code as its CommonJS build for Node):
 * rolldown wraps each CommonJS module in a function that V8 compiles again when it first runs,
 * and the CommonJS parser reads `process.env` for a debug switch at every token. Importing the
 * planning chunk took 0.83x the CPU time. That build prints warnings with console.warn; the
 * plugin below sends them through process.emitWarning, as the Node build does.
 */
const YAML_ESM = join(root, 'node_modules', 'yaml', 'browser', 'index.js');
const yamlWarningsToNode = {
  name: 'yaml-warnings-to-node',
  transform(code, id) {
    if (!id.replaceAll('\\', '/').endsWith('/yaml/browser/dist/log.js')) return undefined;
    const warns = 'console.warn(warning);';
    if (!code.includes(warns))
      throw new Error(`${id}: no "${warns}" to route to process.emitWarning`);
    return code.replace(warns, 'process.emitWarning(warning);');
  },
};

await bundle(
  join(root, 'dist', 'bundle'),
  {
    main: join(root, 'dist', 'cli', 'main.js'),
    version: join(root, 'dist', 'cli', 'version.js'),
  },
  undefined,
  { groups: [{ name: 'planning', test: PLANNING, includeDependenciesRecursively: false }] },
);
// Named .mjs as in bench/, where floor.mjs finds its worker beside itself.
await bundle(
  join(root, 'dist', 'bench'),
  {
    floor: join(root, 'bench', 'floor.mjs'),
    'floor-worker': join(root, 'bench', 'floor-worker.mjs'),
  },
  '[name].mjs',
);

async function bundle(outDir, input, entryFileNames, codeSplitting) {
  // Old chunks carry content hashes in their names: clear the folder so none is left behind.
  await rm(outDir, { recursive: true, force: true });
  await build({
    input,
    // A group leaves its modules' other importers to import them from it (not re-exported by
    // an entry): main.js and version.js keep their own exports.
    preserveEntrySignatures: 'allow-extension',
    platform: 'node',
    logLevel: 'warn',
    resolve: { alias: { yaml: YAML_ESM } },
    plugins: [yamlWarningsToNode],
    output: {
      dir: outDir,
      format: 'esm',
      // A chunk with one non-ASCII character is read as a two-byte string, twice the size to
      // decode and scan; doc comments are for the sources, not for V8 to skip at every start.
      charset: 'ascii',
      comments: { legal: true, annotation: false, jsdoc: false },
      ...(entryFileNames ? { entryFileNames } : {}),
      ...(codeSplitting ? { codeSplitting } : {}),
    },
  });
}
