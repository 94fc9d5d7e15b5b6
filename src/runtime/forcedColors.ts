import './forcedColors.css';

/** The colours a reader's high-contrast setting chose, written as a canvas can draw them. */
export interface SystemColours {
  /** CanvasText: text, lines and outlines. */
  text: string;
  /** Canvas: the ground everything is drawn on. */
  background: string;
}

const forcedColoursQuery = '(forced-colors: active)';

/** The reader's system colours while forced colours are on; none otherwise. */
export function forcedColours(): SystemColours | undefined {
  return window.matchMedia(forcedColoursQuery).matches ? systemColours() : undefined;
}

/** Calls `changed` each time forced colours are turned on or off; gives back what stops it. */
export function watchForcedColours(changed: () => void): () => void {
  const query = window.matchMedia(forcedColoursQuery);
  query.addEventListener('change', changed);
  return () => query.removeEventListener('change', changed);
}

/**
 * CanvasText and Canvas as rgb() values: a canvas cannot draw with a system colour's keyword,
 * so an element is styled with them and its computed colours are read.
 */
function systemColours(): SystemColours {
  const probe = document.createElement('span');
  probe.style.color = 'CanvasText';
  probe.style.backgroundColor = 'Canvas';
  probe.style.display = 'none';
  document.body.append(probe);
  const style = getComputedStyle(probe);
  const colours = { text: style.color, background: style.backgroundColor };
  probe.remove();
  return colours;
}
