import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openDeck } from '../support/browser.ts';
import { SampleDecks, sampleDeckNames } from '../support/sampleDecks.ts';

const samples = new SampleDecks('a11y');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  slide: number;
  rule: string;
  impact: string | null;
  targets: string[];
}

let browser: Browser;

beforeAll(async () => {
  await samples.build();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  samples.remove();
});

describe.each(sampleDeckNames)('%s', (name) => {
  // WCAG 2.1 A and AA, the level the ADA Title II web rule requires of public bodies.
  it('has no WCAG 2.1 A or AA violations on any slide (axe-core)', async () => {
    const { page, context } = await openDeck(browser, samples.url(name), {
      reducedMotion: 'reduce',
    });
    // Evaluated through the browser's debugging protocol: the deck's own policy rightly refuses an injected <script>.
    await page.evaluate(axeSource);
    const total = await page.evaluate(() => window.Reveal.getTotalSlides());
    const violations: Violation[] = [];
    for (let slide = 0; slide < total; slide++) {
      const found = await page.evaluate(async (index) => {
        const reveal = window.Reveal;
        reveal.slide(index);
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const axe = window.axe;
        const result = await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return result.violations.map((violation) => ({
          rule: violation.id,
          impact: violation.impact ?? null,
          targets: violation.nodes.map((node) => node.target.join(' ')),
        }));
      }, slide);
      violations.push(...found.map((violation) => ({ slide: slide + 1, ...violation })));
    }
    expect(violations).toEqual([]);
    await context.close();
  });

  // The reading view, as ?read asks for it and as a phone gets it.
  it.each([
    ['?read', { width: 1280, height: 720 }],
    ['', { width: 390, height: 844 }],
  ])('has no WCAG 2.1 A or AA violations as one page to read (%s at %o)', async (query, viewport) => {
    const { page, context } = await openDeck(browser, `${samples.url(name)}${query}`, {
      reducedMotion: 'reduce',
      viewport,
    });
    expect(await page.evaluate(() => document.documentElement.classList.contains('podium-read'))).toBe(true);
    await page.evaluate(axeSource);
    const found = await page.evaluate(async () => {
      const result = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map((violation) => ({
        rule: violation.id,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
    });
    expect(found).toEqual([]);
    await context.close();
  });
});
