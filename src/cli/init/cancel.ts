/** Ctrl-C inside a prompt: nothing is written and init exits 130. */
import { EXIT } from '../exit-codes.js';
import type { CliIO } from '../io.js';

/** @inquirer rejects with ExitPromptError on Ctrl-C (or a closed terminal), AbortPromptError on abort. */
export function isPromptExit(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')
  );
}

export function cancelled(io: CliIO): number {
  io.stderr('\ncsplan init: cancelled, nothing written.\n');
  return EXIT.interrupted;
}
