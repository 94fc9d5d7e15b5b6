import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';

// A deck travels between organizers: building it must never put the builder's other files into
// the shared deck, nor print them in an error.
const secret = 'TOP-SECRET-7f3a9 the treasurer password';
const svg = `<svg xmlns="http://www.w3.org/2000/svg"><title>${secret}</title></svg>`;
const logo = '<svg xmlns="http://www.w3.org/2000/svg"><title>our logo</title></svg>';
const passwdLine = /root:.*:0:0:/;

let base: string;
let project: string;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'podium-files-'));
  project = join(base, 'project');
  const elsewhere = join(base, 'elsewhere');
  mkdirSync(join(project, 'decks'), { recursive: true });
  mkdirSync(join(project, 'public'));
  mkdirSync(elsewhere);
  writeFileSync(join(elsewhere, 'creds.json'), JSON.stringify({ password: secret }));
  writeFileSync(join(elsewhere, 'broken.json'), `{ "password": "${secret}",\n}`);
  writeFileSync(join(elsewhere, 'secret.svg'), svg);
  writeFileSync(join(elsewhere, 'deck.mdx'), `---\ntitle: ${secret}\n---\n\n# ${secret}\n`);
  writeFileSync(join(project, 'public', 'logo.svg'), logo);
  symlinkSync(join(elsewhere, 'creds.json'), join(project, 'decks', 'linked.json'));
  symlinkSync(join(elsewhere, 'broken.json'), join(project, 'decks', 'linked-broken.json'));
  symlinkSync('/etc/passwd', join(project, 'decks', 'passwd.json'));
  symlinkSync(join(elsewhere, 'secret.svg'), join(project, 'public', 'linked.svg'));
  symlinkSync(elsewhere, join(project, 'public', 'elsewhere'));
  symlinkSync('/etc/passwd', join(project, 'decks', 'passwd.mdx'));
  symlinkSync(join(elsewhere, 'deck.mdx'), join(project, 'decks', 'linked-deck.mdx'));
  symlinkSync(join(project, 'public', 'logo.svg'), join(project, 'public', 'logo-link.svg'));
});

afterEach(() => rmSync(base, { recursive: true, force: true }));

async function build(deck: string): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line), cwd: project };
  const code = await run(['build', `decks/${deck}.mdx`], io);
  return { code, output: lines.join('\n') };
}

function deck(name: string, body: string): void {
  writeFileSync(join(project, 'decks', `${name}.mdx`), `---\ntitle: Budget\n---\n\n${body}\n`);
}

/** The build refused the deck at `place`, wrote nothing, and showed none of the refused file. */
async function expectRefused(name: string, place: string, message: RegExp): Promise<void> {
  const { code, output } = await build(name);
  expect(code).toBe(1);
  expect(output).toMatch(new RegExp(`^decks/${name}\\.mdx:${place}: ${message.source}`));
  expect(output).not.toContain('TOP-SECRET');
  expect(output).not.toMatch(passwdLine);
  expect(existsSync(join(project, 'dist', `${name}.html`))).toBe(false);
}

describe('a deck reads files only inside its project', () => {
  it('refuses a data import that climbs out with ..', async () => {
    deck('climb', `import creds from '../../elsewhere/creds.json'\n\n# {creds.password}`);
    await expectRefused(
      'climb',
      '5:19',
      /Cannot import "\.\.\/\.\.\/elsewhere\/creds\.json": the file is outside the project/,
    );
  });

  it('refuses a data import through a symlink that leads out, even when the file is invalid JSON', async () => {
    deck('linked', `import creds from './linked.json'\n\n# {creds.password}`);
    await expectRefused('linked', '5:19', /Cannot import "\.\/linked\.json": the file is outside the project/);
    deck('linked-broken', `import creds from './linked-broken.json'\n\n# {creds.password}`);
    await expectRefused(
      'linked-broken',
      '5:19',
      /Cannot import "\.\/linked-broken\.json": the file is outside the project/,
    );
  });

  it('refuses a data import of a symlink to /etc/passwd without printing a line of it', async () => {
    deck('passwd-data', `import users from './passwd.json'\n\n# {users}`);
    await expectRefused('passwd-data', '5:19', /Cannot import "\.\/passwd\.json": the file is outside the project/);
  });

  it('refuses images outside the project, however the path is written, and inlines those inside', async () => {
    deck('image-climb', 'Hello\n\n![a](../../elsewhere/secret.svg)');
    await expectRefused('image-climb', '7:1', /Image "\.\.\/\.\.\/elsewhere\/secret\.svg" is outside the project/);
    deck('image-root-climb', 'Hello\n\n<img src="/../../elsewhere/secret.svg" alt="a" />');
    await expectRefused(
      'image-root-climb',
      '7:6',
      /Image "\/\.\.\/\.\.\/elsewhere\/secret\.svg" is outside the project/,
    );
    deck('image-encoded', 'Hello\n\n![a](/%2e%2e/%2e%2e/elsewhere/secret.svg)');
    await expectRefused(
      'image-encoded',
      '7:1',
      /Image "\/%2e%2e\/%2e%2e\/elsewhere\/secret\.svg" is outside the project/,
    );
    deck('image-linked', 'Hello\n\n![a](/linked.svg)');
    await expectRefused('image-linked', '7:1', /Image "\/linked\.svg" is outside the project/);
    deck('image-linked-folder', 'Hello\n\n![a](/elsewhere/secret.svg)');
    await expectRefused('image-linked-folder', '7:1', /Image "\/elsewhere\/secret\.svg" is outside the project/);
    // A path through .. or a symlink that stays inside the project is fine.
    deck('inside', 'Hello\n\n![a](../public/logo.svg)\n\n![b](/logo-link.svg)');
    const { code, output } = await build('inside');
    expect(output).toMatch(/^dist\/inside\.html/);
    expect(code).toBe(0);
    const html = readFileSync(join(project, 'dist', 'inside.html'), 'utf8');
    expect(html.split(`data:image/svg+xml;base64,${Buffer.from(logo).toString('base64')}`)).toHaveLength(3);
  });

  it('refuses a deck that is a symlink out of the project', async () => {
    await expectRefused('passwd', '1:1', /The deck is outside the project/);
    await expectRefused('linked-deck', '1:1', /The deck is outside the project/);
  });
});
