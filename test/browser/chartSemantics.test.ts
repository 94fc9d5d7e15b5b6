import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { openDeck } from '../support/browser.ts';
import { testDecksInChromium } from '../support/testDecks.ts';

// What a screen reader gets from a chart slide, read from Chromium's own accessibility tree.

const { decks, chromium } = testDecksInChromium('chart-semantics');
let url: string;

/** The titles of every-chart.mdx's charts, one per slide. */
const titles = ['Students per staff member', 'Two series', 'Spending by year', 'Shares', 'Pie', 'Ratings'];

beforeAll(async () => {
  url = (await decks.built('every-chart')).url;
});

/** One node of the tree, as a screen reader is given it. */
interface TreeNode {
  role: string;
  name: string;
  expanded?: boolean;
}

/** The nodes of the page's accessibility tree that assistive technology gets (ignored nodes left out). */
async function accessibilityTree(page: Page): Promise<TreeNode[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = await session.send('Accessibility.getFullAXTree');
    return nodes
      .filter((node) => !node.ignored)
      .map((node) => {
        const expanded = node.properties?.find((property) => property.name === 'expanded')?.value.value;
        return {
          role: String(node.role?.value ?? ''),
          name: String(node.name?.value ?? ''),
          ...(expanded === undefined ? {} : { expanded: Boolean(expanded) }),
        };
      });
  } finally {
    await session.detach();
  }
}

/** Goes to a slide and waits until reveal has settled it (two frames). */
async function showSlide(page: Page, index: number): Promise<void> {
  await page.evaluate(async (slide) => {
    window.Reveal.slide(slide);
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  }, index);
}

it("names each chart's figure by its title alone", async () => {
  const { page, context } = await openDeck(chromium(), url, { reducedMotion: 'reduce' });
  for (const [index, title] of titles.entries()) {
    await showSlide(page, index);
    const figures = (await accessibilityTree(page)).filter((node) => node.role === 'figure');
    expect(
      figures.map((node) => node.name),
      `figure on slide ${index + 1}`,
    ).toEqual([title]);
  }
  await context.close();
});

it("reads each chart's summary once, from the picture", async () => {
  const { page, context } = await openDeck(chromium(), url, { reducedMotion: 'reduce' });
  for (const [index, title] of titles.entries()) {
    await showSlide(page, index);
    // The summary is the canvas's text after "<title>. ".
    const label = await page
      .locator('.reveal .slides > section.present figure.podium-chart canvas')
      .getAttribute('aria-label');
    const summary = label!.slice(`${title}. `.length);
    expect(summary.length, `summary on slide ${index + 1}`).toBeGreaterThan(10);
    const readers = (await accessibilityTree(page)).filter((node) => node.name.includes(summary));
    expect(
      readers.map((node) => node.role),
      `nodes reading the summary on slide ${index + 1}`,
    ).toEqual(['image']);
  }
  await context.close();
});

it('keeps a collapsed data table out of the tree, and "Show data" brings it in with aria-expanded to match', async () => {
  const { page, context } = await openDeck(chromium(), url, { reducedMotion: 'reduce' });
  await showSlide(page, 2);
  const button = page.locator('.reveal .slides > section.present button.podium-data-toggle');
  const state = async () => {
    const tree = await accessibilityTree(page);
    return {
      tables: tree.filter((node) => node.role === 'table').map((node) => node.name),
      buttons: tree.filter((node) => node.role === 'button' && /data$/.test(node.name)),
    };
  };
  expect(await state()).toEqual({ tables: [], buttons: [{ role: 'button', name: 'Show data', expanded: false }] });
  await button.click();
  // Named by its title and the unit its numbers count.
  await expect.poll(state).toEqual({
    tables: ['Spending by year (thousand dollars)'],
    buttons: [{ role: 'button', name: 'Hide data', expanded: true }],
  });
  await button.click();
  await expect.poll(state).toEqual({ tables: [], buttons: [{ role: 'button', name: 'Show data', expanded: false }] });
  await context.close();
});

// "Slide 3 / 10", not "Slide 3 of 10": the name keeps the visible "3 / 10" whole (WCAG 2.5.3, axe checks it).
it('names the slide-number link "Slide N / M", following the slide shown', async () => {
  const { page, context } = await openDeck(chromium(), url, { reducedMotion: 'reduce' });
  const slideNumberLinks = async () =>
    (await accessibilityTree(page))
      .filter((node) => node.role === 'link' && /\d/.test(node.name) && !node.name.startsWith('Source'))
      .map((node) => node.name);
  await expect.poll(slideNumberLinks).toEqual(['Slide 1 / 6']);
  await showSlide(page, 2);
  await expect.poll(slideNumberLinks).toEqual(['Slide 3 / 6']);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(slideNumberLinks).toEqual(['Slide 2 / 6']);
  await context.close();
});
