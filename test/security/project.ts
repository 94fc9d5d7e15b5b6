import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/podium.js', import.meta.url));

/** A secret in the environment of every build: it must never reach a slide, a file or a message. */
export const secret = 'podium-test-secret-7d1f0c';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Milliseconds the command took. */
  took: number;
}

/**
 * A throwaway project (decks/, public/, themes/) built with the real `podium` command in a
 * process of its own, as an organizer would run it on a deck from someone else.
 */
export class HostileProject {
  readonly root = mkdtempSync(join(tmpdir(), 'podium-security-'));

  write(path: string, text: string): string {
    const full = join(this.root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    return full;
  }

  /** A deck with a title, then `body`. */
  deck(name: string, body: string, frontmatter = ''): string {
    return this.write(`decks/${name}.mdx`, `---\ntitle: ${name}\n${frontmatter}---\n${body}\n`);
  }

  podium(args: string[], timeout = 30_000): Promise<CliResult> {
    const started = performance.now();
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [bin, ...args],
        { cwd: this.root, timeout, env: { ...process.env, PODIUM_SECRET: secret, HOME: `/home/${secret}` } },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          resolve({ code, stdout, stderr, took: performance.now() - started });
        },
      );
    });
  }

  built(): string[] {
    const dist = join(this.root, 'dist');
    return existsSync(dist) ? readdirSync(dist) : [];
  }

  exists(path: string): boolean {
    return existsSync(join(this.root, path));
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A local listener that counts what reaches it: a build or a page must send it nothing. */
export async function listener(): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
