import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import jsqr from 'jsqr';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { launchChromium, openDeck } from '../support/browser.ts';

const address = 'https://example.org/board/2026-12-08/support-staff.html';
const project = mkdtempSync(join(tmpdir(), 'podium-share-'));
let browser: Browser;
const output: string[] = [];

beforeAll(async () => {
  mkdirSync(join(project, 'decks'));
  writeFileSync(
    join(project, 'decks', 'share.mdx'),
    `---\ntitle: Students need support staff\ndescription: Counselors, nurses and social workers in Missouri schools.\nurl: ${address}\n---\n\n# Students need support staff\n\n---\n\n## Take the slides with you\n\n<ShareQR />\n`,
  );
  writeFileSync(
    join(project, 'decks', 'timed.mdx'),
    '---\ntitle: Three minutes\ntimeLimit: 3m\ntimer: visible\n---\n\n# Public comment\n\n---\n\n## Second\n',
  );
  const code = await run(['build', '--og-image'], {
    out: (line) => output.push(line),
    err: (line) => output.push(line),
    cwd: project,
  });
  expect(output.join('\n')).toMatch(/dist\/share\.html .*with share\.png/);
  expect(code).toBe(0);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(project, { recursive: true, force: true });
});

// jsqr is CommonJS: Node hands over its exports, whose default is the function; a loader may unwrap it.
const jsQR = typeof jsqr === 'function' ? jsqr : jsqr.default;

function decode(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

it('draws a QR code that scans back to the deck address, with the address printed beside it', async () => {
  const { page, context, networkAttempts } = await openDeck(
    browser,
    pathToFileURL(join(project, 'dist', 'share.html')).href,
  );
  await page.evaluate(() => window.Reveal.slide(1));
  const code = page.locator('.reveal .slides > section.present svg.podium-qr');
  await code.waitFor();
  expect(decode(await code.screenshot())).toBe(address);
  expect(await page.locator('.reveal .slides > section.present figure.podium-share a').getAttribute('href')).toBe(
    address,
  );
  expect(await page.locator('.reveal .slides > section.present figure.podium-share').textContent()).toContain(address);
  expect(networkAttempts).toEqual([]);
  await context.close();
});

it('carries link-preview tags and a 1200×630 picture of the title slide', async () => {
  const html = readFileSync(join(project, 'dist', 'share.html'), 'utf8');
  const image = new URL('share.png', address).href;
  expect(html).toContain('<meta property="og:title" content="Students need support staff">');
  expect(html).toContain(
    '<meta property="og:description" content="Counselors, nurses and social workers in Missouri schools.">',
  );
  expect(html).toContain(`<meta property="og:url" content="${address}">`);
  expect(html).toContain(`<meta property="og:image" content="${image}">`);
  expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
  const picture = PNG.sync.read(readFileSync(join(project, 'dist', 'share.png')));
  expect([picture.width, picture.height]).toEqual([1200, 630]);
  // Not a blank picture: the title's dark text is in it.
  let dark = 0;
  for (let i = 0; i < picture.data.length; i += 4)
    if (picture.data[i] < 80 && picture.data[i + 1] < 80 && picture.data[i + 2] < 80) dark += 1;
  expect(dark).toBeGreaterThan(5000);
});

it('leaves the timer bar, the controls and the slide number out of the picture', async () => {
  // Presented, the deck shows its countdown across the top.
  const { page, context } = await openDeck(browser, pathToFileURL(join(project, 'dist', 'timed.html')).href);
  await expect.poll(() => page.locator('.reveal .podium-timer').isVisible()).toBe(true);
  const bar = await page.locator('.reveal .podium-timer').boundingBox();
  await context.close();
  expect(bar?.y).toBe(0);

  const picture = PNG.sync.read(readFileSync(join(project, 'dist', 'timed.png')));
  const pixel = (x: number, y: number) => [
    ...picture.data.subarray((y * picture.width + x) * 4, (y * picture.width + x) * 4 + 3),
  ];
  // The page's background, at the left edge halfway down, where no slide content reaches.
  const background = pixel(2, 315);
  const differing = (rows: number[], columns: number[]) =>
    rows.flatMap((y) => columns.filter((x) => pixel(x, y).join() !== background.join()).map((x) => `${x},${y}`));
  const everyColumn = Array.from({ length: picture.width }, (_, x) => x);
  // No timer bar across the top, no progress bar along the bottom.
  expect(differing([0, 4, 9, 12], everyColumn)).toEqual([]);
  expect(differing([picture.height - 2], everyColumn)).toEqual([]);
  // No arrows or slide number in the bottom-right corner.
  const corner = Array.from({ length: 200 }, (_, x) => picture.width - 200 + x);
  expect(
    differing(
      Array.from({ length: 120 }, (_, y) => picture.height - 120 + y),
      corner,
    ),
  ).toEqual([]);
});
