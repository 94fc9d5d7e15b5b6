import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toHtml } from 'hast-util-to-html';
import { afterEach, describe, expect, it } from 'vitest';
import { DeckError } from '../../src/compile/deckError.ts';
import { compileDeck } from '../../src/compile/index.ts';

// One folder per case: deck.mdx beside what it must give, told by the files present:
// error.txt: the compile fails with exactly this text;
// slides.html and meta.json: it builds, with exactly these slides and this summary, and with
// exactly the warnings in warnings.txt, or none when there is no such file.
// A run never writes an expectation. To write them from what the compiler gives now (then read the diff):
//   PODIUM_UPDATE_FIXTURES=1 npx vitest run test/compile/fixtures.test.ts
const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const repository = fileURLToPath(new URL('../../', import.meta.url));
const updating = process.env.PODIUM_UPDATE_FIXTURES === '1';
const updateCommand = 'PODIUM_UPDATE_FIXTURES=1 npx vitest run test/compile/fixtures.test.ts';

const errorFiles = ['error.txt'];
const builtFiles = ['slides.html', 'meta.json'];
const warningsFile = 'warnings.txt';

/** Compiles one fixture folder's deck and checks it against the expectation its files hold (or writes them). */
async function checkFixture(dir: string, { root = repository, update = updating } = {}): Promise<void> {
  const expected = update ? undefined : expectation(dir);
  const result = await compileDeck({ file: join(dir, 'deck.mdx'), root, publicDir: join(dir, 'public') }).then(
    (deck) => ({ deck }),
    (error: unknown) => ({ error }),
  );
  if ('deck' in result) {
    if (expected === 'error') throw new Error(`${basename(dir)}: the deck builds, but error.txt says it must fail`);
    const { deck } = result;
    const slides = `${toHtml(deck.slides, { allowDangerousHtml: false }).replaceAll('</section>', '</section>\n')}`;
    const meta = { meta: deck.meta, slides: deck.slides.length, charts: deck.chartCount };
    const warnings = deck.messages.map((warning) => `${warning.format(dir)}\n`).join('\n');
    if (!update && warnings === '' && existsSync(join(dir, warningsFile))) {
      throw new Error(`${basename(dir)}: the deck builds with no warning, but warnings.txt lists some`);
    }
    matchFiles(
      dir,
      {
        'slides.html': slides,
        'meta.json': `${JSON.stringify(meta, null, 2)}\n`,
        ...(warnings === '' ? {} : { [warningsFile]: warnings }),
      },
      update,
    );
  } else {
    if (!(result.error instanceof DeckError)) throw result.error;
    if (expected === 'built') {
      throw new Error(
        `${basename(dir)}: the deck fails, but slides.html says it must build:\n${result.error.format(dir)}`,
      );
    }
    if (!update && existsSync(join(dir, warningsFile))) {
      throw new Error(
        `${basename(dir)}: the deck fails, but warnings.txt says it builds with warnings:\n${result.error.format(dir)}`,
      );
    }
    matchFiles(dir, { 'error.txt': `${result.error.format(dir)}\n` }, update);
  }
}

/** What a fixture folder expects, by the files it holds: exactly one of the two kinds. */
function expectation(dir: string): 'error' | 'built' {
  const present = [...errorFiles, ...builtFiles].filter((name) => existsSync(join(dir, name)));
  if (present.join() === errorFiles.join()) return 'error';
  if (present.join() === builtFiles.join()) return 'built';
  throw new Error(
    `${basename(dir)}: a fixture holds error.txt (the deck must fail) or slides.html and meta.json ` +
      `(it must build); this one holds ${present.length > 0 ? present.join(', ') : 'none of them'}. ` +
      `To write them from what the compiler gives now: ${updateCommand}`,
  );
}

/** Compares each expected file with what the compile gave, or, when updating, writes it (and drops the other kind). */
function matchFiles(dir: string, actual: Record<string, string>, update: boolean): void {
  if (update) {
    for (const name of [...errorFiles, ...builtFiles, warningsFile]) {
      if (!(name in actual)) rmSync(join(dir, name), { force: true });
    }
  }
  for (const [name, text] of Object.entries(actual)) {
    const file = join(dir, name);
    if (update) writeFileSync(file, text);
    else expect(text, `${basename(dir)}/${name} (to update: ${updateCommand})`).toBe(readFileSync(file, 'utf8'));
  }
}

describe('compile fixtures', () => {
  for (const name of readdirSync(fixtures).sort()) {
    it(name, () => checkFixture(join(fixtures, name)));
  }
});

describe('the fixture runner', () => {
  const folders: string[] = [];
  const fixture = (deck: string, files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'podium-fixture-'));
    folders.push(dir);
    writeFileSync(join(dir, 'deck.mdx'), deck);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
  // Each temporary folder is its own project, checked as a run checks, never updating.
  const check = (dir: string) => checkFixture(dir, { root: dir, update: false });
  const validDeck = '---\ntitle: Fine\n---\n\n# Fine\n';
  afterEach(() => {
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('fails an error fixture whose deck builds', async () => {
    const dir = fixture(validDeck, { 'error.txt': 'deck.mdx:1:1: something\n' });
    await expect(check(dir)).rejects.toThrow('the deck builds, but error.txt says it must fail');
  });

  it('fails a fixture with no expectation, or with both kinds, and writes nothing', async () => {
    const bare = fixture(validDeck, {});
    await expect(check(bare)).rejects.toThrow('this one holds none of them');
    expect(readdirSync(bare)).toEqual(['deck.mdx']);
    const both = fixture(validDeck, { 'error.txt': 'x\n', 'slides.html': 'x\n', 'meta.json': '{}\n' });
    await expect(check(both)).rejects.toThrow('this one holds error.txt, slides.html, meta.json');
  });

  it('fails a built fixture whose slides differ, and one whose deck no longer builds', async () => {
    const dir = fixture(validDeck, { 'slides.html': '<section>other</section>\n', 'meta.json': '{}\n' });
    await expect(check(dir)).rejects.toThrow(/slides\.html/);
    writeFileSync(join(dir, 'deck.mdx'), '# No title\n');
    await expect(check(dir)).rejects.toThrow('the deck fails, but slides.html says it must build');
  });

  it('fails a built fixture whose warnings differ from warnings.txt, or that lists warnings the deck does not give', async () => {
    const dir = fixture(validDeck, {
      'slides.html': '<section><h1>Fine</h1></section>\n',
      'warnings.txt': 'deck.mdx:1:1: warning: x\n',
    });
    writeFileSync(
      join(dir, 'meta.json'),
      `${JSON.stringify({ meta: { title: 'Fine', lang: 'en', theme: 'civic' }, slides: 1, charts: 0 }, null, 2)}\n`,
    );
    await expect(check(dir)).rejects.toThrow('the deck builds with no warning, but warnings.txt lists some');
  });

  it('writes the expectation the compile gives when asked to update', async () => {
    const dir = fixture(validDeck, { 'error.txt': 'stale\n' });
    await checkFixture(dir, { root: dir, update: true });
    expect(readdirSync(dir).sort()).toEqual(['deck.mdx', 'meta.json', 'slides.html']);
    await check(dir);
  });
});
