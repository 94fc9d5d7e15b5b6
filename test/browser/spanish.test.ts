import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { testDecksInChromium } from '../support/testDecks.ts';
import { openDeck } from '../support/browser.ts';

const { decks, chromium } = testDecksInChromium('spanish');
let url: string;

/** English words Podium has written in a deck's pages; the Spanish deck's own text has none of them. */
const englishWords =
  /\b(Show|Hide|data|Slides?|Speaker|notes|Sources?|Back|Time|up|left|over|Read|page|Next|Previous|Close|shortcuts|Keyboard|Key|Pace|Press|restarts|seconds|step|Resume|presentation|Jump|Waiting|Smaller|Larger|black|screen|audience|of|the|view)\b/i;

beforeAll(async () => {
  url = (await decks.built('spanish')).url;
});

/**
 * Every word a reader can meet in a page: the text shown or kept for screen readers (not the
 * text of hidden parts), the names and descriptions in attributes, the window's title.
 */
function wordsIn(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found = [document.title];
    const hidden = (element: Element) =>
      element.closest('[hidden], [aria-hidden="true"]') !== null && !element.closest('.sr-only');
    const walk = (element: Element) => {
      if (element.matches('script, style, template')) return;
      for (const name of ['aria-label', 'aria-roledescription', 'title', 'alt', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value) found.push(`${element.tagName.toLowerCase()}[${name}]: ${value}`);
      }
      const shown =
        element.classList.contains('sr-only') ||
        (!hidden(element) && getComputedStyle(element).display !== 'none' && element.checkVisibility());
      for (const child of element.childNodes) {
        if (child.nodeType === Node.TEXT_NODE && shown && child.textContent?.trim()) {
          found.push(`${element.tagName.toLowerCase()}: ${child.textContent.trim()}`);
        }
        if (child instanceof Element) walk(child);
      }
    };
    walk(document.body);
    return found;
  });
}

async function expectNoEnglish(page: Page, where: string): Promise<void> {
  const english = (await wordsIn(page)).filter((text) => englishWords.test(text));
  expect(english, where).toEqual([]);
}

async function openSpeakerView(context: BrowserContext, page: Page): Promise<Page> {
  const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  await speaker.waitForSelector('html[data-podium-ready]');
  return speaker;
}

it('writes no English word in a Spanish deck: slides, help, speaker view, timer, citations', async () => {
  const { page, context, errors } = await openDeck(chromium(), url);
  await page.clock.install();
  await page.reload();
  await page.waitForSelector('html[data-podium-ready]');
  await expectNoEnglish(page, 'the title slide, before the talk starts');

  await page.keyboard.press('?');
  await expect.poll(() => page.locator('dialog.podium-help[open]').count()).toBe(1);
  await expectNoEnglish(page, 'the help dialog');
  expect(await page.locator('dialog.podium-help h2').textContent()).toBe('Atajos de teclado');
  await page.keyboard.press('Escape');

  const speaker = await openSpeakerView(context, page);
  await page.clock.runFor(2000);
  await expect.poll(() => speaker.locator('.podium-speaker-timer-value').textContent()).toBe('Quedan 1:00');
  await expectNoEnglish(speaker, 'the speaker view before the talk');

  // Every slide and step, in the presentation and in the speaker view.
  const slides = await page.evaluate(() => window.Reveal.getTotalSlides());
  for (let moves = 0; !(await page.evaluate(() => window.Reveal.isLastSlide())) && moves < 20; moves += 1) {
    await page.keyboard.press('ArrowRight');
    await page.clock.runFor(1000);
    const place = await page.evaluate(() => window.Reveal.getIndices());
    await expectNoEnglish(page, `slide ${place.h + 1}, step ${place.f ?? 0}`);
    await expectNoEnglish(speaker, `the speaker view at slide ${place.h + 1}, step ${place.f ?? 0}`);
  }
  await expect
    .poll(() => speaker.locator('.podium-speaker-place').textContent())
    .toBe(`Diapositiva ${slides} de ${slides}`);

  // The data table's button, once the runtime has turned it.
  await page.evaluate(() => window.Reveal.slide(1));
  await page.keyboard.press('t');
  expect(await page.locator('.present .podium-data-toggle').textContent()).toBe('Ocultar datos');

  // A citation, and the link back beside its source.
  await page.evaluate(() => window.Reveal.slide(4));
  await page.locator('.present a.podium-cite').click();
  await expect.poll(() => page.locator('.podium-cite-back').textContent()).toBe('Volver a la diapositiva 5');
  await expectNoEnglish(page, 'the Sources slide, reached by a citation');

  // The black screen's button and the go-to-slide field are reveal.js's, worded by Podium.
  await page.keyboard.press('b');
  await expectNoEnglish(page, 'the black screen');
  await page.keyboard.press('b');
  await page.keyboard.press('g');
  await expect.poll(() => page.locator('.jump-to-slide input').count()).toBe(1);
  await expectNoEnglish(page, 'the go-to-slide field');
  await page.keyboard.press('Escape');

  // 30 seconds left, then time up: on the audience's bar and in the speaker view.
  const timer = page.locator('.podium-timer').getByRole('timer');
  // However long the scans above took, step the clock a second at a time into the last 30 seconds.
  for (let second = 0; second < 60; second++) {
    if (/warning/.test((await page.locator('.podium-timer').getAttribute('class')) ?? '')) break;
    await page.clock.runFor(1000);
  }
  await expect.poll(() => page.locator('.podium-timer').getAttribute('class')).toMatch(/warning/);
  expect(await timer.textContent()).toMatch(/^Quedan \d+ s$/);
  await expectNoEnglish(page, 'the presentation with 30 seconds left');
  await expectNoEnglish(speaker, 'the speaker view with 30 seconds left');
  await page.clock.runFor(40_000);
  await expect.poll(() => timer.textContent()).toBe('Se acabó el tiempo');
  await expect.poll(() => speaker.locator('.podium-speaker-timer-value').textContent()).toBe('Se acabó el tiempo');
  await expectNoEnglish(page, 'the presentation at time up');
  await expectNoEnglish(speaker, 'the speaker view at time up');
  expect(errors).toEqual([]);
  await context.close();
});

it('writes no English word in a Spanish deck read as one page', async () => {
  const { page, context, errors } = await openDeck(chromium(), `${url}?read`);
  expect(await page.locator('a.podium-read-link').textContent()).toBe('Ver como diapositivas');
  await expectNoEnglish(page, 'the reading view');
  expect(errors).toEqual([]);
  await context.close();
});
