import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * How a compile reads the files a deck refers to. It remembers every path asked for, found
 * or not, so a watcher knows what to watch (a missing image appearing should rebuild too).
 * A path outside the folders it may read throws `FileOutsideProject`; a missing one is undefined.
 */
export interface DeckFiles {
  readText(path: string): string | undefined;
  readBytes(path: string): Uint8Array | undefined;
  readonly used: ReadonlySet<string>;
}

/**
 * A deck asked for a file outside the project (through `..`, an absolute path or a symlink).
 * It carries only the path: the reader turns it into a DeckError at the line that asked.
 */
export class FileOutsideProject extends Error {
  constructor(readonly path: string) {
    super(`${path} is outside the project`);
    this.name = 'FileOutsideProject';
  }
}

/**
 * Files on disk, read only from inside `roots` (the project folder, and Podium's own themes):
 * decks travel between organizers, and a shared file must never carry the builder's other files.
 * A path is inside when it is, both as written (`..` resolved) and after following symlinks.
 */
export function diskFiles(roots: readonly string[]): DeckFiles {
  const allowed = roots.flatMap((root) => [resolve(root), realOrUndefined(resolve(root)) ?? resolve(root)]);
  const inside = (path: string) => allowed.some((root) => isWithin(root, path));
  const used = new Set<string>();
  const read = (path: string) => {
    used.add(path);
    // A NUL byte cannot name a file; Node would throw on it.
    if (path.includes('\0')) return undefined;
    if (!inside(resolve(path))) throw new FileOutsideProject(path);
    const real = realOrUndefined(path);
    if (real === undefined) return undefined;
    if (!inside(real)) throw new FileOutsideProject(path);
    try {
      return readFileSync(real);
    } catch (error) {
      if (isNotThere(error)) return undefined;
      throw error;
    }
  };
  return {
    used,
    readText: (path) => read(path)?.toString('utf8'),
    readBytes: (path) => read(path),
  };
}

function isWithin(root: string, path: string): boolean {
  const rest = relative(root, path);
  return rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest);
}

function realOrUndefined(path: string): string | undefined {
  try {
    // One system call, where the JavaScript version checks every folder on the way.
    return realpathSync.native(path);
  } catch (error) {
    if (isNotThere(error)) return undefined;
    throw error;
  }
}

/** Missing, a folder, a path through a file, or a symlink loop: all "not there" to the deck. */
function isNotThere(error: unknown): boolean {
  return ['ENOENT', 'EISDIR', 'ENOTDIR', 'ELOOP'].includes((error as NodeJS.ErrnoException).code ?? '');
}

/** What a deck is told when it asks for a file outside the project: the path as written, never the file. */
export const outsideProjectHint =
  'A deck may use only files inside its project (the folder holding decks/ and public/), and links (symlinks) there must not lead out of it: copy the file into the project.';

/** `read()`, or `outside()` (which throws the reader's own DeckError) when it asked for a file outside the project. */
export function readInsideProject<T>(read: () => T, outside: () => never): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof FileOutsideProject) outside();
    throw error;
  }
}
