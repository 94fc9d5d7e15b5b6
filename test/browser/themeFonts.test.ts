import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { openDeck } from '../support/browser.ts';
import { builtProjectInChromium } from '../support/projects.ts';

// A real font to carry: League Gothic (SIL OFL), which reveal.js ships as a .woff. No .woff2 is
// at hand to test with; Podium embeds both the same way, only the media type differs.
const leagueGothic = fileURLToPath(
  new URL('../../node_modules/reveal.js/css/theme/fonts/league-gothic/league-gothic.woff', import.meta.url),
);

const { project, chromium } = builtProjectInChromium('theme-font', (project) => {
  mkdirSync(join(project, 'decks'));
  mkdirSync(join(project, 'themes', 'brand'), { recursive: true });
  copyFileSync(leagueGothic, join(project, 'themes', 'brand', 'brand.woff'));
  writeFileSync(
    join(project, 'themes', 'brand', 'theme.css'),
    [
      '@font-face { font-family: "Brand Test"; src: url(./brand.woff) format("woff"); }',
      ':root { --r-heading-font: "Brand Test", sans-serif; }',
      '.reveal h1 { font-family: "Brand Test", sans-serif; }',
    ].join('\n'),
  );
  writeFileSync(join(project, 'decks', 'branded.mdx'), '---\ntitle: Budget\ntheme: brand\n---\n\n# Hello, budget\n');
});

it("shows a theme folder's own font, carried in the file, with no request", async () => {
  const html = readFileSync(join(project, 'dist', 'branded.html'), 'utf8');
  const font = readFileSync(leagueGothic).toString('base64');
  expect(html).toContain(`data:font/woff;base64,${font}`);
  expect(html).not.toContain('brand.woff');

  const { page, context, networkAttempts, errors } = await openDeck(
    chromium(),
    pathToFileURL(join(project, 'dist', 'branded.html')).href,
  );
  const heading = page.locator('.reveal .slides > section.present h1');
  expect(await heading.evaluate((element) => getComputedStyle(element).fontFamily)).toMatch(/^"Brand Test"/);
  const loaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts]
      .filter((face) => face.family.replace(/"/g, '') === 'Brand Test')
      .map((face) => face.status);
  });
  expect(loaded).toEqual(['loaded']);
  // Drawn in it: League Gothic is far narrower than the fallback.
  const widths = await page.evaluate(() => {
    const context = document.createElement('canvas').getContext('2d')!;
    const width = (font: string) => {
      context.font = font;
      return context.measureText('Hello, budget').width;
    };
    return { brand: width('60px "Brand Test"'), fallback: width('60px sans-serif') };
  });
  expect(widths.brand).toBeLessThan(widths.fallback * 0.8);
  expect(networkAttempts).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
