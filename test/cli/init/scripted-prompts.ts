/**
 * Prompt functions for tests that need no terminal: each question is matched against a script
 * of expected messages and answers, and typed answers go through the prompt's own validator,
 * as they would in the terminal.
 */
import { expect } from 'vitest';
import type { Choice, Prompts } from '../../../src/cli/init/wizard.js';

/** Press Enter: take the prompt's default. */
export const ENTER = Symbol('enter');

export type Step = [message: RegExp, answer: string | boolean | typeof ENTER];

export interface Scripted extends Prompts {
  /** Messages asked so far, in order. */
  asked: string[];
  /** Script steps not yet used. */
  remaining(): number;
}

export function scriptedPrompts(script: readonly Step[]): Scripted {
  const steps = [...script];
  const asked: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    const step = steps.shift();
    if (!step) throw new Error(`unexpected question: ${message}`);
    expect(message).toMatch(step[0]);
    return step[1];
  };
  return {
    asked,
    remaining: () => steps.length,
    async input(config) {
      const answer = next(config.message);
      const text = answer === ENTER ? (config.default ?? '') : String(answer);
      const verdict = config.validate ? await config.validate(text) : true;
      if (verdict !== true)
        throw new Error(`"${text}" rejected at "${config.message}": ${String(verdict)}`);
      return text;
    },
    async select<const T extends string>(config: {
      message: string;
      choices: readonly Choice<T>[];
      default?: NoInfer<T>;
    }): Promise<T> {
      const answer = next(config.message);
      const value = answer === ENTER ? (config.default ?? config.choices[0]?.value) : answer;
      const choice = config.choices.find((c) => c.value === value);
      if (!choice) throw new Error(`"${String(value)}" is not a choice at "${config.message}"`);
      return choice.value;
    },
    async confirm(config) {
      const answer = next(config.message);
      return answer === ENTER ? (config.default ?? false) : Boolean(answer);
    },
  };
}

/** Enter at every prompt, however many there are. */
export function enterEverywhere(): Prompts & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async input(config) {
      asked.push(config.message);
      const text = config.default ?? '';
      const verdict = config.validate ? await config.validate(text) : true;
      if (verdict !== true)
        throw new Error(`the default of "${config.message}" is rejected: ${String(verdict)}`);
      return text;
    },
    async select(config) {
      asked.push(config.message);
      const value = config.default ?? config.choices[0]?.value;
      if (value === undefined) throw new Error(`no choices at "${config.message}"`);
      return value;
    },
    async confirm(config) {
      asked.push(config.message);
      return config.default ?? false;
    },
  };
}
