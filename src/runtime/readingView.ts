import './readingView.css';
import { classNames, deckAttributes, readingViewQuery } from '../contract/markup.ts';
import { ChartController } from './charts.ts';
import { DataTables } from './dataTables.ts';
import { textElement } from './dom.ts';
import { say } from './strings.ts';
import { followWindowSize, presentQuery } from './view.ts';

/** The class on `<html>` while the deck is shown as one page; its stylesheet keys on it. */
export const readingClass = 'podium-read';

/**
 * The whole deck as one document to read: for screen readers (no `role="application"`, no slide
 * at a time), for zoom and for phones. reveal.js is not started. Each slide is a section with a
 * heading, in order; every step shows; each chart shows its data table; citations link to their
 * source and the source links back to each slide citing it; the speaker notes show under a
 * "Speaker notes" heading when the deck says `notes: public`, and are left out otherwise.
 */
export function startReadingView(automatic: boolean): { destroy(): void } {
  document.documentElement.classList.add(readingClass);
  const deck = document.querySelector<HTMLElement>(`.${classNames.deck}`) ?? document.body;
  deck.setAttribute('role', 'main');
  const slides = [...deck.querySelectorAll<HTMLElement>('.slides > section')];
  const publicNotes = deck.getAttribute(deckAttributes.notes) === 'public';
  slides.forEach((slide, index) => {
    if (!slide.id) slide.id = `slide-${index + 1}`;
    if (!slide.querySelector('h1, h2'))
      slide.prepend(textElement('h2', 'sr-only', say('slideHeading', { number: index + 1 })));
    for (const notes of slide.querySelectorAll('aside.notes')) {
      if (publicNotes) labelNotes(notes, `${slide.id}-notes`);
      else notes.remove();
    }
  });
  linkSourcesBack(deck, slides);
  const tables = new DataTables(deck);
  for (const figure of deck.querySelectorAll(`figure.${classNames.chart}`)) {
    tables.toggle(figure, true);
    showSummary(figure);
  }
  const charts = new ChartController(
    { getScale: () => 1, isPrintView: () => false, isScrollView: () => false, getRevealElement: () => deck },
    deck,
  );
  charts.show(deck);
  const resized = () => charts.rescale();
  window.addEventListener('resize', resized);
  const readLink = document.querySelector<HTMLAnchorElement>(`a.${classNames.readLink}`);
  if (readLink) {
    readLink.textContent = say('showAsSlides');
    // Back to the slide the reading view was opened at (the link sits at the top, where every reader scrolls to reach it).
    const address = new URL(location.href);
    address.searchParams.delete(readingViewQuery);
    // A window the reading view suits would choose it again: asking for the slides says otherwise.
    if (automatic) address.searchParams.set(presentQuery, '');
    readLink.href = address.href;
  }
  scrollToPlace(slides);
  const stopFollowing = automatic ? followWindowSize('read', () => `#/${slideAtTop(slides)}`) : () => {};
  document.documentElement.setAttribute('data-podium-view', 'read');
  return {
    destroy() {
      stopFollowing();
      window.removeEventListener('resize', resized);
      tables.destroy();
      charts.destroy();
    },
  };
}

/**
 * A chart's summary, which screen readers get as the picture's name, written under the picture for
 * everyone reading: hidden from screen readers, which would otherwise hear it twice.
 */
function showSummary(figure: Element): void {
  const label = figure.querySelector('canvas[role=img]')?.getAttribute('aria-label');
  const title = figure.querySelector('.podium-chart-title')?.textContent ?? '';
  if (!label) return;
  const summary = textElement(
    'p',
    'podium-chart-summary',
    label.startsWith(`${title}. `) ? label.slice(title.length + 2) : label,
  );
  summary.setAttribute('aria-hidden', 'true');
  figure.querySelector('.podium-chart-canvas')?.after(summary);
}

/** Speaker notes as a labelled part of their slide, under their own heading. */
function labelNotes(notes: Element, id: string): void {
  const heading = textElement('h3', 'podium-notes-heading', say('readingNotesHeading'));
  heading.id = id;
  notes.prepend(heading);
  notes.removeAttribute('aria-label');
  notes.setAttribute('aria-labelledby', id);
}

/**
 * Each source entry links back to every slide that cites it, so a reader who followed `[4]` to
 * the source list can return to where they were reading.
 */
function linkSourcesBack(deck: HTMLElement, slides: HTMLElement[]): void {
  for (const entry of deck.querySelectorAll<HTMLElement>(`ol.${classNames.sources} > li[id]`)) {
    const citing = slides.filter((slide) =>
      [...slide.querySelectorAll<HTMLAnchorElement>(`a.${classNames.cite}`)].some(
        (link) => link.getAttribute('href') === `#${entry.id}`,
      ),
    );
    if (citing.length === 0) continue;
    const back = textElement('span', 'podium-read-back');
    for (const slide of citing) {
      const link = textElement('a', '', say('backToSlide', { number: slides.indexOf(slide) + 1 }));
      link.href = `#${slide.id}`;
      back.append(' ', link);
    }
    entry.append(back);
  }
}

/** The index of the slide at the top of the window, as reveal's hash counts (from 0). */
function slideAtTop(slides: HTMLElement[]): number {
  const index = slides.findIndex((slide) => slide.getBoundingClientRect().bottom > 1);
  return Math.max(index, 0);
}

/** Opens at the place a presentation's address names: `#/3` (the fourth slide) or `#/sources` (by id). */
function scrollToPlace(slides: HTMLElement[]): void {
  const place = /^#\/([^/]+)/.exec(location.hash)?.[1];
  if (place === undefined) return;
  // The place named wins over where the page was scrolled before a reload.
  history.scrollRestoration = 'manual';
  const slide = /^\d+$/.test(place) ? slides[Number(place)] : document.getElementById(decodeURIComponent(place));
  slide?.scrollIntoView();
}
