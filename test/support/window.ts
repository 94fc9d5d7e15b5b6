import type { RevealApi } from 'reveal.js';

/** What a chart canvas drew in its last frame, in the canvas's own pixels (see drawing.ts). */
export interface Drawing {
  texts: Array<{ text: string; fillStyle: string; left: number; top: number; right: number; bottom: number }>;
  /** The largest arc: a pie's outer edge. */
  arc: { x: number; y: number; radius: number };
}

// What a deck's page holds for the tests that drive it: typed once, here, for every page.evaluate.
declare global {
  interface Window {
    /** The deck's reveal.js, as Podium's runtime exposes it; reveal's own types do not list isScrollView yet. */
    Reveal: RevealApi & { isScrollView(): boolean };
    /** axe-core, once a test has evaluated its source in the page. */
    axe: typeof import('axe-core');
    /** Each canvas's last frame, recorded before the deck starts (see drawing.ts). */
    podiumDrawing(canvas: HTMLCanvasElement): Drawing;
    /** The Content-Security-Policy violations reported since the page loaded (see browser.ts). */
    podiumPolicyViolations?: string[];
    /** Set by a test, so that it can see the page was not loaded again. */
    podiumStillHere?: boolean;
    /** A deck that a test's own page opened with window.open. */
    openedDeck?: Window | null;
    /** The windows the page opened since a test began to keep them (speakerView.test.ts). */
    podiumOpened?: Array<Window | null>;
    /** How many marks other windows posted to the page (speakerView.test.ts). */
    podiumMarks?: number;
    /** What each canvas had drawn before each clear, frame by frame (specialDecks.test.ts). */
    podiumFrames?: WeakMap<HTMLCanvasElement, Array<{ size: string; drawn: number }>>;
  }
}
