/**
 * The second half of `csplan init`, loaded once the questions are answered: answers to commented
 * YAML, checked with the loader before anything is written, written atomically, then planned for
 * the first recommendation. Kept apart so that `init` without a terminal loads none of it.
 */
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { loadOrgText } from '../../config/load.js';
import { locateDiagnostics } from '../../config/locate.js';
import { LOCAL_SCHEMA_PATH } from '../../config/schema-ref.js';
import type { Diagnostic } from '../../core/model.js';
import { plural } from '../../core/money.js';
import { planOrg } from '../../core/plan.js';
import { idList } from '../../core/rules/ids.js';
import { renderDiagnostics } from '../../render/diagnostics.js';
import { outputWidth, useColor } from '../color.js';
import { writeSchemaFile } from '../commands/schema.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { FileExistsError, WriteError, writeFileAtomic } from '../write-file.js';
import { buildOrgFile, type InitAnswers } from './answers.js';
import { cancelled, isPromptExit } from './cancel.js';
import { ownersAsCsms, unmatchedOwners } from './export-owners.js';
import { renderInitSummary } from './summary.js';
import type { Prompts } from './wizard.js';
import { orgFileToYaml } from './yaml.js';

export interface WriteTarget {
  /** The file as the person named it, for messages. */
  target: string;
  /** Its absolute path. */
  path: string;
  /** The person agreed to replace an existing file (or gave --force). */
  replace: boolean;
  /** Set in the wizard: to ask again if the file appeared meanwhile. */
  prompts?: Prompts;
}

async function compose(answers: InitAnswers, path: string, io: CliIO) {
  const org = buildOrgFile(answers, { today: io.today });
  const arrAssumed = answers.customers.source === 'total' && answers.customers.arrAssumed;
  // A copy of the schema beside the org file, not a URL or a path into wherever csplan is
  // installed: it works offline, with npx or a global install, and for everyone who clones the
  // repository, and check says when it is older than the csplan that reads the file.
  const text = orgFileToYaml(org, { schemaUrl: LOCAL_SCHEMA_PATH, arrAssumed });
  return { text, loaded: await loadOrgText(text, path, { today: io.today }) };
}

