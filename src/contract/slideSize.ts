/**
 * The slide box, in CSS pixels, for each `aspect` a deck may set. reveal.js lays a slide out
 * at this size and scales it to the window; printed pages and the speaker view's previews follow.
 */
export const slideSizes = {
  '16:9': { width: 1280, height: 720 },
  // The size decks had before 16:9 became the default.
  '4:3': { width: 960, height: 700 },
} as const;

export type Aspect = keyof typeof slideSizes;

export const defaultAspect: Aspect = '16:9';

export const aspects = Object.keys(slideSizes) as Aspect[];

/** The size for an aspect as written on a deck's root; the default for a missing or unknown one. */
export function slideSizeOf(aspect: string | null | undefined): { width: number; height: number } {
  return aspect && Object.hasOwn(slideSizes, aspect) ? slideSizes[aspect as Aspect] : slideSizes[defaultAspect];
}
