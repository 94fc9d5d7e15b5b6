import { closest, distance } from 'fastest-levenshtein';

/** The `count` known names nearest a misspelt one, nearest first. */
export function closestNames(name: string, known: readonly string[], count: number): string[] {
  const lower = name.toLowerCase();
  return known
    .map((candidate) => ({ candidate, gap: distance(lower, candidate.toLowerCase()) }))
    .sort((a, b) => a.gap - b.gap)
    .slice(0, count)
    .map(({ candidate }) => candidate);
}

/** The known name a misspelt one was probably meant to be, if any is close enough. */
export function didYouMean(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const candidate = closest(
    name.toLowerCase(),
    known.map((k) => k.toLowerCase()),
  );
  const index = known.findIndex((k) => k.toLowerCase() === candidate);
  return distance(name.toLowerCase(), candidate) <= Math.max(2, Math.floor(name.length / 3)) ? known[index] : undefined;
}
