import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { expect, it } from 'vitest';
import { buildDeck } from '../../src/buildDeck.ts';
import { resolveConfig } from '../../src/config.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const config = resolveConfig({ root });

/** The sample decks, the deck with every chart type, and the component guide's deck (every component). */
const decks = [
  ...readdirSync(join(root, 'decks'))
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => join('decks', name)),
  'test/browser/decks/every-chart.mdx',
  'docs/components.mdx',
];

/** html-validate's recommended rules, its accessibility rules among them, with none turned off. */
const rules: ConfigData = { extends: ['html-validate:recommended'] };

it.each(decks)('%s builds into HTML that html-validate finds no errors in', async (deck) => {
  const { html } = await buildDeck(join(root, deck), config);
  const report = await new HtmlValidate(rules).validateString(html, deck);
  const problems = report.results.flatMap((result) =>
    result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`),
  );
  expect(problems).toEqual([]);
});
