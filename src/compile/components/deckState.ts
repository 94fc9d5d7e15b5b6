import type { DeckBrand } from '../deckBrand.ts';
import type { DeckMeta } from '../deckMeta.ts';
import type { DeckTranslation } from '../deckTranslation.ts';
import type { Source } from './citations.ts';
import type { Strings } from '../../locale/index.ts';

/** What one compile knows while its components render; scoped to that compile. */
export interface DeckState {
  file: string;
  source: string;
  /** The frontmatter, for <TitleSlide />. */
  meta: DeckMeta;
  brand: DeckBrand;
  /** The deck in another language, which <TitleSlide /> links to. */
  translation?: DeckTranslation;
  lang: string;
  /** The words Podium writes: the `lang`'s table with the frontmatter's `strings:` over it. */
  strings: Strings;
  /** Where the deck will be shared (frontmatter `url`). */
  url?: string;
  chartCount: number;
  /** Chart.js chart types the deck draws, so the smallest runtime that has them is inlined. */
  chartTypes: Set<string>;
  /** Every source cited, by key; numbered later in order of first use on the slides. */
  sources: Map<string, Source>;
}
