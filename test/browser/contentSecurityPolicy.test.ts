import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { launchChromium, openDeck, policyViolations } from '../support/browser.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'podium-csp-'));
const decks = readdirSync(join(root, 'decks'))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => name.replace(/\.mdx$/, ''));
let browser: Browser;

beforeAll(async () => {
  expect(await run(['build', '--out', out], { out: () => {}, err: (line) => console.error(line), cwd: root })).toBe(0);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

describe.each(decks)('%s', (name) => {
  const url = () => pathToFileURL(join(out, `${name}.html`)).href;

  it('declares a policy that allows no network access', () => {
    const html = readFileSync(join(out, `${name}.html`), 'utf8').replaceAll('&#x27;', "'");
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(policy).toMatch(
      /^default-src 'none'; script-src 'sha256-[^ ]+'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'$/,
    );
    // Before any script or style, so it governs them all.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style'));
  });

  it('reports no violation while presenting, in the speaker view and in print', async () => {
    const { page, context, errors, networkAttempts } = await openDeck(browser, url(), { reducedMotion: 'reduce' });
    const total = await page.evaluate(() => window.Reveal.getTotalSlides());
    for (let slide = 0; slide < total; slide++) await page.evaluate((h) => window.Reveal.slide(h), slide);
    const noted = await page.$$eval('.reveal .slides > section', (sections) =>
      sections.findIndex((s) => s.querySelector('aside.notes')),
    );
    await page.evaluate((h) => window.Reveal.slide(h), noted);
    const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    // The speaker view is the deck's own file: its notes show only if the policy lets the runtime run there.
    await expect
      .poll(async () => (await speaker.locator('.podium-speaker-notes-text').textContent())?.trim())
      .not.toMatch(/^(No notes for this slide\.)?$/);
    // So are its two slide previews, each a frame the policy must allow.
    await expect.poll(() => speaker.frames().filter((frame) => frame.url().includes('?receiver')).length).toBe(2);
    for (const frame of speaker.frames().filter((candidate) => candidate !== speaker.mainFrame()))
      await frame.waitForSelector('html[data-podium-ready]');
    const print = await context.newPage();
    await print.goto(`${url()}?print-pdf`);
    await print.waitForSelector('html[data-podium-print-ready]');
    expect(await policyViolations(page)).toEqual([]);
    expect(await policyViolations(speaker)).toEqual([]);
    expect(await policyViolations(print)).toEqual([]);
    expect(errors.filter((text) => /Content Security Policy|Refused to/.test(text))).toEqual([]);
    expect(errors).toEqual([]);
    expect(networkAttempts).toEqual([]);
    await context.close();
  });
});

it('blocks what a hostile data file could try, before it reaches the network', async () => {
  const { page, context, networkAttempts } = await openDeck(browser, pathToFileURL(join(out, `${decks[0]}.html`)).href);
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<img src="https://tracker.example/pixel.png" alt=""><script src="https://tracker.example/t.js"></script>',
    );
    void fetch('https://tracker.example/beacon').catch(() => {});
  });
  await expect
    .poll(() => policyViolations(page))
    .toEqual(
      expect.arrayContaining([
        'img-src https://tracker.example/pixel.png',
        'connect-src https://tracker.example/beacon',
      ]),
    );
  expect(networkAttempts).toEqual([]);
  await context.close();
});
