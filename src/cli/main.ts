/** Runs the CLI and turns every outcome, including crashes, into an exit code. */
import { EXIT, UsageError } from './exit-codes.js';
import { type CliIO, processIO } from './io.js';
import { isVersionRequest, packageVersion } from './version.js';

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  // Answered without loading commander (bin/csplan.js answers it before importing this module).
  if (isVersionRequest(argv)) {
    io.stdout(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const [{ CommanderError }, { buildProgram }] = await Promise.all([
    import('commander'),
    import('./program.js'),
  ]);
  let code: number = EXIT.ok;
  const program = buildProgram(io, (result) => {
    code = result;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version are successes; every other commander error is a usage problem.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
        return EXIT.ok;
      // `csplan help [command]` asked for help (exit code 0 from commander); `csplan` with no
      // command, or `csplan help nosuch`, prints help as an error: a usage problem.
      if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`csplan: ${error.message}\n`);
      return EXIT.usage;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(
      `csplan: internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in csplan; please report it with the command you ran${io.env.CSPLAN_DEBUG ? `\n${detail}` : ' (set CSPLAN_DEBUG=1 for details)'}.\n`,
    );
    return EXIT.internal;
  }
}

export async function run(): Promise<void> {
  const io = processIO();
  const code = await main(process.argv.slice(2), io);
  process.exitCode = io.outputFailed?.() ? EXIT.usage : io.stdoutClosed?.() ? EXIT.ok : code;
}
