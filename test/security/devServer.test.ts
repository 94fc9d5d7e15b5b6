import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/buildDeck.ts';
import { run } from '../../src/cli/run.ts';
import { resolveConfig } from '../../src/config.ts';
import type { DevServer } from '../../src/dev/devServer.ts';
import { devServerFor } from '../support/devServer.ts';
import { launchChromium, openDeck, policyViolations } from '../support/browser.ts';

const deck = `---
title: Staffing
---
import staffing from './data/school-staffing.json'

# {staffing.counselors} counselors

---

## Two
`;
const brokenDeck = `---\ntitle: Broken\n---\n\n# One\n\n<BarChart title="x" labels={["a", "b"]} values={[1]} />\n`;

let browser: Browser;
let project: string;
let server: DevServer;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  project = mkdtempSync(join(tmpdir(), 'podium-dev-security-'));
  mkdirSync(join(project, 'decks', 'data'), { recursive: true });
  writeFileSync(join(project, 'decks', 'staffing.mdx'), deck);
  writeFileSync(join(project, 'decks', 'broken.mdx'), brokenDeck);
  writeFileSync(
    join(project, 'decks', 'data', 'school-staffing.json'),
    '{ "counselors": 328, "secret": "staffing-data-secret" }',
  );
  writeFileSync(join(project, 'package.json'), '{ "name": "package-json-secret" }');
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'src', 'notes.ts'), 'export const note = "source-secret";');
  mkdirSync(join(project, '.git'));
  writeFileSync(join(project, '.git', 'config'), '[remote] url = git-config-secret');
  mkdirSync(join(project, 'node_modules', 'left-pad'), { recursive: true });
  writeFileSync(join(project, 'node_modules', 'left-pad', 'package.json'), '{ "name": "module-secret" }');
  server = await devServerFor(project);
});

afterEach(async () => {
  await server?.close();
  rmSync(project, { recursive: true, force: true });
});

/** A request for exactly this path, as a hostile page or tool could send it (fetch would tidy it). */
function request(path: string): Promise<{ status: number; body: string; policy?: string }> {
  return new Promise((done, fail) => {
    get(new URL(server.url), { path }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        done({
          status: response.statusCode!,
          body,
          policy: response.headers['content-security-policy'] as string | undefined,
        }),
      );
    }).on('error', fail);
  });
}

