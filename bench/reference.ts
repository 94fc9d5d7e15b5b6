// The reference decks that Podium and its peers build for the side-by-side bench.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The same 12-slide deck in Podium's format and in Marp's, kept byte for byte as shared. */
export const referenceFiles = { podium: 'reference.mdx', marp: 'reference.marp.md' } as const;

/** Which copy of the reference decks the bench reads, and how the shared originals compare with it. */
export interface ReferenceDecks {
  /** The committed copy, so that the bench also runs on a fresh clone. */
  dir: string;
  /** The shared originals beside the repository (`../shared/bench`). */
  sharedDir: string;
  /** `absent` when there are no shared originals; otherwise the files whose bytes differ from the copy. */
  shared: 'absent' | { differing: string[] };
}

export function referenceDecks(root: string, sharedDir = resolve(root, '..', 'shared', 'bench')): ReferenceDecks {
  const dir = join(root, 'bench', 'reference');
  if (!existsSync(sharedDir)) return { dir, sharedDir, shared: 'absent' };
  const differing = Object.values(referenceFiles).filter((name) => {
    const original = join(sharedDir, name);
    return !existsSync(original) || !readFileSync(original).equals(readFileSync(join(dir, name)));
  });
  return { dir, sharedDir, shared: { differing } };
}

/** One line saying which copy is used; a difference from the shared originals goes to stderr, loudly. */
export function reportReference(reference: ReferenceDecks, log = console.log, warn = console.error): void {
  const dir = relative(process.cwd(), reference.dir);
  const sharedDir = relative(process.cwd(), reference.sharedDir);
  log(`reference decks: ${dir}`);
  if (reference.shared === 'absent') log(`  (the committed copy: there are no shared originals in ${sharedDir})`);
  else if (reference.shared.differing.length === 0) log(`  (identical to the shared originals in ${sharedDir})`);
  else
    warn(
      `\n!!! WARNING: ${reference.shared.differing.join(', ')} in ${sharedDir} DIFFER from the committed ` +
        `copy in ${dir}.\n!!! These figures use the committed copy; copy the shared files over it if ` +
        'they are the newer reference.\n',
    );
}
