import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/io.js';

describe('help', () => {
  it.each([
    [['help'], 'Usage: csplan [options] [command]'],
    [['--help'], 'Usage: csplan [options] [command]'],
    [['-h'], 'Usage: csplan [options] [command]'],
    [['help', 'check'], 'Usage: csplan check [options] <files...>'],
    [['check', '--help'], 'Usage: csplan check [options] <files...>'],
  ])('%j prints help on stdout and exits 0', async (argv, usage) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(0);
    expect(stdout).toContain(usage);
    expect(stderr).toBe('');
  });

  it.each([
    [[], 'Usage: csplan [options] [command]'],
    [['help', 'nosuch'], 'Usage: csplan [options] [command]'],
  ])('%j prints help on stderr and exits 2: no command was given', async (argv, usage) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(usage);
  });
});
