import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeAtomically } from '../../src/cli/outputFiles.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'podium-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const chunks = (...texts: string[]) => texts.map((text) => Buffer.from(text));
const past = new Date('2026-01-01T00:00:00Z');

// A deck's file is written in chunks (its own text, and the runtime every deck shares): the file
// must hold them in order, and one that already holds the same bytes is left alone.
it('writes chunks in order, and leaves a file that holds the same bytes', () => {
  const target = join(dir, 'deck.html');
  writeAtomically(target, chunks('<html>', '', 'runtime', 'ünïcode</html>'));
  expect(readFileSync(target, 'utf8')).toBe('<html>runtimeünïcode</html>');
  expect(readdirSync(dir)).toEqual(['deck.html']);

  utimesSync(target, past, past);
  writeAtomically(target, chunks('<html>runt', 'imeünïcode</html>'));
  expect(statSync(target).mtime).toEqual(past);
  writeAtomically(target, '<html>runtimeünïcode</html>');
  expect(statSync(target).mtime).toEqual(past);

  // Same length, one byte changed in a later chunk: written.
  writeAtomically(target, chunks('<html>', 'runtimf', 'ünïcode</html>'));
  expect(readFileSync(target, 'utf8')).toBe('<html>runtimfünïcode</html>');
  expect(statSync(target).mtime.getTime()).toBeGreaterThan(past.getTime());
  expect(readdirSync(dir)).toEqual(['deck.html']);
});

it('writes large chunks whole, over an older file', () => {
  const target = join(dir, 'large.html');
  const large = Buffer.alloc(9_000_000, 'a');
  writeFileSync(target, 'old');
  writeAtomically(target, [large, Buffer.from('end'), large]);
  const written = readFileSync(target);
  expect(written.length).toBe(18_000_003);
  expect(written.subarray(8_999_998, 9_000_005).toString()).toBe('aaendaa');
});
