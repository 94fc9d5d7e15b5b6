import 'reveal.js/reveal.css';
import './theme/base.css';
import { Chart, type ChartComponentLike } from 'chart.js';
import Reveal from 'reveal.js';
import { readyMarks } from '../contract/markup.ts';
import { deckSlideSize, printBrand } from './brand.ts';
import { ChartController, type ChartHost } from './charts.ts';
import { DataTables } from './dataTables.ts';
import { KeyboardPolicy } from './keyboard.ts';
import { LiveSlides } from './liveSlides.ts';
import { startKeyboardAccess } from './keyboardAccess.ts';
import { OverviewCharts } from './overviewCharts.ts';
import { Presenting, timerSettings } from './presenting.ts';
import { markPicture } from './picture.ts';
import { exposePrintedPages } from './printAccess.ts';
import { startReadingView } from './readingView.ts';
import { SlideSemantics } from './slideSemantics.ts';
import { SlideNumber } from './slideNumber.ts';
import { RevealWords } from './revealWords.ts';
import { say } from './strings.ts';
import { isSpeakerViewAddress, startSpeakerView } from './speaker/speakerView.ts';
import { followPrinting } from './theme/printColours.ts';
import { chosenView, followWindowSize } from './view.ts';

/** reveal.js exposes these at run time; its type definitions do not list them yet. */
type RevealDeck = InstanceType<typeof Reveal> & ChartHost;

/** A started deck (or speaker view). */
export interface Started {
  /** Removes the runtime's timers and listeners; reveal.js itself is left as it is. */
  destroy(): void;
}

const dataKey = { keyCode: 84, key: 'T' };

/** Starts a deck with these Chart.js parts registered; each runtime variant passes its own. */
export function start(chartParts: ChartComponentLike[]): Started {
  // The speaker view (S) is this same file, opened again with ?speaker.
  if (isSpeakerViewAddress()) return startSpeakerView();
  Chart.register(...chartParts);
  const stopPrinting = followPrinting();
  // ?read, a phone or a zoomed-in window: the deck as one page to read.
  const { view, automatic } = chosenView();
  if (view === 'read') {
    const reading = startReadingView(automatic);
    markReady();
    return {
      destroy() {
        stopPrinting();
        reading.destroy();
      },
    };
  }
  markPicture();
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const timer = timerSettings();
  const keys = new KeyboardPolicy();
  const deck = new Reveal({
    ...deckSlideSize(),
    // Podium writes the address itself (slideAddress.ts), so that citations can step through history.
    hash: false,
    keyboardCondition: keys.allows,
    controls: true,
    progress: true,
    slideNumber: 'c/t',
    showSlideNumber: 'all',
    transition: reduced ? 'none' : 'slide',
    backgroundTransition: 'none',
    // Only Podium's speaker view steers the deck from another window, through its own checked
    // messages; its slide previews turn reveal's message API back on in their address.
    postMessage: false,
    // Small windows get the reading view instead of reveal's scroll view.
    scrollActivationWidth: null,
  }) as RevealDeck;
  // The usual global, so the browser console (and tests) can drive the deck as with any reveal.js deck.
  Reflect.set(window, 'Reveal', deck);
  const charts = new ChartController(deck, deck.getRevealElement() ?? document.body);
  const tables = new DataTables(document.body);
  const overviewCharts = new OverviewCharts(deck, charts);
  const presenting = new Presenting(deck, timer);
  const semantics = new SlideSemantics(deck);
  const liveSlides = new LiveSlides(deck, charts, semantics);
  const stopFollowing = automatic ? followWindowSize('slides', () => `#/${deck.getIndices().h}`) : () => {};
  const slideNumber = new SlideNumber(deck);
  const revealWords = new RevealWords(deck);
  const keyboard = startKeyboardAccess(deck, keys);
  deck.addKeyBinding({ ...dataKey, description: say('helpData') }, () => tables.toggleAll(deck.getCurrentSlide()));
  const showCurrent = () => {
    if (deck.isPrintView()) return;
    if (deck.isScrollView()) charts.show(deck.getRevealElement() ?? undefined);
    else charts.show(deck.getCurrentSlide());
  };
  const resized = () => {
    showCurrent();
    charts.rescale();
  };
  // Printed pages (and the clones reveal makes of them) need charts of their own.
  const printed = () => {
    exposePrintedPages(deck.getRevealElement() ?? document.body);
    printBrand(deck.getRevealElement() ?? document.body);
    charts.show(deck.getRevealElement() ?? undefined);
    // Tells a PDF exporter the printed pages are complete, charts included.
    document.documentElement.setAttribute(readyMarks.printReady, '');
  };
  const listeners: Array<[string, () => void]> = [
    ['ready', showCurrent],
    ['slidechanged', showCurrent],
    ['resize', resized],
    ['pdf-ready', printed],
  ];
  for (const [event, listener] of listeners) deck.on(event, listener);
  void deck.initialize().then(markReady);
  return {
    destroy() {
      for (const [event, listener] of listeners) deck.off(event, listener);
      deck.removeKeyBinding(dataKey.keyCode);
      presenting.destroy();
      stopPrinting();
      semantics.destroy();
      liveSlides.destroy();
      stopFollowing();
      slideNumber.destroy();
      revealWords.destroy();
      keyboard.destroy();
      tables.destroy();
      overviewCharts.destroy();
      charts.destroy();
    },
  };
}

/** A mark and an attribute, so benchmarks and tests can tell the first slide (or the reading view) is up. */
function markReady(): void {
  performance.mark(readyMarks.performanceMark);
  document.documentElement.setAttribute(readyMarks.ready, '');
}
