/**
 * Every regular expression in src, against a reviewed list. A regular expression applied to text
 * from a user's file can take polynomial time on a crafted value (issue 12: a money cell of spaces
 * took 18 s, an owner cell of @ 13 s). Each one listed here was reviewed: it is anchored or has no
 * two quantifiers that can match the same characters one after the other (so it runs in linear
 * time), or it only ever sees csplan's own text or a string of bounded length. A new or changed
 * regular expression fails this test until it is reviewed the same way and added; prefer plain
 * parsing for user text (see parseMoney's currencySuffix, embeddedEmail).
 * `new RegExp(...)` is refused outright: its pattern cannot be reviewed here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const REVIEWED: [file: string, regex: string][] = [
  // COLUMNS from the environment: anchored, one class.
  ['src/cli/color.ts', '/^\\d+$/'],
  ['src/cli/commands/check.ts', '/^\\d+$/'],
  ['src/cli/commands/diff.ts', '/^fatal: /'],
  ['src/cli/commands/import.ts', '/\\r\\n/g'],
  ['src/cli/commands/import.ts', '/\\r\\n/g'],
  // The values table the import prints (the user's own flags and file, bounded): one class.
  ['src/cli/commands/import.ts', '/"([^"]+)":/g'],
  // Flag values from the command line, not file content; anchored.
  ['src/cli/commands/rebalance.ts', '/^\\d+$/'],
  ['src/cli/commands/rebalance.ts', '/^\\d*\\.?\\d+$/'],
  // The first 64 KiB of a file --output would replace: two runs of spaces split by a colon, linear.
  ['src/cli/commands/schema.ts', '/"\\$id"\\s*:\\s*"urn:csplan:org-schema:/'],
  // Flag values from the command line, not file content; anchored.
  ['src/cli/commands/timeline.ts', '/^\\d+$/'],
  ['src/cli/commands/timeline.ts', '/^(\\d+(?:\\.\\d+)?)x$/'],
  // A check pattern from the command line (the person running csplan, not a file's content): escaped, then `*`, `?` and `**` only; matched against path names the OS bounds.
  ['src/cli/glob.ts', '/[*?]/'],
  ['src/cli/glob.ts', '/\\\\/g'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a regular expression
  ['src/cli/glob.ts', '/[.+^${}()|[\\]\\\\]/g'],
  ['src/cli/glob.ts', 'new RegExp'],
  ['src/cli/glob.ts', '/^[A-Za-z]:$/'],
  ['src/cli/init/accounts-source.ts', '/(^|\\s|_)(id|identifier|number|no\\.?|#)$/i'],
  ['src/cli/init/accounts-source.ts', '/(\\barr\\b|annual recurring|subscription value)/i'],
  ['src/cli/init/accounts-source.ts', '/(owner|csm|manager)/i'],
  ['src/cli/init/accounts-source.ts', '/annual revenue/i'],
  ['src/cli/init/export-owners.ts', '/[^\\p{L}\\p{N}]+/gu'],
  ['src/cli/init/export-owners.ts', '/[\\s._-]+/'],
  ['src/cli/init/parse.ts', '/[\\s_]/g'],
  ['src/cli/init/parse.ts', '/,(?=\\d{3}(\\D|$))/g'],
  ['src/cli/init/parse.ts', '/^(\\d+(?:\\.\\d+)?|\\.\\d+)([kmb])?$/i'],
  ['src/cli/init/parse.ts', '/^-/'],
  ['src/cli/init/parse.ts', '/^\\$/'],
  ['src/cli/init/parse.ts', '/^(usd|us\\$)\\s*/i'],
  ['src/cli/init/parse.ts', '/^-/'],
  ['src/cli/init/parse.ts', '/^(-)?(\\d+(?:\\.\\d+)?)$/'],
  ['src/cli/init/parse.ts', '/^\\d{4}-\\d{2}-\\d{2}$/'],
  ['src/cli/init/parse.ts', '/^[a-z0-9][a-z0-9._-]*$/'],
  ['src/cli/init/parse.ts', '/\\s+/g'],
  ['src/cli/init/parse.ts', '/[\\u0300-\\u036f]/g'],
  ['src/cli/init/parse.ts', '/[^a-z0-9]+/g'],
  ['src/cli/init/parse.ts', '/^-+|-+$/g'],
  ['src/cli/init/parse.ts', '/-+$/'],
  ['src/cli/init/summary.ts', '/^\\d+\\. /'],
  ['src/cli/init/text.ts', '/\\s+/'],
  ['src/cli/init/text.ts', '/^[\\w./@%+=:,-]+$/'],
  ['src/cli/init/text.ts', "/'/g"],
  ['src/cli/options.ts', '/^([a-z0-9-]+)=(off|warning|error)$/'],
  // An OS error message, never the user's text.
  ['src/cli/os-reason.ts', '/^[A-Z0-9]+: ([^,]+)/'],
  // One class, global: linear.
  ['src/config/choice.ts', '/[\\s_]+/g'],
  ['src/config/csv/cells.ts', '/^\\d+$/'],
  ['src/config/csv/cells.ts', '/^(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?$/'],
  ['src/config/csv/cells.ts', '/^\\d+(?:\\.\\d+)?[eE]\\+?\\d+$/'],
  ['src/config/csv/cells.ts', '/^(?:([A-Z]{3})\\s*)?([$\u20ac\u00a3\u00a5])?\\s*/'],
  ['src/config/csv/cells.ts', '/^[-\u2212(]|^[A-Z$\u20ac\u00a3\u00a5\\s]*[-\u2212(]/'],
  ['src/config/csv/cells.ts', '/\\s/'],
  ['src/config/csv/cells.ts', '/^\\d+(?:[.,]\\d+)?\\s*[kKmMbB]$/'],
  ['src/config/csv/cells.ts', '/^\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?$|^\\d+,\\d{1,2}$/'],
  ['src/config/csv/cells.ts', '/^[-\u2212]/'],
  ['src/config/csv/cells.ts', '/^0+$/'],
  [
    'src/config/csv/cells.ts',
    '/^(\\d{4}-\\d{2}-\\d{2})(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(?:Z|[+-]\\d{2}:?\\d{2})?)?$/',
  ],
  [
    'src/config/csv/cells.ts',
    '/^(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{2}|\\d{4})(?:(?:[ T]|,\\s*)\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:\\s*[AaPp][Mm])?(?:\\s*(?:Z|[A-Z]{2,5}|[+-]\\d{2}:?\\d{2}))?)?$/',
  ],
  ['src/config/csv/presets.ts', '/__c$/i'],
  ['src/config/csv/presets.ts', '/[^\\p{L}\\p{N}]+/gu'],
  [
    'src/config/csv/presets.ts',
    '/revenue|arr|mrr|acv|tcv|amount|contractvalue|subscription|bookings/',
  ],
  ['src/config/csv/presets.ts', '/^(?:carrier|array)/'],
  ['src/config/csv/presets.ts', '/annualrevenue|totalrevenue|mrr/'],
  [
    'src/config/csv/read-csv.ts',
    '/^(?:confidential information|copyright|generated by|\u00a9|\\(c\\))/i',
  ],
  // A picklist cell (a number?), anchored, digits then an optional fraction.
  ['src/config/csv/read-csv.ts', '/^\\d+(?:\\.\\d+)?$/'],
  ['src/config/csv/read-json.ts', '/position (\\d+)/'],
  ['src/config/csv/read-json.ts', '/\\s/'],
  // Cells csplan writes: single characters, or one character at an anchor.
  // Values table keys and picklist cells: one class, or anchored with distinct classes next to each other.
  ['src/config/csv/values.ts', '/[\\s_-]+/g'],
  ['src/config/csv/values.ts', '/^\\d+(?:\\.\\d+)?$/'],
  ['src/config/csv/values.ts', '/^\\s*(\\d+(?:\\.\\d+)?)\\s*-\\s*(\\d+(?:\\.\\d+)?)\\s*$/'],
  ['src/config/csv/write-moves.ts', '/^[=+\\-@\\t\\r]/'],
  ['src/config/csv/write-moves.ts', '/[",\\r\\n]|^\\s|\\s$/'],
  ['src/config/csv/write-moves.ts', '/"/g'],
  // Anchored, one character class: linear on a path.
  ['src/config/csv/write-spec.ts', "/^[\\p{L}\\p{N}_./][\\p{L}\\p{N}_./ @()'-]*$/u"],
  // One class each: control characters in a file's text, searched natively.
  ['src/config/encoding.ts', '/[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]/'],
  ['src/config/encoding.ts', '/[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]/'],
  ['src/config/normalise.ts', '/[\\s-]+/g'],
  // One class: linear.
  // Accents off a name (one class, linear).
  ['src/config/owners.ts', '/\\p{M}/gu'],
  ['src/config/owners.ts', '/\\s+/g'],
  ['src/config/owners.ts', '/\\s/'],
  // The first line of the org file: anchored, no two quantifiers over the same characters.
  // Role names, HR titles and locations: one class each, or literal alternatives; `^-+|-+$` runs
  // after runs of separators were folded into one hyphen, so it never sees a long run.
  ['src/config/role-names.ts', '/[^a-z0-9]+/g'],
  ['src/config/role-names.ts', '/^-+|-+$/g'],
  ['src/config/roster/locations.ts', '/\\p{M}/gu'],
  ['src/config/roster/locations.ts', '/[^\\p{L}\\p{N}]+/u'],
  [
    'src/config/roster/read-roster.ts',
    '/customer success|client success|customer experience|customer support|^support$|onboarding|implementation|professional services|account management|renewals/i',
  ],
  ['src/config/roster/read-roster.ts', '/^(\\d+(?:\\.\\d+)?)\\s*(%?)$/'],
  ['src/config/roster/read-roster.ts', '/\\p{M}/gu'],
  ['src/config/roster/read-roster.ts', '/[^a-z0-9]+/g'],
  ['src/config/roster/read-roster.ts', '/^-+|-+$/g'],
  ['src/config/roster/titles.ts', '/\\p{M}/gu'],
  ['src/config/roster/titles.ts', '/&/g'],
  ['src/config/roster/titles.ts', '/[^\\p{L}\\p{N}]+/u'],
  ['src/config/schema-ref.ts', '/\\r?\\n/'],
  ['src/config/schema-ref.ts', '/^(\\s*#\\s*yaml-language-server:\\s*\\$schema=)(\\S+)/'],
  ['src/config/schema-ref.ts', '/-(.*)/s'],
  ['src/config/schema-ref.ts', '/^[a-z][a-z0-9+.-]+:\\/\\//i'],
  // Anchored; the classes next to each other do not overlap.
  ['src/config/schema.ts', '/^\\s*-?\\d+(\\.\\d+)?\\s*$/'],
  ['src/config/schema.ts', '/^\\d{4}-\\d{2}-\\d{2}$/'],
  // Anchored; the classes next to each other do not overlap.
  ['src/config/schema.ts', '/^[a-z0-9][a-z0-9_-]*$/'],
  // The schema's own $id, never user text.
  ['src/config/schema.ts', '/^urn:csplan:org-schema:(.+)$/'],
  // Anchored, one class or a fixed list: linear on an id.
  ['src/config/write-owners.ts', '/^[A-Za-z0-9_][A-Za-z0-9_.@/-]*$/'],
  ['src/config/write-owners.ts', '/^(?:true|false|yes|no|on|off|null|~|y|n)$/i'],
  ['src/config/write-owners.ts', "/'/g"],
  ['src/config/write-owners.ts', '/^[-+.]?\\d/'],
  // The fast reader: one class or alternation, or anchored patterns without overlapping
  // quantifiers (the core schema's own, from the yaml package), on one scalar or one slice.
  ['src/config/yaml-fast.ts', '/[\\t\\ufeff\\u2028\\u2029]|\\r(?!\\n)/'],
  ['src/config/yaml-fast.ts', '/^[0-9a-fA-F]+$/'],
  ['src/config/yaml-fast.ts', '/^(?:~|[Nn]ull|NULL)?$/'],
  ['src/config/yaml-fast.ts', '/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/'],
  ['src/config/yaml-fast.ts', '/^0o[0-7]+$/'],
  ['src/config/yaml-fast.ts', '/^[-+]?[0-9]+$/'],
  ['src/config/yaml-fast.ts', '/^0x[0-9a-fA-F]+$/'],
  ['src/config/yaml-fast.ts', '/^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$/'],
  ['src/config/yaml-fast.ts', '/^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)[eE][-+]?[0-9]+$/'],
  ['src/config/yaml-fast.ts', '/^[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)$/'],
  ['src/config/yaml-parse.ts', '/^Unresolved tag: (\\S{1,200})/'],
  ['src/config/yaml-parse.ts', '/^Flow (?:sequence|mapping)/'],
  ['src/config/yaml-parse.ts', '/flow (?:sequence|collection|map)/i'],
  ['src/config/yaml-parse.ts', '/ at line \\d+, column \\d+:?$/'],
  ['src/config/yaml-slices.ts', '/^([A-Za-z_$][\\w$-]*)[ \\t]*:(?:[ \\t]+(#.*)?)?$/'],
  ['src/config/yaml-slices.ts', '/^[A-Za-z_$"\'][^:#]*:/'],
  // One character each, beside an & or * of the file.
  ['src/config/yaml-slices.ts', '/[\\s,\\]}]/'],
  ['src/config/yaml-slices.ts', '/[\\s[{,]/'],
  ['src/config/yaml-slices.ts', '/\\r$/'],
  ['src/core/money.ts', '/\\B(?=(\\d{3})+(?!\\d))/g'],
  ['src/core/policy-keys.ts', '/_([a-z])/g'],
  ['src/core/policy-keys.ts', '/[A-Z]/g'],
  ['src/render/github.ts', '/%/g'],
  ['src/render/github.ts', '/\\r/g'],
  ['src/render/github.ts', '/\\n/g'],
  ['src/render/github.ts', '/:/g'],
  ['src/render/github.ts', '/,/g'],
  // A hire id csplan made ('csm-2'): anchored.
  ['src/render/html/gantt.ts', '/^.*-/'],
  // The five characters HTML gives meaning: one class, linear.
  ['src/render/html/html.ts', '/[&<>"\']/g'],
  // A code span in a message: from a backtick to the next, no overlapping quantifiers.
  ['src/render/html/html.ts', '/`([^`]+)`/'],
  // A chart note csplan wrote ('2 to hire'): anchored.
  ['src/render/html/orgchart.ts', '/^(\\d+ )?to hire\\b/'],
  ['src/render/markdown.ts', '/^ {2}/'],
  // Single characters or one class: linear.
  ['src/render/md-text.ts', '/[\\\\`*_[\\]<|~]/g'],
  ['src/render/md-text.ts', '/&(?=#?[A-Za-z0-9]+;)/g'],
  ['src/render/md-text.ts', '/\\r?\\n/g'],
  ['src/render/md-text.ts', '/\\r?\\n/g'],
  ['src/render/md-text.ts', '/`+/g'],
  ['src/render/md-text.ts', '/\\|/g'],
  ['src/render/md-text.ts', '/\\r?\\n/g'],
  ['src/render/mermaid.ts', '/"/g'],
  // Single characters or one class: linear.
  ['src/render/rules.ts', '/\\s+/'],
  // Single characters or one class: linear.
  ['src/render/timeline-csv.ts', '/[",\\n\\r]/'],
  ['src/render/timeline-csv.ts', '/"/g'],
  ['src/render/timeline-lines.ts', '/:.*$/'],
  // Single characters or one class: linear.
  ['src/render/timeline-markdown.ts', '/[:;#]/g'],
  ['src/render/timeline-markdown.ts', '/\\s+/g'],
  ['src/render/timeline-markdown.ts', '/^.*-/'],
  // csplan's own output: each quantifier is followed by a character it cannot match.
  ['src/render/wrap.ts', '/\\u001b\\[[0-9;]*m/g'],
  ['src/render/wrap.ts', '/^\\u001b\\[([0-9;]*)m/'],
  ['src/render/wrap.ts', '/\\s+/'],
  ['src/render/wrap.ts', '/( *)([^ ]+)/g'],
  ['src/render/wrap.ts', '/^((?:\\u001b\\[[0-9;]*m)*)([ │├└─]*)((?:[-+~*] |\\d+\\. )?)/'],
  ['src/render/wrap.ts', '/├─/g'],
  ['src/render/wrap.ts', '/└─/g'],
  ['src/render/wrap.ts', '/─/g'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

function regexesIn(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) found.push(node.getText());
    if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp') {
      found.push('new RegExp');
    }
    if (ts.isCallExpression(node) && node.expression.getText() === 'RegExp') {
      found.push('RegExp()');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('regular expressions in src', () => {
  it('are all on the reviewed list (and the list has nothing stale)', () => {
    const actual = sourceFiles('src')
      .sort()
      .flatMap((file) => regexesIn(file).map((regex) => [file.split('\\').join('/'), regex]));
    expect(actual).toEqual(REVIEWED);
  });
});
