import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { openDeck } from '../support/browser.ts';
import { sampleDecksInChromium } from '../support/sampleDecks.ts';

const { samples, chromium } = sampleDecksInChromium('semantics', 'school-support-staff');
const school = () => samples.url('school-support-staff');

/** What assistive technology would announce: the text of every live region in the tree. */
const liveText = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[aria-live]')]
      .filter((region) => region.getClientRects().length > 0 || getComputedStyle(region).display !== 'none')
      .filter((region) => !region.closest('[hidden], [aria-hidden=true]'))
      .map((region) => region.textContent ?? '')
      .join(''),
  );

const focusedDescription = (page: Page) =>
  page.evaluate(() => {
    const focused = document.activeElement;
    return focused ? `${focused.tagName.toLowerCase()} ${focused.textContent?.trim().slice(0, 40)}` : 'none';
  });

it('is a document of labelled slides, not an application', async () => {
  const { page, context } = await openDeck(chromium(), school(), { reducedMotion: 'reduce' });
  expect(await page.locator('[role=application]').count()).toBe(0);
  const snapshot = await page.locator('body').ariaSnapshot();
  expect(snapshot).not.toMatch(/application/);
  // Only the slide shown is in the tree; it is a group named by its number and heading.
  expect(snapshot).toContain('group "1 of 10: Students need support staff"');
  const labels = await page.$$eval('.slides > section', (slides) =>
    slides.map((slide) => [slide.getAttribute('role'), slide.getAttribute('aria-roledescription'), slide.ariaLabel]),
  );
  expect(labels).toHaveLength(10);
  expect(labels[9]).toEqual(['group', 'slide', '10 of 10: Sources']);
  await context.close();
});

it('announces a new slide by its label only, once, and moves focus to its heading', async () => {
  const { page, context } = await openDeck(chromium(), school(), { reducedMotion: 'reduce' });
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => liveText(page)).toBe('2 of 10: Police, but no support staff');
  expect(await focusedDescription(page)).toBe('h2 Police, but no support staff');
  // reveal's own region, which held the whole slide, is out of the tree.
  expect(await page.locator('.aria-status').isHidden()).toBe(true);
  // A slide of 700+ characters, table and hidden steps included, is still announced by its label.
  await page.evaluate(() => window.Reveal.slide(8));
  await expect.poll(() => liveText(page)).toBe('9 of 10: What we ask');
  expect((await liveText(page)).length).toBeLessThan(120);
  // Said once: the announcement does not stay in the page to be read again after the slide.
  await expect.poll(() => liveText(page), { timeout: 5000 }).toBe('');
  await context.close();
});

it('leaves focus on a control outside the slides, such as the arrow buttons', async () => {
  const { page, context } = await openDeck(chromium(), school(), { reducedMotion: 'reduce' });
  await page.locator('.reveal .controls .navigate-right').click();
  await expect.poll(() => page.evaluate(() => window.Reveal.getIndices().h)).toBe(1);
  expect(await page.evaluate(() => document.activeElement?.closest('.controls') !== null)).toBe(true);
  await context.close();
});
