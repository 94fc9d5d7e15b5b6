import { h } from 'hastscript';
import { z } from 'zod';
import { embeddedImage } from '../slideSchema.ts';
import { isPhrasing, isWhitespace } from './childContent.ts';
import { defineComponent } from './defineComponent.ts';

const splitProps = z.strictObject({
  /** Embedded by the images pass before components render, so a path written in quotes arrives as `data:image/…`. */
  image: z.string(),
  /** `alt=""` marks an image that only decorates. */
  alt: z.string().optional(),
  side: z.enum(['left', 'right']).default('left'),
});

/** `<Split image alt side?>…</Split>`: an image filling one half of the slide, the text in the other. */
export const split = defineComponent('Split', splitProps, ({ image, alt, side }, { children, fail }) => {
  if (!embeddedImage.test(image)) {
    return fail('<Split> needs the path of an image file, written in quotes', {
      hint: 'Write image="./map.png" (beside the deck) or image="/map.png" (in public/).',
      ruleId: 'Split-props',
    });
  }
  if (alt === undefined) {
    return fail('The image of this <Split> has no alt text', {
      hint: 'Say what the image shows for those who cannot see it: alt="Map of the district\'s schools". Only an image that merely decorates takes alt="".',
      ruleId: 'Split-alt',
    });
  }
  const words = children.filter((node) => !isWhitespace(node));
  const picture = h('div', { className: ['podium-split-image'] }, [h('img', { src: image, alt })]);
  // Words written without blank lines arrive as bare text: a paragraph keeps them styled like the rest.
  const text = h('div', { className: ['podium-split-text'] }, isPhrasing(words) ? [h('p', children)] : children);
  return h(
    'div',
    { className: ['podium-split', `podium-split-${side}`] },
    side === 'left' ? [picture, text] : [text, picture],
  );
});
