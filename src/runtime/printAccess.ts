/**
 * Chromium tags a PDF from the page's accessibility tree, so what the print view keeps from
 * assistive technology is left out of the PDF's structure. reveal.js moves each slide onto its
 * printed page still `hidden` and `aria-hidden` from presenting, as if it were off screen: left
 * so, a PDF is tagged on its first page only.
 */

/** The printed pages, the slides on them and the speaker notes printed after them. */
const printedParts = '.slides > .pdf-page, .slides > .speaker-notes-pdf, .slides section';

/** What presenting sets on slides out of view; on paper every slide is in view. */
const presentingOnly = ['hidden', 'aria-hidden', 'inert'];

/**
 * Lets every printed page into the accessibility tree, and so into the PDF's tags: its headings,
 * chart pictures with their summaries, data tables, links and notes. A figure becomes a group:
 * a PDF Figure is one picture whose /Alt stands for all it holds, and a chart's figure also
 * holds its caption and data table, which the picture inside it (its own Figure) does not.
 */
export function exposePrintedPages(deck: Element): void {
  for (const part of deck.querySelectorAll(printedParts)) {
    for (const attribute of presentingOnly) part.removeAttribute(attribute);
  }
  for (const figure of deck.querySelectorAll('.slides figure:not([role])')) figure.setAttribute('role', 'group');
}
