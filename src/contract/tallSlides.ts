/** A slide whose content is taller than the slide area: its number (from 1) and by how many pixels. */
export interface TallSlide {
  slide: number;
  over: number;
}

interface RevealLayout {
  getSlides(): HTMLElement[];
  getConfig(): { height: number };
}

/**
 * Runs in a deck's page once reveal is ready: the slides taller than the slide area, which
 * presenting shows only when the slide is scrolled. The build (through Chromium) and the dev page measure with
 * this one function; it uses nothing outside itself, so it can be sent to a page.
 */
export function measureTallSlides(): TallSlide[] {
  const reveal = (window as typeof window & { Reveal: RevealLayout }).Reveal;
  const { height } = reveal.getConfig();
  return reveal.getSlides().flatMap((slide, index) => {
    // A slide not on screen is hidden; shown for a moment, it has its full height.
    const shown = slide.style.display;
    slide.style.display = 'block';
    const over = slide.scrollHeight - height;
    slide.style.display = shown;
    return over > 2 ? [{ slide: index + 1, over }] : [];
  });
}
