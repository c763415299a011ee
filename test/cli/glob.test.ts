import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPattern, isPattern } from '../../src/cli/glob.js';

/** a.yaml b.yaml ab.yml .hidden.yaml notes.txt sub/c.yaml sub/deep/d.yaml .git/e.yaml node_modules/f.yaml */
function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'csplan-glob-'));
  for (const path of [
    'a.yaml',
    'b.yaml',
    'ab.yml',
    '.hidden.yaml',
    'notes.txt',
    'sub/c.yaml',
    'sub/deep/d.yaml',
    '.git/e.yaml',
    'node_modules/f.yaml',
    'dir.yaml/g.txt',
  ]) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), '');
  }
  // A link back to the top: `**` must not loop through it.
  symlinkSync(dir, join(dir, 'sub', 'loop'));
  return dir;
}

describe('expandPattern', () => {
  const dir = tree();

  it.each([
    ['*.yaml', ['a.yaml', 'b.yaml']],
    ['?.yaml', ['a.yaml', 'b.yaml']],
    ['a*', ['a.yaml', 'ab.yml']],
    ['*.y?ml', ['a.yaml', 'b.yaml']],
    ['sub/*.yaml', ['sub/c.yaml']],
    // A named level matches node_modules like a shell would; only `**` passes it by.
    ['*/*.yaml', ['node_modules/f.yaml', 'sub/c.yaml']],
    ['**/*.yaml', ['a.yaml', 'b.yaml', 'sub/c.yaml', 'sub/deep/d.yaml']],
    ['sub/**/d.yaml', ['sub/deep/d.yaml']],
    ['.*.yaml', ['.hidden.yaml']],
    ['./sub/*.yaml', ['./sub/c.yaml']],
    ['*.json', []],
    ['missing/*.yaml', []],
  ])('%s', async (pattern, expected) => {
    expect(await expandPattern(pattern, dir)).toEqual(expected);
  });

  it('keeps an absolute pattern absolute', async () => {
    expect(await expandPattern(`${dir}/sub/*.yaml`, '/')).toEqual([`${dir}/sub/c.yaml`]);
  });

  it('reads backslashes as folder separators on Windows', async () => {
    expect(await expandPattern('sub\\*.yaml', dir, '\\')).toEqual(['sub/c.yaml']);
  });

  it('treats regular-expression characters in names literally', async () => {
    const odd = mkdtempSync(join(tmpdir(), 'csplan-glob-'));
    writeFileSync(join(odd, 'org (copy).yaml'), '');
    writeFileSync(join(odd, 'orgXcopy).yaml'), '');
    expect(await expandPattern('org (*).yaml', odd)).toEqual(['org (copy).yaml']);
  });
});

describe('isPattern', () => {
  it('is true for * and ? only', () => {
    expect(['*.yaml', 'a?.yaml', '**/x'].every(isPattern)).toBe(true);
    expect(['org.yaml', 'a[1].yaml', '{a,b}.yaml'].some(isPattern)).toBe(false);
  });
});
