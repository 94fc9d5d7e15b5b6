import { readFileSync } from 'node:fs';

/**
 * How a compile reads the files a deck refers to. It remembers every path asked for, found
 * or not, so a watcher knows what to watch (a missing image appearing should rebuild too).
 */
export interface DeckFiles {
  readText(path: string): string | undefined;
  readBytes(path: string): Uint8Array | undefined;
  readonly used: ReadonlySet<string>;
}

export function diskFiles(): DeckFiles {
  const used = new Set<string>();
  const read = (path: string) => {
    used.add(path);
    try {
      return readFileSync(path);
    } catch (error) {
      // Missing, a folder, or a path through a file: all "not there" to the deck.
      if (['ENOENT', 'EISDIR', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return undefined;
      throw error;
    }
  };
  return {
    used,
    readText: (path) => read(path)?.toString('utf8'),
    readBytes: (path) => read(path),
  };
}
