import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openDeck } from '../support/browser.ts';
import { sampleDecksInChromium } from '../support/sampleDecks.ts';
import { TestDecks } from '../support/testDecks.ts';

const { samples, chromium } = sampleDecksInChromium('read', 'school-support-staff');
const testDecks = new TestDecks('read');
const school = () => samples.url('school-support-staff');

afterAll(() => testDecks.remove());

/** The page's accessibility tree as Chromium gives it to screen readers, in Playwright's YAML form. */
const tree = (page: Page) => page.locator('body').ariaSnapshot();

/** Headings of level 1 and 2 in the accessibility tree. */
async function topHeadings(page: Page): Promise<string[]> {
  return (await tree(page)).split('\n').filter((line) => /heading .*\[level=[12]\]/.test(line));
}

describe('the reading view (?read)', () => {
  it('is one document: a heading per slide, every step, every table, no application role', async () => {
    const { page, context, networkAttempts, errors } = await openDeck(chromium(), `${school()}?read`);
    const snapshot = await tree(page);
    expect(snapshot).not.toMatch(/application/);
    expect(await page.locator('[role=application]').count()).toBe(0);
    expect(await topHeadings(page)).toHaveLength(10);
    // Every step's text is in the tree at load, without stepping or scrolling to it.
    const steps = await page.locator('.reveal .fragment').allTextContents();
    expect(steps.length).toBeGreaterThan(5);
    for (const step of steps) expect(snapshot).toContain(step.trim().split('\n')[0].slice(0, 40));
    // Each chart's data is a table in the tree, shown on the page, and the button is gone.
    expect(await page.getByRole('table').count()).toBeGreaterThanOrEqual(2);
    for (const table of await page.locator('.podium-data-table').all()) expect(await table.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /data/ }).count()).toBe(0);
    // Each chart's summary is written out for everyone, and heard once: as the picture's name.
    const summaries = await page.locator('.podium-chart-summary').allTextContents();
    expect(summaries).toHaveLength(2);
    expect(summaries[0]).toMatch(/^Highest None of the four/);
    expect(snapshot.split('Highest None of the four')).toHaveLength(2);
    // Notes are private unless the deck says otherwise: not in the page at all.
    expect(await page.locator('aside.notes').count()).toBe(0);
    expect(snapshot).not.toContain('Speaker notes');
    // The charts are drawn.
    expect(await page.evaluate(() => document.querySelectorAll('canvas[height]').length)).toBeGreaterThanOrEqual(2);
    expect(networkAttempts).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows public notes under a "Speaker notes" heading, names slides without a heading, links sources back', async () => {
    const { url } = await testDecks.built('public-notes');
    const { page, context, errors } = await openDeck(chromium(), `${url}?read`);
    expect(await topHeadings(page)).toHaveLength(4);
    expect(await page.getByRole('heading', { name: 'Slide 3', level: 2 }).count()).toBe(1);
    const notes = page.getByRole('note', { name: 'Speaker notes' });
    expect(await notes.count()).toBe(2);
    expect(await notes.nth(1).textContent()).toContain('Read each request slowly.');
    expect(await page.getByText('Second request').isVisible()).toBe(true);
    // [1] goes to its entry in the list; the entry goes back to the slide that cites it.
    await page.getByRole('link', { name: 'Source 1' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#source-1');
    await page.getByRole('link', { name: 'Back to slide 3' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#slide-3');
    const top = await page.evaluate(() => document.getElementById('slide-3')?.getBoundingClientRect().top ?? -1);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(720 / 2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens at the slide the presentation showed, and goes back to the slides there', async () => {
    const { page, context } = await openDeck(chromium(), school());
    const link = page.getByRole('link', { name: 'Read as one page' });
    expect(await link.boundingBox()).toMatchObject({ y: expect.toSatisfy((y: number) => y < 0) });
    // The first Tab stop, shown when it has focus.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Read as one page');
    const box = await link.boundingBox();
    expect(box && box.y >= 0 && box.height >= 24).toBe(true);
    await page.evaluate(() => window.Reveal.slide(3));
    await Promise.all([page.waitForURL(/\?read#\/\d+$/), page.keyboard.press('Enter')]);
    await page.waitForSelector('html[data-podium-ready]');
    const index = Number(new URL(page.url()).hash.slice(2));
    const top = await page.evaluate(
      (at) => document.querySelectorAll('.slides > section')[at].getBoundingClientRect().top,
      index,
    );
    expect(Math.abs(top)).toBeLessThan(5);
    await Promise.all([
      page.waitForURL((address) => !address.search.includes('read')),
      page.getByRole('link', { name: 'Show as slides' }).click(),
    ]);
    await page.waitForSelector('html[data-podium-ready]');
    expect(await page.evaluate(() => window.Reveal.getIndices().h)).toBe(index);
    await context.close();
  });
});

describe('zoom', () => {
  /** Body text as rendered, in CSS pixels: its font size times any scale reveal applies. */
  const bodyText = (page: Page) =>
    page.evaluate(() => {
      const paragraph = [...document.querySelectorAll<HTMLElement>('.reveal .slides > section p')].find(
        (p) => p.getClientRects().length > 0,
      );
      if (!paragraph) return 0;
      const scale = document.documentElement.classList.contains('podium-read') ? 1 : window.Reveal.getScale();
      return Number.parseFloat(getComputedStyle(paragraph).fontSize) * scale;
    });

  it('at 200 % (640 × 360) renders body text at least as large, in CSS pixels, as at 100 % (1280 × 720)', async () => {
    const full = await openDeck(chromium(), school(), { viewport: { width: 1280, height: 720 } });
    const atFull = await bodyText(full.page);
    expect(atFull).toBeGreaterThan(30);
    await full.context.close();
    const zoomed = await openDeck(chromium(), school(), { viewport: { width: 640, height: 360 } });
    expect(await zoomed.page.evaluate(() => document.documentElement.classList.contains('podium-read'))).toBe(true);
    expect(await bodyText(zoomed.page)).toBeGreaterThanOrEqual(atFull);
    // Reflowed: nothing wider than the window.
    expect(await zoomed.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
    await zoomed.context.close();
  });

  it('zooming in and out of a presentation switches views at the same slide', async () => {
    const { page, context } = await openDeck(chromium(), school());
    await page.evaluate(() => window.Reveal.slide(4));
    await Promise.all([page.waitForEvent('load'), page.setViewportSize({ width: 640, height: 360 })]);
    await page.waitForSelector('html.podium-read[data-podium-ready]');
    const top = await page.evaluate(
      () => document.querySelectorAll('.slides > section')[4].getBoundingClientRect().top,
    );
    expect(Math.abs(top)).toBeLessThan(5);
    await Promise.all([page.waitForEvent('load'), page.setViewportSize({ width: 1280, height: 720 })]);
    await page.waitForSelector('html[data-podium-ready]');
    expect(await page.evaluate(() => window.Reveal.getIndices().h)).toBe(4);
    await context.close();
  });

  it('with WCAG 1.4.12 text spacing, no slide is cut off: a slide that would overflow scrolls', async () => {
    const { page, context } = await openDeck(chromium(), school());
    await page.addStyleTag({
      content: `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
        p { margin-bottom: 2em !important; }`,
    });
    const total = await page.evaluate(() => window.Reveal.getTotalSlides());
    const cut: string[] = [];
    for (let index = 0; index < total; index++) {
      const result = await page.evaluate(async (at) => {
        window.Reveal.slide(at);
        window.Reveal.layout();
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const slide = window.Reveal.getCurrentSlide() as HTMLElement;
        const box = slide.getBoundingClientRect();
        const scrolls = getComputedStyle(slide).overflowY === 'auto';
        const overflows = slide.scrollHeight > slide.clientHeight + 1;
        return {
          inWindow: box.top >= -1 && box.bottom <= window.innerHeight + 1,
          reachable: !overflows || scrolls,
          wide: slide.scrollWidth > slide.clientWidth + 1,
        };
      }, index);
      if (!result.inWindow || !result.reachable || result.wide) cut.push(`${index + 1}: ${JSON.stringify(result)}`);
    }
    expect(cut).toEqual([]);
    await context.close();
  });
});

describe('a phone (390 × 844)', () => {
  it('reads as one page: content-high slides, every step shown, readable text, large tap targets', async () => {
    const { page, context } = await openDeck(chromium(), school(), { viewport: { width: 390, height: 844 } });
    expect(await page.evaluate(() => document.documentElement.classList.contains('podium-read'))).toBe(true);
    const layout = await page.evaluate(() => {
      const visible = (element: Element) => element.getClientRects().length > 0;
      const sizes = (selector: string) =>
        [...document.querySelectorAll(selector)]
          .filter(visible)
          .map((element) => Number.parseFloat(getComputedStyle(element).fontSize));
      const small = [...document.querySelectorAll('a, button')]
        .filter(visible)
        .map((element) => ({ text: element.textContent?.trim(), box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`);
      return {
        page: document.documentElement.scrollHeight,
        slides: [...document.querySelectorAll('.slides > section')].map((s) => s.getBoundingClientRect().height),
        hiddenSteps: [...document.querySelectorAll('.fragment')].filter(
          (step) => getComputedStyle(step).opacity !== '1' || getComputedStyle(step).visibility !== 'visible',
        ).length,
        body: Math.min(...sizes('.slides > section p, .slides > section li:not(ol.podium-sources li)')),
        sources: Math.min(...sizes('.podium-source, .slides small, ol.podium-sources li')),
        small,
      };
    });
    // reveal's scroll view gave every slide a full screen (13,500 px for this deck).
    expect(layout.page).toBeLessThan(9000);
    expect(Math.min(...layout.slides)).toBeLessThan(844 / 2);
    expect(layout.hiddenSteps).toBe(0);
    expect(layout.body).toBeGreaterThanOrEqual(16);
    expect(layout.sources).toBeGreaterThanOrEqual(13);
    expect(layout.small).toEqual([]);
    // Every step's text is in the accessibility tree at load, without scrolling to it.
    const snapshot = await tree(page);
    for (const step of await page.locator('.reveal .fragment').allTextContents())
      expect(snapshot).toContain(step.trim().split('\n')[0].slice(0, 40));
    // No live region announces anything while scrolling.
    expect(await page.locator('[aria-live]').count()).toBe(0);
    await context.close();
  });
});
