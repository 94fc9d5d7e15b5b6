import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { axeViolations } from '../support/axe.ts';
import { forEachSlide, launchChromium, openDeck } from '../support/browser.ts';

let project: string;
let browser: Browser;

/** `podium new` then `podium build`, as a new organizer would, with no edit in between. */
async function newDeck(name: string, ...options: string[]): Promise<string> {
  const lines: string[] = [];
  const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line), cwd: project };
  expect(await run(['new', name, ...options], io), lines.join('\n')).toBe(0);
  expect(await run(['build', `decks/${name}.mdx`], io), lines.join('\n')).toBe(0);
  return pathToFileURL(join(project, 'dist', `${name}.html`)).href;
}

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'podium-starter-'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(project, { recursive: true, force: true });
});

describe.each([
  ['comment', []],
  ['comentario', ['--lang', 'es']],
])('the starter deck podium new writes (%s)', (name, options) => {
  it('has no WCAG 2.1 A or AA violations on any slide, nor as one page to read (axe-core)', async () => {
    const url = await newDeck(name, ...options);
    const { page, context, errors, networkAttempts } = await openDeck(browser, url, { reducedMotion: 'reduce' });
    const total = await page.evaluate(() => window.Reveal.getTotalSlides());
    expect(total).toBe(5);
    expect(await forEachSlide(page, () => axeViolations(page))).toEqual([]);
    await page.goto(`${url}?read`);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(networkAttempts).toEqual([]);
    await context.close();
  });
});

describe('a bilingual pair made from the two starters', () => {
  it('links each title slide to the other deck, which opens from file://, with no axe violation', async () => {
    const names = { en: 'hours', es: 'horario' };
    await newDeck(names.en);
    await newDeck(names.es, '--lang', 'es');
    for (const [lang, other] of [
      ['en', names.es],
      ['es', names.en],
    ] as const) {
      const file = join(project, 'decks', `${names[lang]}.mdx`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^lang: (en|es)$/m, `$&\ntranslation: ./${other}.mdx`));
    }
    const io = { out: () => {}, err: (line: string) => expect.fail(line), cwd: project };
    expect(await run(['build', `decks/${names.en}.mdx`, `decks/${names.es}.mdx`], io)).toBe(0);
    const url = pathToFileURL(join(project, 'dist', `${names.en}.html`)).href;
    const { page, context, errors } = await openDeck(browser, url, { reducedMotion: 'reduce' });
    const link = page.locator('.podium-title-slide a[hreflang="es"]');
    expect(await link.textContent()).toBe('Español');
    expect(await axeViolations(page)).toEqual([]);
    await link.click();
    await page.waitForURL(/horario\.html$/);
    await page.waitForFunction(() => window.Reveal?.isReady());
    expect(await page.locator('.podium-title-slide a[hreflang="en"]').textContent()).toBe('English');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(errors).toEqual([]);
    await context.close();
  });
});
