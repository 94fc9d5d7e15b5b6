/*
 * The classes and data attributes the build writes into a deck and the browser runtime (or a
 * tool that opens the deck) looks for. Either side spells them only from here.
 */

/** Classes of the elements the runtime acts on. */
export const classNames = {
  /** reveal.js's own root, which carries the deck's settings (see deckAttributes). */
  deck: 'reveal',
  /** A chart's `<figure>`. */
  chart: 'podium-chart',
  /** The `<script type="application/json">` in a chart's figure: its Chart.js config. */
  chartConfig: 'podium-chart-config',
  /** The "Show data" button under a chart. */
  dataToggle: 'podium-data-toggle',
  /** A citation `[4]`, a link to its entry (`#source-4`) in the Sources list. */
  cite: 'podium-cite',
  /** The Sources slide's list: such a slide is for readers, not spoken to. */
  sources: 'podium-sources',
  /** The link to the reading view, the presentation's first Tab stop (and, there, back to the slides). */
  readLink: 'podium-read-link',
  /** The deck's logo and footer line, shown on every slide (and copied onto every printed page). */
  brand: 'podium-brand',
  /** The `<script type="application/json">` holding the words the runtime writes, in the deck's language. */
  strings: 'podium-strings',
} as const;

/** The address query that opens a deck as one page to read (`deck.html?read`). */
export const readingViewQuery = 'read';

/** The address query a link preview opens a deck at (`deck.html?picture`): the slides alone, none of the controls. */
export const pictureQuery = 'picture';

/** Data attributes on the deck's root: settings from the frontmatter, and the build's stamp. */
export const deckAttributes = {
  /** A stamp of the slides, the same in two windows only for the same build of the same deck. */
  stamp: 'data-deck',
  /** `timeLimit`, in seconds. */
  timeLimit: 'data-time-limit',
  /** `timer`: `visible` (the audience sees a countdown) or `speaker`. */
  timer: 'data-timer',
  /** `notes: public`: the reading view shows the speaker notes. */
  notes: 'data-notes',
  /** `aspect`: the slide box's shape, `16:9` or `4:3` (see slideSizes). */
  aspect: 'data-aspect',
} as const;

/** Marks the runtime sets on `<html>` for tools that open a deck (PDF export, link previews, benchmarks, tests). */
export const readyMarks = {
  /** The first slide (or the speaker view) is up. */
  ready: 'data-podium-ready',
  /** Printed pages are complete, charts included. */
  printReady: 'data-podium-print-ready',
  /** The performance mark set with `ready`. */
  performanceMark: 'podium-ready',
} as const;
