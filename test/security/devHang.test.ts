import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request, type IncomingMessage } from 'node:http';
import { text } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostileProject } from './project.ts';

const bin = fileURLToPath(new URL('../../bin/podium.js', import.meta.url));
const endless =
  '{Array.from({ length: 20000 }).map(() => Array.from({ length: 20000 }).reduce((a) => a + 1, 0)).length}';

let project: HostileProject;

beforeAll(() => {
  project = new HostileProject();
  project.deck('endless', endless);
  project.deck('fine', '# Fine');
});

afterAll(() => project.remove());

describe('podium dev with a deck that never finishes', () => {
  it('answers that deck with its error, keeps serving the others, and stops on SIGTERM', async () => {
    const server = spawn(process.execPath, [bin, 'dev', '--port', '0'], {
      cwd: project.root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk));
    server.stderr.on('data', (chunk: Buffer) => (output += chunk));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`dev server did not start:\n${output}`)), 30_000);
        server.stdout.on('data', () => {
          const found = /Podium dev server: (http:\/\/\S+\/)/.exec(output);
          if (found) {
            clearTimeout(timer);
            resolve(found[1]);
          }
        });
      });
      const started = performance.now();
      const endless = request(`${url}endless.html`);
      const hangingAnswer = new Promise<IncomingMessage>((answered, failed) =>
        endless.on('response', answered).on('error', failed),
      ).then(async (response) => ({
        status: response.statusCode,
        text: await text(response),
        took: performance.now() - started,
      }));
      endless.end();
      // Asked once the endless deck's request is out, so while it is being built: answered once its time is up.
      await once(endless, 'finish');
      const index = await fetch(`${url}fine.html`).then((response) => ({
        status: response.status,
        took: performance.now() - started,
      }));
      const hanging = await hangingAnswer;
      expect(hanging.status).toBe(500);
      expect(hanging.text).toContain('took longer than 2 seconds');
      expect(hanging.took).toBeLessThan(10_000);
      expect(index.status).toBe(200);
      expect(index.took).toBeLessThan(10_000);
      expect(output).toContain('decks/endless.mdx:4:');

      const stopped = performance.now();
      server.kill('SIGTERM');
      const [code, signal] = await once(server, 'exit');
      // Stopped by the signal: Podium's own exit (0) or Vite's conventional 128 + 15.
      expect([0, 143]).toContain(code ?? (signal === 'SIGTERM' ? 143 : code));
      expect(performance.now() - stopped).toBeLessThan(5_000);
    } finally {
      server.kill('SIGKILL');
    }
  });
});
