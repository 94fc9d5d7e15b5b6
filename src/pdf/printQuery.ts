/** What a PDF holds: the slides as shown, one page per step, or the board-packet handout. */
export interface PdfOptions {
  /** Each slide with its speaker notes beneath it, on letter paper, for the board packet. */
  handout?: boolean;
  /** A page for each fragment step instead of each slide shown complete. */
  steps?: boolean;
}

/**
 * The query string that opens a deck in reveal's print view with these options. reveal.js
 * switches to print view when `print-pdf` is anywhere in the query, and lays `key=value`
 * pairs over the deck's own config (reveal.mjs: `getQueryHash`, read last in `initialize`).
 */
export function printQuery(options: PdfOptions): string {
  const parts = ['print-pdf'];
  // reveal's default clones a page per fragment step; a slide printed whole shows them all.
  if (!options.steps) parts.push('pdfSeparateFragments=false');
  // Notes as their own block after each slide; the handout style puts them beneath it.
  if (options.handout) parts.push('showNotes=separate-page');
  return parts.join('&');
}
