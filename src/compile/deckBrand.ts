import type { DeckMeta } from './deckMeta.ts';
import type { Place } from './deckError.ts';
import type { Fail } from './deckMessages.ts';
import { embedImage, type ImagesOptions } from './remarkImages.ts';

/** The deck's logo, embedded, with what it says. */
export interface DeckLogo {
  /** A `data:image/…` URL. */
  src: string;
  alt: string;
  /** Small in a corner of every slide too, not only on the title slide. */
  everySlide: boolean;
}

/** What the frontmatter puts on every slide: the logo and the footer line. */
export interface DeckBrand {
  logo?: DeckLogo;
  footer?: string;
}

export interface BrandOptions extends ImagesOptions {
  /** The deck's path: the logo's path is looked up beside it, then in `public/`. */
  deck: string;
  placeOf: (key: string) => Place;
  fail: Fail;
}

/** Reads the frontmatter's `logo`, `logoAlt`, `logoPlacement` and `footer`; the logo file is embedded like any image. */
export function deckBrand(meta: DeckMeta, { placeOf, ...images }: BrandOptions): DeckBrand {
  const footer = meta.footer;
  if (meta.logo === undefined) return { footer };
  const place = placeOf('logo');
  const alt = meta.logoAlt ?? meta.author;
  if (alt === undefined) {
    return images.fail('The logo has no alt text', {
      place,
      hint: 'Say what the logo shows for those who cannot see it, usually the group\'s name: add a line "logoAlt: Riverbend Families for Counselors" (or "author: …", which it uses when there is no logoAlt).',
      ruleId: 'logo-alt',
    });
  }
  const src = embedImage(meta.logo, place, { ...images, what: 'Logo' });
  return { logo: { src, alt, everySlide: meta.logoPlacement !== 'title-only' }, footer };
}
