/*
 * The client a `podium dev` page runs, first in its head: it listens to the dev server, replaces
 * the slides that changed when only slides did, else reloads the page when its deck was built
 * again (on the same slide and step), shows build errors in
 * Vite's overlay, and names slides taller than the slide area. The server puts the page's state
 * before this code (see src/dev/devPage.ts).
 */
import { createHotContext, ErrorOverlay } from '@vite/client';
import type { ViteHotContext } from 'vite/types/hot.js';
import { devEvents, type DevPageState, type OverlayError, slidesReplacedMeasure } from '../../contract/devEvents.ts';
import { type SlideReplacement, slideReplacementEvent } from '../../contract/slideReplacement.ts';
import { measureTallSlides } from '../../contract/tallSlides.ts';
import { textElement } from '../../runtime/dom.ts';
import { readStored, removeStored, writeStored } from '../../runtime/storage.ts';

declare const podiumDevPage: DevPageState;

/** The reveal.js calls the client needs. */
interface RevealApi {
  getIndices(): { h: number; v?: number; f?: number };
  slide(h: number, v?: number, f?: number): void;
  isReady(): boolean;
  on(type: string, listener: () => void): void;
}

/** The deck on this page; none on the index or an error page. */
const reveal = () => (window as { Reveal?: unknown }).Reveal as RevealApi | undefined;

function startDevClient({ page, build, error }: DevPageState): void {
  const hot = createHotContext('/@podium/page');
  // The address keeps the slide only once reveal has written it; the client remembers the place itself.
  const placeKey = `podium:place:${page}`;
  let shown = build;
  const reload = () => {
    const deck = reveal();
    if (deck) writeStored('sessionStorage', placeKey, JSON.stringify(deck.getIndices()));
    location.reload();
  };
  hot.on(devEvents.update, (data) => {
    if (data.page === page) reload();
  });
  hot.on(devEvents.slides, (data) => {
    if (data.page !== page) return;
    const deck = reveal();
    const started = performance.now();
    if (!deck || data.from !== shown || !replaceSlides(data)) return reload();
    // For the bench: how long the page took to put the slides in place.
    performance.measure(slidesReplacedMeasure, { start: started });
    shown = data.build;
    removeErrors();
    bar.showWarnings(data.warnings);
    checkFit(page, hot, bar);
  });
  hot.on(devEvents.error, (data) => {
    if (data.page === page) showError(data.err);
  });
  // A change saved while this page loaded was sent before it could hear: on connecting, it says
  // which build it shows, and the server answers if there is a newer one.
  if (build !== null) hot.on('vite:ws:connect', () => hot.send(devEvents.hello, { page, build: shown ?? build }));
  const bar = new NotesBar();
  hot.on(devEvents.warnings, (data) => {
    if (data.page === page) bar.showWarnings(data.warnings);
  });
  if (error) showError(error);
  const deck = reveal();
  if (!deck) return;
  const saved = readStored('sessionStorage', placeKey);
  if (saved) {
    removeStored('sessionStorage', placeKey);
    const { h, v, f } = JSON.parse(saved) as ReturnType<RevealApi['getIndices']>;
    whenReady(deck, () => deck.slide(h, v, f));
  }
  whenReady(deck, () => checkFit(page, hot, bar));
}

function whenReady(deck: RevealApi, action: () => void): void {
  if (deck.isReady()) action();
  else deck.on('ready', action);
}

/**
 * Hands the changed slides to the page's runtime, which puts them in place of the old ones. False
 * when no runtime took them (the speaker view, the reading view): the page reloads instead.
 */
function replaceSlides({ slides, stamp }: { slides: Array<{ index: number; html: string }>; stamp: string }): boolean {
  // Saved again unchanged: nothing to put in place.
  if (slides.length === 0) return true;
  const sections = slides.map(({ index, html }) => {
    const template = document.createElement('template');
    template.innerHTML = html;
    return { index, section: template.content.firstElementChild };
  });
  if (!sections.every((slide) => slide.section instanceof HTMLElement)) return false;
  const detail: SlideReplacement = { slides: sections as SlideReplacement['slides'], stamp };
  return !document.dispatchEvent(new CustomEvent(slideReplacementEvent, { detail, cancelable: true }));
}

function showError(error: OverlayError): void {
  removeErrors();
  document.body.append(new ErrorOverlay(error));
}

function removeErrors(): void {
  for (const overlay of document.querySelectorAll('vite-error-overlay')) overlay.remove();
}

/** The bar at the foot of the page: slides too tall, then the deck's warnings. */
class NotesBar {
  #tall: string[] = [];
  #warnings: string[] = [];

  showTall(lines: string[]): void {
    this.#tall = lines;
    this.#show();
  }

  showWarnings(lines: string[]): void {
    this.#warnings = lines;
    this.#show();
  }

  #show(): void {
    document.querySelector('.podium-dev-fit')?.remove();
    const lines = [...this.#tall, ...this.#warnings];
    if (lines.length === 0) return;
    const note = textElement('p', 'podium-dev-fit', lines.join('\n'));
    note.setAttribute('role', 'status');
    note.style.cssText =
      'position:fixed;left:0;right:0;bottom:0;margin:0;padding:6px 12px;z-index:50;font:16px/1.4 system-ui,sans-serif;white-space:pre-line;background:#7a2e00;color:#fff';
    document.body.append(note);
  }
}

/** A slide taller than the slide area must be scrolled when presenting: say which, here and in the terminal. */
function checkFit(page: string, hot: ViteHotContext, bar: NotesBar): void {
  const tall = measureTallSlides();
  bar.showTall(
    tall.map((t) => `Slide ${t.slide} is ${t.over} px taller than the slide: its bottom shows only when scrolled.`),
  );
  if (tall.length > 0) hot.send(devEvents.tooTall, { page, tall });
}

// The speaker view's slide previews (?receiver) reload with the view around them.
if (!new URLSearchParams(location.search).has('receiver')) startDevClient(podiumDevPage);