/** A policy as directive name → its sources. */
function directives(policy: string | undefined): Map<string, string[]> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('podium dev pages run under the shared file’s policy', () => {
  it('adds to the built file’s policy only the page’s own scripts and the websocket to its server', async () => {
    const origin = new URL(server.url).origin;
    const socket = `ws://${new URL(server.url).host}`;
    const built = await buildDeck(join(project, 'decks', 'staffing.mdx'), resolveConfig({ root: project }));
    const builtPolicy = directives(
      /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(built.html.replaceAll('&#x27;', "'"))?.[1],
    );
    expect(builtPolicy.get('default-src')).toEqual(["'none'"]);

    for (const path of ['/staffing.html', '/', '/broken.html']) {
      const page = await request(path);
      const policy = directives(page.policy);
      // Every directive of the shared file's policy, unchanged, except the scripts it allows.
      for (const [name, sources] of builtPolicy)
        if (name !== 'script-src') expect(policy.get(name), `${path} ${name}`).toEqual(sources);
      expect([...policy.keys()].filter((name) => !builtPolicy.has(name)).sort()).toEqual(['connect-src', 'worker-src']);
      expect(policy.get('connect-src')).toEqual([socket]);
      expect(policy.get('worker-src')).toEqual(['blob:']);
      // Scripts by hash, or Vite's client modules by their exact address on this server.
      for (const source of policy.get('script-src')!)
        expect(source, path).toMatch(new RegExp(`^('sha256-[A-Za-z0-9+/=]+'|${origin}/@[^*' ]*[^/*' ])$`));
    }
    expect(directives((await request('/staffing.html')).policy).get('script-src')).toContain(built.runtimeHash);
  });

  it('serves the deck as the built file, with the dev client in place of the policy', async () => {
    const built = await buildDeck(join(project, 'decks', 'staffing.mdx'), resolveConfig({ root: project }));
    const page = await request('/staffing.html');
    expect(page.policy).toBeDefined();
    expect(page.body.replace(/<script type="module">[\s\S]*?<\/script>/, '')).toBe(
      built.html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]+">/, ''),
    );
  });

  it('runs only its own scripts on a deck, the index or a deck in error, with no violation, and still shows the error overlay', async () => {
    const { page, context, errors } = await openDeck(browser, `${server.url}staffing.html`, {
      allowOrigin: server.url,
    });
    // Each page's client has connected to the server over the websocket the policy allows.
    let connections = 0;
    page.on('console', (message) => {
      if (message.text().includes('[vite] connected')) connections += 1;
    });
    await page.reload();
    expect(await page.locator('h1').first().textContent()).toBe('328 counselors');
    await expect.poll(() => connections).toBe(1);
    expect(await policyViolations(page)).toEqual([]);
    await page.goto(server.url);
    expect(await page.locator('main li a').allTextContents()).toEqual(['Broken', 'Staffing']);
    await expect.poll(() => connections).toBe(2);
    expect(await policyViolations(page)).toEqual([]);
    await page.goto(`${server.url}broken.html`);
    await expect.poll(() => page.locator('vite-error-overlay').count(), { timeout: 10_000 }).toBe(1);
    expect(await policyViolations(page)).toEqual([]);
    // The console shows the failed load of the page in error (a 500), and nothing refused.
    expect(errors.filter((error) => !/status of 500/.test(error))).toEqual([]);
    // While a script the server did not send is refused.
    const injected = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.append(script);
      return 'injected' in window;
    });
    expect(injected).toBe(false);
    await context.close();
  });

  it('cannot reach another server on this machine', async () => {
    const reached: string[] = [];
    const other: Server = createServer((incoming, response) => {
      reached.push(incoming.url ?? '');
      response.end('ok');
    });
    other.on('upgrade', (incoming, socket) => {
      reached.push(`upgrade ${incoming.url}`);
      socket.destroy();
    });
    await new Promise<void>((listening) => other.listen(0, '127.0.0.1', listening));
    const target = `127.0.0.1:${(other.address() as AddressInfo).port}`;
    // No request routing here: only the page's policy stands between it and the other server.
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { podiumPolicyViolations: seen });
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
      );
    });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}staffing.html`);
      await page.waitForSelector('html[data-podium-ready]');
      const outcome = await page.evaluate(async (host) => {
        const fetched = await fetch(`http://${host}/fetch?data=staffing`, { mode: 'no-cors' }).then(
          () => 'reached',
          () => 'blocked',
        );
        // Each settles once refused or answered: by then a request that got out has reached the server.
        // A refused socket reports an error and no close; one that reached the server, which drops it, both.
        const socketSettled = new Promise((settled) => {
          const socket = new WebSocket(`ws://${host}/socket`);
          socket.addEventListener('error', settled);
          socket.addEventListener('close', settled);
        });
        const imageSettled = new Promise((settled) => {
          const image = new Image();
          image.addEventListener('load', settled);
          image.addEventListener('error', settled);
          image.src = `http://${host}/image.png`;
        });
        await Promise.all([socketSettled, imageSettled]);
        return fetched;
      }, target);
      expect(outcome).toBe('blocked');
      expect(reached).toEqual([]);
      await expect
        .poll(() => policyViolations(page))
        .toEqual(
          expect.arrayContaining([
            `connect-src http://${target}/fetch?data=staffing`,
            `connect-src ws://${target}/socket`,
            `img-src http://${target}/image.png`,
          ]),
        );
    } finally {
      await context.close();
      await new Promise((closed) => other.close(closed));
    }
  });
});

describe('podium dev serves only what its pages need', () => {
  it('answers a malformed address with 400, without a stack', async () => {
    const answer = await request('/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.body).not.toMatch(/URIError|at |\.ts|\.js/);
  });

  it('serves the pages, Vite’s client and the favicon, and answers 404 for everything else', async () => {
    const expected: Record<string, number> = {
      '/': 200,
      '/staffing.html': 200,
      '/@vite/client': 200,
      '/favicon.ico': 204,
      '/decks/staffing.mdx': 404,
      '/staffing.mdx': 404,
      '/decks/data/school-staffing.json': 404,
      '/data/school-staffing.json': 404,
      '/package.json': 404,
      '/src/notes.ts': 404,
      '/@fs/etc/passwd': 404,
      [`/@fs${project}/package.json`]: 404,
      '/.git/config': 404,
      '/node_modules/left-pad/package.json': 404,
      '/decks/../package.json': 404,
      '/%2e%2e/package.json': 404,
      '/__open-in-editor?file=decks/staffing.mdx': 404,
      '/@id/package.json': 404,
      '/@vite/client?raw': 404,
      '/missing.html': 404,
    };
    const answered: Record<string, number> = {};
    for (const path of Object.keys(expected)) {
      const answer = await request(path);
      answered[path] = answer.status;
      if (answer.status === 404) expect(answer.body, path).toBe('Not found.\n');
    }
    expect(answered).toEqual(expected);
  });
});

describe('podium dev <deck>', () => {
  const io = () => {
    const err: string[] = [];
    return { err, streams: { out: () => {}, err: (line: string) => err.push(line), cwd: project } };
  };

  it.each(['other-folder/staffing.mdx', 'decks-old/staffing.mdx', 'decks/data/staffing.mdx'])(
    'refuses %s, which is not in decks/, and says how to fix it',
    async (path) => {
      const { err, streams } = io();
      expect(await run(['dev', path, '--port', '0'], streams)).not.toBe(0);
      expect(err.join('\n')).toBe(
        `podium dev shows the decks in decks/, and ${path} is not one of them: a deck is a .mdx file directly in decks/.\nMove it there (as decks/staffing.mdx) and run: npx podium dev decks/staffing.mdx`,
      );
    },
  );
});
