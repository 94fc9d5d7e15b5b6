/** The size of one printed slide page, as reveal's print view laid it out (CSS px). */
export interface SlidePageSize {
  width: number;
  height: number;
}

/** US Letter, portrait, half-inch margins, as boards print their packets (CSS px, 96 per inch). */
const sheet = { width: 816, height: 1056, margin: 48 };

/**
 * Print CSS that turns reveal's print view (`showNotes=separate-page`) into a handout: each
 * slide scaled to the sheet's width, its notes beneath it on the same sheet in readable type,
 * every slide starting a new sheet. Long notes continue on the next sheet rather than shrink.
 */
export function handoutStyle(slide: SlidePageSize): string {
  const contentWidth = sheet.width - 2 * sheet.margin;
  const scale = contentWidth / slide.width;
  // A transform does not change the space an element takes: give back what the scale removes.
  const shrinkRight = slide.width * (1 - scale);
  const shrinkBottom = slide.height * (1 - scale);
  const printed = 'html.reveal-print .reveal .slides';
  return `
@page { size: ${sheet.width}px ${sheet.height}px; margin: ${sheet.margin}px; }
html.reveal-print, html.reveal-print body { background: var(--podium-print-background) !important; }
html.reveal-print body { width: ${contentWidth}px !important; height: auto !important; }
${printed} > .pdf-page {
  width: ${slide.width}px;
  transform: scale(${scale});
  transform-origin: 0 0;
  margin: 0 ${-shrinkRight}px ${-shrinkBottom}px 0;
  break-before: page;
  page-break-after: auto;
}
${printed} > .pdf-page:first-child { break-before: auto; }
/* The slide's edge, drawn inside it so the sheet's margin never clips it. */
${printed} > .pdf-page::after {
  content: '';
  position: absolute;
  inset: 0;
  z-index: 200;
  border: 2px solid #767676;
  pointer-events: none;
}
${printed} > .speaker-notes-pdf[data-layout='separate-page'] {
  break-before: avoid;
  page-break-after: auto;
  padding: 16px 0 0;
  border: 0;
  background: none;
  color: var(--podium-print-text);
  font-family: var(--podium-font);
  font-size: 12pt;
  line-height: 1.45;
  text-align: left;
}
${printed} > .speaker-notes-pdf::before { opacity: 1; color: var(--podium-muted); font-size: 10pt; font-weight: bold; margin-bottom: 6px; }
${printed} > .speaker-notes-pdf p { margin: 0 0 0.6em; }
${printed} > .speaker-notes-pdf ul, ${printed} > .speaker-notes-pdf ol { margin: 0 0 0.6em; padding-left: 1.4em; }
`;
}
