import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { openDeck } from '../support/browser.ts';
import { testDecksInChromium } from '../support/testDecks.ts';

// test/browser/decks/keyboard.mdx: 0 a link to slide 1; 1 a chart with "Show data" and source [1];
// 2 a citation [2] and a step; 3 Sources.
const { decks, chromium } = testDecksInChromium('keyboard');

let url: string;

beforeAll(async () => {
  url = (await decks.built('keyboard')).url;
});

const open = (address = url) => openDeck(chromium(), address, { reducedMotion: 'reduce' });

/** The focused element, as a test failure should show it: `tag#id.class "text"`. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return 'nothing';
    const id = element.id ? `#${element.id}` : '';
    const classes = [...element.classList].map((name) => `.${name}`).join('');
    const words = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `${element.tagName.toLowerCase()}${id}${classes} "${words}"`;
  });

const isFocused = (page: Page, selector: string) =>
  page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector);

/** Where focus is: on the shown slide, on a hidden one (aria-hidden, inert or hidden), or elsewhere. */
const focusPlace = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'page';
    if (element.closest('[aria-hidden="true"], [inert], [hidden]')) return 'hidden';
    return element.closest('.reveal .slides section.present') ? 'shown slide' : 'outside the slides';
  });

const slideIndex = (page: Page) => page.evaluate(() => window.Reveal.getIndices().h);
const goTo = (page: Page, h: number) => page.evaluate((index) => window.Reveal.slide(index), h);

/** Presses Tab until `selector` has focus, as a keyboard user would. */
async function tabTo(page: Page, selector: string): Promise<void> {
  const seen: string[] = [];
  for (let presses = 0; presses < 30; presses++) {
    await page.keyboard.press('Tab');
    if (await isFocused(page, selector)) return;
    seen.push(await focused(page));
  }
  throw new Error(`Tab never reached ${selector}; it went to:\n${seen.join('\n')}`);
}