export async function writeOrgFile(
  initial: InitAnswers,
  { target, path, replace, prompts }: WriteTarget,
  io: CliIO,
): Promise<number> {
  let answers = initial;
  let { text, loaded } = await compose(answers, path, io);
  // Owners named in a CRM export but missing from the team: offer them as CSMs (with --yes,
  // add them), so the first check is about the org rather than about people left out.
  // With a roster, HR says who is on the team: unmatched owners are left to check's findings.
  const owners = loaded.org && !answers.roster ? unmatchedOwners(loaded.org) : [];
  if (owners.length > 0) {
    const added = ownersAsCsms(owners, answers.team);
    const names = idList(added.map((person) => person.name));
    let add = true;
    if (prompts) {
      try {
        add = await prompts.confirm({
          message: `The export names ${plural(added.length, 'account owner')} who ${added.length === 1 ? 'is' : 'are'} not on your team (${names}). Add them as CSMs?`,
          default: true,
        });
      } catch (error) {
        if (isPromptExit(error)) return cancelled(io);
        throw error;
      }
    } else {
      io.stderr(
        `Added the export's account owners to the team as CSMs: ${names}; check their roles.\n`,
      );
    }
    if (add) {
      answers = { ...answers, team: [...answers.team, ...added] };
      ({ text, loaded } = await compose(answers, path, io));
    }
  }
  // Located against absolute paths (so the accounts file resolves from the org file's folder),
  // shown relative to where the person runs csplan.
  const raw = locateDiagnostics(loaded.diagnostics, loaded.locate);
  const ownFault = raw.filter((d) => d.severity === 'error' && !isAccountsFileProblem(d, path));
  const located = raw.map((d) =>
    d.file === undefined ? d : { ...d, file: displayPath(d.file, io.cwd) },
  );
  if (ownFault.length > 0) {
    throw new Error(
      `init produced an org file that does not validate: ${ownFault.map((d) => `${d.rule} at ${d.path.join('.')}: ${d.message}`).join('; ')}`,
    );
  }

  try {
    await writeFileAtomic(path, text, { replace, name: target });
  } catch (error) {
    if (!(error instanceof FileExistsError)) throw error;
    // Someone created the file while the questions were being answered.
    if (!prompts)
      throw new UsageError(`${target} appeared while csplan was writing it; nothing written`);
    try {
      const again = await prompts.confirm({
        message: `${target} was created meanwhile. Replace it?`,
        default: false,
      });
      if (!again) {
        io.stderr(`Kept ${target} as it is; nothing written.\n`);
        return EXIT.ok;
      }
    } catch (promptError) {
      if (isPromptExit(promptError)) return cancelled(io);
      throw promptError;
    }
    await writeFileAtomic(path, text, { replace: true, name: target });
  }
  const schema = await writeEditorSchema(target, path, io);
  io.stderr(
    `Wrote ${target} (${describe(answers)})${schema ? ` and ${schema} for editors` : ''}.\n`,
  );

  const color = useColor(undefined, io);
  if (!loaded.org) {
    io.stderr(renderDiagnostics(located, { color, file: target, width: outputWidth(io) }));
    io.stderr(
      `Fix the accounts file (or its mapping in ${target}), then run: csplan recommend ${target}\n`,
    );
    return EXIT.problems;
  }
  const plan = planOrg(loaded.org);
  const findings = locateDiagnostics([...loaded.diagnostics, ...plan.findings], loaded.locate).map(
    (d) => (d.file === undefined ? d : { ...d, file: displayPath(d.file, io.cwd) }),
  );
  io.stdout(renderInitSummary(plan, findings, { color, width: outputWidth(io), file: target }));
  return EXIT.ok;
}

/**
 * The schema copy the org file's first line points at; kept when one from a newer csplan is
 * there. Returns the path written, for the message; a failure only costs editor checking.
 */
async function writeEditorSchema(target: string, path: string, io: CliIO) {
  const shown = join(dirname(target), LOCAL_SCHEMA_PATH);
  try {
    const written = await writeSchemaFile(join(dirname(path), LOCAL_SCHEMA_PATH), {
      keepNewer: true,
      name: shown,
      force: false,
    });
    return written ? shown : undefined;
  } catch (error) {
    if (error instanceof WriteError) {
      io.stderr(`csplan: ${error.message}; editors will not check ${target} against it\n`);
      return undefined;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    io.stderr(
      `csplan: could not write ${shown} (${code}); editors will not check ${target} until it exists: csplan schema --output ${shown}\n`,
    );
    return undefined;
  }
}

/** Problems in the person's CRM export or its mapping, not in what init wrote. */
function isAccountsFileProblem(d: Diagnostic, orgPath: string): boolean {
  if (d.path[0] === 'accounts-file' || d.path[0] === 'accounts') return true;
  return d.file !== undefined && resolve(d.file) !== orgPath;
}

/** A path relative to the working folder when it lies inside it, else as given. */
function displayPath(file: string, cwd: string): string {
  const inside = relative(cwd, resolve(cwd, file));
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? file : inside;
}

function describe(answers: InitAnswers): string {
  const { customers } = answers;
  const who =
    customers.source === 'file'
      ? `accounts from ${customers.file}`
      : customers.source === 'total'
        ? plural(customers.count, 'customer')
        : plural(
            customers.bands.reduce((sum, band) => sum + band.count, 0),
            'customer',
          );
  const team = answers.roster
    ? `the team from ${answers.roster.file} (${plural(answers.roster.people, 'person', 'people')} today)`
    : `${plural(answers.team.length, 'person', 'people')} on the team`;
  return `${who}, ${team}`;
}
