import input from '@inquirer/input';
import { render } from '@inquirer/testing';
import { expect, it } from 'vitest';
import { parseBandArr, validator } from '../../../src/cli/init/parse.js';

it('renders a single question with its validator (@inquirer/testing render)', async () => {
  const band = { min: 100_000, max: 500_000 };
  const {
    answer: result,
    events,
    getScreen,
    nextRender,
  } = await render(input, {
    message: 'What does a typical one of them pay per year?',
    default: '$200k',
    validate: validator((text) => parseBandArr(text, band)),
  });
  events.type('600k');
  events.keypress('enter');
  await nextRender();
  expect(getScreen()).toContain('$600k is above this band (under $500k)');
  for (let i = 0; i < 4; i++) events.keypress('backspace');
  events.type('1.5e5');
  events.keypress('enter');
  await nextRender();
  expect(getScreen()).toContain('is not an amount');
  for (let i = 0; i < 5; i++) events.keypress('backspace');
  events.type('150,000');
  events.keypress('enter');
  await expect(result).resolves.toBe('150,000');
});
