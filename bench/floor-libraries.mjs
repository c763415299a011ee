/**
 * bench/floor.mjs: the libraries every csplan run loads, each used as little as a run can use it
 * (a command line, a one-field schema, the org file's parse), so that the bundler keeps what a
 * start-up must evaluate and no more: the floor's libraries never cost more than csplan's own.
 */
import { Command } from 'commander';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';

export function parseOrg(text) {
  new Command('csplan').parse([], { from: 'user' });
  z.strictObject({ id: z.string() }).parse({ id: 'a' });
  return parseDocument(text, { lineCounter: new LineCounter() });
}
