import 'reveal.js/reveal.css';
import { Chart, type ChartComponentLike } from 'chart.js';
import Reveal from 'reveal.js';
import { ChartController, type ChartHost } from './charts.ts';
import { DataTables } from './dataTables.ts';
import { startPresenting, timerSettings } from './presenting.ts';
import { isSpeakerViewAddress, startSpeakerView } from './speaker/speakerView.ts';

/** reveal.js exposes these at run time; its type definitions do not list them yet. */
type RevealDeck = InstanceType<typeof Reveal> & ChartHost;

/** Starts a deck with these Chart.js parts registered; each runtime variant passes its own. */
export function start(chartParts: ChartComponentLike[]): void {
  // The speaker view (S) is this same file, opened again with ?speaker.
  if (isSpeakerViewAddress()) {
    startSpeakerView();
    return;
  }
  Chart.register(...chartParts);
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const timer = timerSettings();
  const deck = new Reveal({
    hash: true,
    controls: true,
    progress: true,
    slideNumber: 'c/t',
    showSlideNumber: 'all',
    transition: reduced ? 'none' : 'slide',
    backgroundTransition: 'none',
    // Only Podium's speaker view steers the deck from another window, through its own checked
    // messages; its slide previews turn reveal's message API back on in their address.
    postMessage: false,
  }) as RevealDeck;
  // The usual global, so the browser console (and tests) can drive the deck as with any reveal.js deck.
  (window as unknown as { Reveal: RevealDeck }).Reveal = deck;
  const charts = new ChartController(deck);
  const tables = new DataTables(document.body);
  startPresenting(deck, timer);
  deck.addKeyBinding({ keyCode: 84, key: 'T', description: 'Show or hide the data of the charts on this slide' }, () =>
    tables.toggleAll(deck.getCurrentSlide()),
  );
  const showCurrent = () => {
    if (deck.isPrintView()) return;
    if (deck.isScrollView()) charts.show(deck.getRevealElement() ?? undefined);
    else charts.show(deck.getCurrentSlide());
  };
  deck.on('ready', showCurrent);
  deck.on('slidechanged', showCurrent);
  deck.on('resize', () => {
    showCurrent();
    charts.rescale();
  });
  // Printed pages (and the clones reveal makes of them) need charts of their own.
  deck.on('pdf-ready', () => {
    charts.show(deck.getRevealElement() ?? undefined);
    // Tells a PDF exporter the printed pages are complete, charts included.
    document.documentElement.setAttribute('data-podium-print-ready', '');
  });
  void deck.initialize().then(() => {
    // A mark and an attribute, so benchmarks and tests can tell the first slide is up.
    performance.mark('podium-ready');
    document.documentElement.setAttribute('data-podium-ready', '');
  });
}
