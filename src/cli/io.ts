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
}

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    today: localToday(),
    columns: process.stdout.columns,
  };
}

/** The user's calendar date, not UTC's: a plan run at 1am in Sydney is for that day. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
