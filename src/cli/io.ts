import { EXIT } from './exit-codes.js';
import { osReason } from './os-reason.js';

/**
 * What a command may touch of the outside world. Commands receive it instead of reaching for
 * `process`, so tests run them in-process with captured output, a fixed date and no terminal.
 */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colour, tables sized to the screen). */
  stdoutIsTTY: boolean;
  /** Whether stdin is a terminal (interactive prompts). */
  stdinIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Today's date, YYYY-MM-DD: the only clock reading, taken once at start-up. */
  today: string;
  /** Terminal width in columns, when stdout is a terminal. */
  columns?: number;
  /** True once the reader of stdout went away (`csplan ... | head`): the run then ends quietly. */
  stdoutClosed?: () => boolean;
  /** True once stdout or stderr failed for another reason (a full disk): the run exits 2. */
  outputFailed?: () => boolean;
}

export function processIO(): CliIO {
  // A reader that closes the pipe early (head, less quitting) is normal for a Unix tool: stop
  // writing, say nothing, exit 0. Any other write error (a full disk, an I/O error, stderr gone)
  // means the output is lost: one line on stderr when it still works, and exit 2, never a stack
  // trace. The error can arrive after the command has set its exit code, so it sets it here too.
  const closed = { stdout: false, stderr: false };
  let failed = false;
  const onError = (stream: 'stdout' | 'stderr') => (error: NodeJS.ErrnoException) => {
    if (closed[stream]) return;
    closed[stream] = true;
    if (stream === 'stdout' && error.code === 'EPIPE') {
      if (!failed) process.exitCode = 0;
      return;
    }
    failed = true;
    process.exitCode = EXIT.usage;
    if (stream === 'stdout' && !closed.stderr)
      process.stderr.write(`csplan: could not write the output: ${osReason(error)}\n`);
  };
  process.stdout.on('error', onError('stdout'));
  process.stderr.on('error', onError('stderr'));
  return {
    stdout: (text) => {
      for (const piece of pieces(text)) {
        if (closed.stdout) return;
        process.stdout.write(piece);
      }
    },
    stderr: (text) => {
      if (!closed.stderr) process.stderr.write(text);
    },
    stdoutClosed: () => closed.stdout,
    outputFailed: () => failed,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    today: localToday(),
    columns: process.stdout.columns,
  };
}

/**
 * `text` in pieces of about `size` UTF-16 units, for writing one by one: one write of a 24 MB
 * report (rebalance at 100k accounts) first copies it flat and into one 24 MB buffer, and into a
 * pipe took ~0.25 s longer than 1 MiB pieces. A surrogate pair is never split, as each piece is
 * encoded to UTF-8 on its own.
 */
export function* pieces(text: string, size = 1 << 20): Generator<string> {
  let at = 0;
  while (text.length - at > size) {
    let end = at + size;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
    yield text.slice(at, end);
    at = end;
  }
  yield at === 0 ? text : text.slice(at);
}

/** The user's calendar date, not UTC's: a plan run at 1am in Sydney is for that day. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
