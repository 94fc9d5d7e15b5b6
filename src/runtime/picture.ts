import './picture.css';
import { pictureQuery } from '../contract/markup.ts';

/** The class on `<html>` while the deck is drawn as a link preview; picture.css keys on it. */
export const pictureClass = 'podium-picture';

/**
 * A deck opened at `?picture` is being drawn as a link preview: the slides show without the
 * controls, the progress bar, the slide number, the timer bar or any link, dialog or notice.
 */
export function markPicture(address: Location | URL = location): void {
  if (new URLSearchParams(address.search).has(pictureQuery)) document.documentElement.classList.add(pictureClass);
}
