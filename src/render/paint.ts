/**
 * Colour for renderers, decided by the caller: chalk with an explicit level, so neither
 * NO_COLOR nor a terminal check happens inside a renderer.
 */
import { Chalk } from 'chalk';

export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  blue(text: string): string;
  cyan(text: string): string;
}

const plain: Paint = {
  bold: (t) => t,
  dim: (t) => t,
  red: (t) => t,
  yellow: (t) => t,
  green: (t) => t,
  blue: (t) => t,
  cyan: (t) => t,
};

export function painter(color: boolean): Paint {
  if (!color) return plain;
  const c = new Chalk({ level: 1 });
  return {
    bold: (t) => c.bold(t),
    dim: (t) => c.dim(t),
    red: (t) => c.red(t),
    yellow: (t) => c.yellow(t),
    green: (t) => c.green(t),
    blue: (t) => c.blue(t),
    cyan: (t) => c.cyan(t),
  };
}
