import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openDeck, policyViolations } from '../support/browser.ts';
import { HostileProject } from './project.ts';

// A deck from a stranger that builds: everything it holds goes right up to what a deck may do
// (links, addresses and markup as data, JSX in braces, a theme with its own font). Opened as
// a reader would open the shared file, it must make no request, navigate nowhere and run nothing.

let project: HostileProject;
let browser: Browser;

beforeAll(async () => {
  project = new HostileProject();
  project.write(
    'decks/data/edge.json',
    JSON.stringify({
      tracker: 'https://tracker.example/pixel.png',
      markup: '<img src=x onerror=alert(1)><meta http-equiv="refresh" content="0;url=https://tracker.example/">',
      rows: [
        { name: 'One <script>alert(2)</script>', site: 'https://example.org/one' },
        { name: 'Two', site: 'two.html' },
      ],
    }),
  );
  project.write(
    'themes/brand.css',
    ':root { --r-main-font: "Brand", sans-serif; }\n@font-face { font-family: "Brand"; src: url(fonts/brand.woff2) format("woff2"); }\n',
  );
  project.write('themes/fonts/brand.woff2', 'not really a font');
  project.deck(
    'edge',
    [
      "import edge from './data/edge.json'",
      '',
      '# {edge.markup}',
      '',
      'Read [the report]({edge.tracker}) or [ours](https://example.org/report) · {edge.tracker}',
      '',
      '---',
      '',
      '<ul>{edge.rows.map((row) => <li><a href={row.site}>{row.name}</a></li>)}</ul>',
      '',
      '<BarChart title={edge.markup} labels={edge.rows.map((row) => row.name)} values={[1, 2]} source={edge.tracker} />',
    ].join('\n'),
    'theme: brand\n',
  );
  const result = await project.podium(['build', 'decks/edge.mdx']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  project.remove();
});

describe('a shared deck holding addresses and markup as data', () => {
  it('makes no request, navigates nowhere and runs nothing, on every slide', async () => {
    const url = pathToFileURL(join(project.root, 'dist', 'edge.html')).href;
    const { page, context, networkAttempts, errors, dialogs } = await openDeck(browser, url, {
      reducedMotion: 'reduce',
    });
    // Any navigation of the deck's page from here on (only the address's #/slide may change).
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url().split('#')[0]));
    try {
      expect(await page.locator('h1').first().textContent()).toContain('<meta http-equiv="refresh"');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.querySelector('canvas')?.width);
      // No refresh can be pending: the page holds no refresh element (checked below) and runs no script of the deck's.
      expect(navigations.filter((address) => address !== url)).toEqual([]);
      expect(page.url().split('#')[0]).toBe(url);
      expect(networkAttempts).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(await policyViolations(page)).toEqual([]);
      expect(
        await page.evaluate(
          () =>
            document.querySelectorAll(
              'meta[http-equiv="refresh"], .slides script:not([type="application/json"]), img[onerror]',
            ).length,
        ),
      ).toBe(0);
    } finally {
      await context.close();
    }
  });
});