/** WCAG contrast of two sRGB colours. */
function contrast(a: readonly number[], b: readonly number[]): number {
  const luminance = ([r, g, b]: readonly number[]) => {
    const [lr, lg, lb] = [r, g, b].map((value) => {
      const channel = value / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const rgb = (css: string) =>
  css
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map(Number);

/** The strongest contrast any drawn pixel of the element has against the page's background colour. */
async function drawnContrast(page: Page, selector: string): Promise<number> {
  const box = (await page.locator(selector).boundingBox())!;
  const background = rgb(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
  const picture = PNG.sync.read(await page.screenshot({ clip: box }));
  let best = 1;
  for (let at = 0; at < picture.data.length; at += 4) {
    best = Math.max(best, contrast(background, [...picture.data.subarray(at, at + 3)]));
  }
  return best;
}

it('Space and Enter press a focused "Show data" button; the slide and the focus stay', async () => {
  const { page, context, errors } = await open();
  await goTo(page, 1);
  await tabTo(page, 'button.podium-data-toggle');
  const button = page.locator('button.podium-data-toggle');
  await page.keyboard.press('Space');
  expect(await button.getAttribute('aria-expanded')).toBe('true');
  expect(await page.locator('section.present figure.podium-show-data').count()).toBe(1);
  expect(await slideIndex(page)).toBe(1);
  expect(await focused(page)).toBe('button.podium-data-toggle "Hide data"');
  await page.keyboard.press('Enter');
  expect(await button.getAttribute('aria-expanded')).toBe('false');
  expect(await slideIndex(page)).toBe(1);
  expect(await focused(page)).toBe('button.podium-data-toggle "Show data"');
  expect(errors).toEqual([]);
  await context.close();
});

it('Enter follows a focused link, and focus goes along to the slide it shows', async () => {
  const { page, context } = await open();
  await tabTo(page, 'a[href="#/1"]');
  await page.keyboard.press('Enter');
  await expect.poll(() => slideIndex(page)).toBe(1);
  expect(await focusPlace(page)).toBe('shown slide');
  expect(await focused(page)).toBe('h2 "A chart"');
  await context.close();
});

it('arrows on a focused link change the slide, and focus never stays on the hidden one', async () => {
  const { page, context } = await open();
  await tabTo(page, 'a[href="#/1"]');
  await page.keyboard.press('ArrowRight');
  expect(await slideIndex(page)).toBe(1);
  expect(await focusPlace(page)).toBe('shown slide');
  await tabTo(page, 'button.podium-data-toggle');
  await page.keyboard.press('ArrowLeft');
  expect(await slideIndex(page)).toBe(0);
  expect(await focusPlace(page)).toBe('shown slide');
  expect(await focused(page)).toBe('h1 "Keys that respect focus"');
  await context.close();
});

it('leaves arrows, Home and End to a focused control that uses them', async () => {
  const { page, context } = await open();
  await goTo(page, 1);
  await page.evaluate(() => {
    const slide = window.Reveal.getCurrentSlide();
    const slider = Object.assign(document.createElement('div'), { tabIndex: 0, className: 'test-slider' });
    slider.setAttribute('role', 'slider');
    slider.setAttribute('aria-label', 'Level');
    slider.setAttribute('aria-valuenow', '5');
    const select = Object.assign(document.createElement('select'), { className: 'test-select' });
    select.setAttribute('aria-label', 'Year');
    select.append(new Option('2023'), new Option('2024'));
    slide.append(slider, select);
  });
  for (const control of ['.test-slider', '.test-select']) {
    await page.focus(control);
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'Home', 'End', 'PageDown']) {
      await page.keyboard.press(key);
      expect(await slideIndex(page), `${key} on ${control}`).toBe(1);
      expect(await isFocused(page, control)).toBe(true);
    }
  }
  await context.close();
});

it('the "next" arrow keeps focus, in view, when the last slide leaves it nowhere to go', async () => {
  const { page, context } = await open();
  await goTo(page, 2);
  await tabTo(page, '.controls .navigate-right');
  await page.keyboard.press('Enter'); // the step on slide 3
  await page.keyboard.press('Enter');
  expect(await slideIndex(page)).toBe(3);
  // Long enough for the browser to drop focus from a control that can no longer have it.
  await page.waitForTimeout(300);
  expect(await focused(page)).toBe('button.navigate-right ""');
  const next = page.locator('.controls .navigate-right');
  expect(await next.getAttribute('aria-disabled')).toBe('true');
  expect(await next.isVisible()).toBe(true);
  expect(await drawnContrast(page, '.controls .navigate-right')).toBeGreaterThanOrEqual(3);
  await page.keyboard.press('Enter');
  expect(await slideIndex(page)).toBe(3);
  await page.keyboard.press('Shift+Tab');
  expect(await isFocused(page, '.controls .navigate-left'), await focused(page)).toBe(true);
  // Once focus has left it, the arrow with nowhere to go is out of sight and out of the Tab order.
  expect(await next.isVisible()).toBe(false);
  await context.close();
});

it('a citation leads to its own entry, focused and in view, with a link back; Back returns', async () => {
  const { page, context, errors } = await open();
  await goTo(page, 2);
  await tabTo(page, 'section.present a.podium-cite');
  await page.keyboard.press('Enter');
  await expect.poll(() => slideIndex(page)).toBe(3);
  expect(new URL(page.url()).hash).toBe('#source-2');
  expect(await isFocused(page, 'li#source-2'), await focused(page)).toBe(true);
  expect(await page.locator('#source-2').textContent()).toBe(
    'ASCA. School Counselor Roles and Ratios, 2024. Back to slide 3',
  );
  const inView = await page.$eval('#source-2', (entry) => {
    const box = entry.getBoundingClientRect();
    return box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
  });
  expect(inView).toBe(true);
  expect(await page.locator('#source-2 a.podium-cite-back').getAttribute('href')).toBe('#/2');

  await page.evaluate(() => history.back());
  await expect.poll(() => slideIndex(page)).toBe(2);
  expect(new URL(page.url()).hash).toBe('#/2');
  expect(await focused(page)).toBe('a.podium-cite "[2]"');
  expect(await page.locator('a.podium-cite-back').count()).toBe(0);

  await page.evaluate(() => history.forward());
  await expect.poll(() => focused(page)).toMatch(/^li#source-2 /);
  expect(await slideIndex(page)).toBe(3);
  await page.locator('#source-2 a.podium-cite-back').click();
  await expect.poll(() => slideIndex(page)).toBe(2);
  expect(await focused(page)).toBe('a.podium-cite "[2]"');

  // A citation clicked with the pointer goes the same way, and the browser's Back still leaves for the citing slide.
  await goTo(page, 1);
  await page.locator('section.present a.podium-cite').click();
  await expect.poll(() => new URL(page.url()).hash).toBe('#source-1');
  expect(await slideIndex(page)).toBe(3);
  await page.goBack();
  await expect.poll(() => slideIndex(page)).toBe(1);
  expect(errors).toEqual([]);
  await context.close();
});

it('an address naming a source entry opens the Sources slide and keeps the address', async () => {
  const { page, context } = await open(`${url}#source-1`);
  expect(await slideIndex(page)).toBe(3);
  await page.waitForTimeout(1200);
  expect(new URL(page.url()).hash).toBe('#source-1');
  await page.keyboard.press('ArrowLeft');
  expect(new URL(page.url()).hash).toMatch(/^#\/2\b/);
  await context.close();
});

it('? opens a modal dialog that holds focus, closes on Esc and gives focus back', async () => {
  const { page, context } = await open();
  await tabTo(page, 'a[href="#/1"]');
  await page.keyboard.press('Shift+Slash');
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const dialog = nodes.find((node) => node.role?.value === 'dialog' && !node.ignored);
  expect(dialog?.name?.value).toBe('Keyboard shortcuts');
  expect(dialog?.properties?.find((property) => property.name === 'modal')?.value.value).toBe(true);
  expect(await page.locator('dialog.podium-help').evaluate((element) => element.matches(':modal'))).toBe(true);
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await isFocused(page, 'dialog.podium-help *'), `after ${key}: ${await focused(page)}`).toBe(true);
  }
  await page.keyboard.press('ArrowRight');
  expect(await slideIndex(page)).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  expect(await page.locator('dialog.podium-help').isVisible()).toBe(false);
  expect(await page.evaluate(() => window.Reveal.isOverview())).toBe(false);
  expect(await focused(page)).toBe('a "the chart"');
  await context.close();
});

it('single-key shortcuts turn off from the help dialog and stay off after a reload', async () => {
  const { page, context } = await open();
  const windows: string[] = [];
  context.on('page', (opened) => windows.push(opened.url()));
  const turnSingleKeys = async (on: boolean) => {
    await page.keyboard.press('Shift+Slash');
    expect(await focused(page)).toBe('input ""');
    expect(await page.isChecked('dialog.podium-help input[type="checkbox"]')).toBe(!on);
    await page.keyboard.press('Space');
    await page.keyboard.press('Escape');
  };
  const tableShown = () => page.locator('section.present figure.podium-show-data').count();
  await goTo(page, 1);
  await turnSingleKeys(false);
  for (const key of ['t', 'f', 's', 'o', 'b', 'g', 'n', 'p', 'r', '.']) await page.keyboard.press(key);
  expect(await tableShown()).toBe(0);
  expect(await page.evaluate(() => document.fullscreenElement)).toBe(null);
  expect(await page.evaluate(() => window.Reveal.isOverview() || window.Reveal.isPaused())).toBe(false);
  expect(await slideIndex(page)).toBe(1);
  expect(windows).toEqual([]);
  // What is not a single character still works.
  await page.keyboard.press('ArrowRight');
  expect(await slideIndex(page)).toBe(2);
  await page.keyboard.press('Home');
  expect(await slideIndex(page)).toBe(0);
  await page.keyboard.press('Space');
  expect(await slideIndex(page)).toBe(1);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('End');
  expect(await slideIndex(page)).toBe(3);
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => window.Reveal.isOverview())).toBe(true);
  await page.keyboard.press('Escape');

  await page.reload();
  await page.waitForSelector('html[data-podium-ready]');
  await goTo(page, 1);
  await page.keyboard.press('t');
  expect(await tableShown()).toBe(0);
  await turnSingleKeys(true);
  await page.keyboard.press('t');
  expect(await tableShown()).toBe(1);
  await context.close();
});

it('Tab never reaches a slide hidden from screen readers, in the overview or out of it', async () => {
  const { page, context } = await open();
  await goTo(page, 1);
  const tabAround = async (mode: string) => {
    const reached: string[] = [];
    for (let presses = 0; presses < 20; presses++) {
      await page.keyboard.press('Tab');
      if ((await focusPlace(page)) === 'hidden') reached.push(await focused(page));
    }
    expect(reached, `${mode}: focus inside aria-hidden slides`).toEqual([]);
  };
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => window.Reveal.isOverview())).toBe(true);
  await tabAround('overview');
  await page.keyboard.press('ArrowRight');
  await tabAround('overview, moved');
  expect(await axeViolations(page)).toEqual([]);
  // A hidden slide's contents are out of reach, but a click on the slide still picks it.
  const box = (await page.locator('.reveal .slides > section').nth(0).boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => page.evaluate(() => window.Reveal.isOverview())).toBe(false);
  expect(await slideIndex(page)).toBe(0);
  await tabAround('presenting');
  await context.close();
});

