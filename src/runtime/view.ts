import { pictureQuery, readingViewQuery } from '../contract/markup.ts';

/** Forces the slides even in a window the reading view would suit (the reading view's "Show as slides"). */
export const presentQuery = 'present';

/**
 * Windows too small to show a slide at a readable size: a phone, or a laptop's window at 200 %
 * zoom (1280 × 720 becomes 640 × 360). reveal.js would shrink the slide to fit, so zooming would
 * not enlarge the text (WCAG 1.4.4, 1.4.10); the reading view reflows it instead. A presenter's
 * window, even a small laptop's with the browser's bars, stays above both limits.
 */
export const smallWindow = '(max-width: 720px), (max-height: 480px)';

/** Addresses of the same file that reveal.js or Podium open for a purpose of their own: always slides. */
const purposeQueries = ['print-pdf', 'receiver', presentQuery, pictureQuery];

export type View = 'read' | 'slides';

/** Which view an address asks for: `?read`, the slides, or (when it says neither) whichever suits the window. */
export function chosenView(address: Location | URL = location): { view: View; automatic: boolean } {
  const query = new URLSearchParams(address.search);
  if (query.has(readingViewQuery)) return { view: 'read', automatic: false };
  if (purposeQueries.some((name) => query.has(name))) return { view: 'slides', automatic: false };
  return { view: window.matchMedia(smallWindow).matches ? 'read' : 'slides', automatic: true };
}

/**
 * When the window crosses the small-window limit (the reader zooms in or out, a phone turns),
 * the page opens again in the view that now suits it, at the same slide: `place()` gives the
 * hash that keeps it (reveal's `#/3`). Only when the view was chosen by the window, not asked for.
 */
export function followWindowSize(current: View, place: () => string): () => void {
  const query = window.matchMedia(smallWindow);
  const changed = () => {
    if ((query.matches ? 'read' : 'slides') === current) return;
    history.replaceState(history.state, '', place());
    location.reload();
  };
  query.addEventListener('change', changed);
  return () => query.removeEventListener('change', changed);
}
