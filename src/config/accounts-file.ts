/**
 * Accounts read from a CRM export (`accounts: { file, preset, columns }`).
 * CONTRACT (owned by the CSV import work, issue 5):
 * - returns validated account inputs in the org file's own field names (snake_case, as
 *   `accountSchema` outputs them), with owners already resolved to team ids where a name or
 *   email matched;
 * - `pathOf(i)` gives the path used for account i in later findings: ['accounts-file', i];
 *   `locate(['accounts-file', i, field])` turns it into the CSV's own line and column;
 * - problems are diagnostics (file, line, column, rule, message without row data), never throws.
 */
import type { Diagnostic, Path } from '../core/model.js';
import type { Locator } from './locate.js';
import type { AccountInput, OrgFile } from './schema.js';

export type AccountsFileSpec = Exclude<NonNullable<OrgFile['accounts']>, unknown[]>;

export interface AccountsFileContext {
  /** The org file, as given on the command line (for diagnostics that point into it). */
  orgFile: string;
  /** Folder the accounts file path is relative to. */
  baseDir: string;
  team: NonNullable<OrgFile['team']>;
}

export interface AccountsFileResult {
  accounts: AccountInput[];
  diagnostics: Diagnostic[];
  locate: Locator;
  pathOf: (index: number) => Path;
}

export async function readAccountsFile(
  spec: AccountsFileSpec,
  context: AccountsFileContext,
): Promise<AccountsFileResult> {
  return {
    accounts: [],
    diagnostics: [
      {
        rule: 'accounts-file',
        severity: 'error',
        path: ['accounts', 'file'],
        message: `reading ${spec.file} relative to ${context.baseDir} is not implemented yet`,
      },
    ],
    locate: () => ({ file: context.orgFile }),
    pathOf: (index) => ['accounts-file', index],
  };
}