it('the arrow buttons show a focus ring and stand out 3:1 from the page, the faded one too', async () => {
  const { page, context } = await open();
  await goTo(page, 1);
  await page.waitForTimeout(400);
  for (const arrow of ['.controls .navigate-left', '.controls .navigate-right']) {
    expect(await drawnContrast(page, arrow), arrow).toBeGreaterThanOrEqual(3);
  }
  for (const arrow of ['.controls .navigate-left', '.controls .navigate-right']) {
    await tabTo(page, arrow);
    const ring = await page.$eval(arrow, (button) => {
      const style = getComputedStyle(button);
      let opacity = 1;
      for (let at: Element | null = button; at; at = at.parentElement) opacity *= Number(getComputedStyle(at).opacity);
      return {
        style: style.outlineStyle,
        width: Number.parseFloat(style.outlineWidth),
        color: style.outlineColor,
        opacity,
      };
    });
    expect(ring.style, arrow).not.toBe('none');
    expect(ring.width, arrow).toBeGreaterThanOrEqual(2);
    const background = rgb(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    // The ring as drawn: its colour at the button's opacity over the page.
    const drawn = rgb(ring.color).map((value, at) => ring.opacity * value + (1 - ring.opacity) * background[at]);
    expect(contrast(drawn, background), arrow).toBeGreaterThanOrEqual(3);
  }
  await context.close();
});
