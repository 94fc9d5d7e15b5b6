import { CitationLinks, type CitingDeck } from './citationLinks.ts';
import { HelpDialog } from './helpDialog.ts';
import type { KeyboardPolicy } from './keyboard.ts';
import { NavigationControls } from './navigationControls.ts';
import { type OverviewDeck, OverviewFocus } from './overviewFocus.ts';
import { type AddressedDeck, SlideAddress } from './slideAddress.ts';

export type KeyboardAccessDeck = AddressedDeck & CitingDeck & OverviewDeck & { getRevealElement(): HTMLElement | null };

/**
 * The presentation's keyboard side, beyond which keys reveal.js may take (KeyboardPolicy): the
 * help dialog, citations that step through history, the address they need, arrow buttons that
 * keep focus, and an overview Tab cannot leave for hidden slides.
 */
export function startKeyboardAccess(deck: KeyboardAccessDeck, policy: KeyboardPolicy): { destroy(): void } {
  const root = deck.getRevealElement() ?? document.body;
  const help = new HelpDialog(policy);
  const address = new SlideAddress(deck);
  const citations = new CitationLinks(deck, root);
  const overview = new OverviewFocus(deck);
  let controls: NavigationControls | undefined;
  // reveal.js makes its arrow buttons as it starts.
  const ready = () => {
    controls ??= new NavigationControls(root);
  };
  deck.on('ready', ready);
  return {
    destroy() {
      deck.off('ready', ready);
      controls?.destroy();
      overview.destroy();
      citations.destroy();
      address.destroy();
      help.destroy();
    },
  };
}
