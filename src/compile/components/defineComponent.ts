import type { Element, ElementContent } from 'hast';
import type { z } from 'zod';
import { DeckError, type Place } from '../deckError.ts';
import type { Fail, Warn } from '../deckMessages.ts';
import type { SlideHeadingAt } from '../slideHeadings.ts';
import type { DeckState } from './deckState.ts';
import { toHastChildren, type ComponentFunction, type HastChild } from '../hastJsx.ts';
import { validate } from '../validate.ts';

export interface RenderContext {
  place: Place;
  deck: DeckState;
  children: ElementContent[];
  /** Reports something that builds but deserves a look; at the component's place unless given one. */
  warn: (reason: string, options: { place?: Place; hint?: string; ruleId: string }) => void;
  /** Stops the compile with a problem; at the component's place unless given one. */
  fail: (reason: string, options: { place?: Place; hint?: string; ruleId: string }) => never;
  /** The heading of the slide the component is on, as plain text, if it has one. */
  slideHeading: () => string | undefined;
}

/** What a compile offers its components besides the deck's state. */
export interface CompileHooks {
  warn: Warn;
  fail: Fail;
  slideHeadingAt: SlideHeadingAt;
}

export interface Component {
  name: string;
  render: (deck: DeckState, hooks: CompileHooks) => ComponentFunction;
}

/**
 * A deck component: its props are checked against `schema` at build time (errors point at
 * the element in the deck), then `render` turns them into hast.
 */
export function defineComponent<Schema extends z.ZodType>(
  name: string,
  schema: Schema,
  render: (props: z.output<Schema>, context: RenderContext) => Element | ElementContent[],
): Component {
  return {
    name,
    render:
      (deck, hooks) =>
      (rawProps, { place }) => {
        const { children, ...props } = rawProps;
        const empty = Object.keys(props).find((key) => props[key] === undefined);
        if (empty) {
          hooks.fail(`Prop "${empty}" on <${name}> is empty: its expression gives nothing`, {
            place,
            hint: 'A data key in it may be misspelt or missing from the data file: check it against the file.',
            ruleId: `${name}-props`,
          });
        }
        const valid = validate(schema, props, {
          name: `<${name}>`,
          field: 'prop',
          placeOf: () => place,
          fail: hooks.fail,
          ruleId: `${name}-props`,
        });
        try {
          return render(valid, {
            place,
            deck,
            children: toHastChildren(children as HastChild) as ElementContent[],
            warn: (reason, options) => hooks.warn(reason, { ...options, place: options.place ?? place }),
            fail: (reason, options) => hooks.fail(reason, { ...options, place: options.place ?? place }),
            slideHeading: () => hooks.slideHeadingAt(place),
          }) as HastChild;
        } catch (error) {
          if (error instanceof DeckError) throw error;
          // Props that pass the schema can still be impossible (an address too long for a QR code).
          return hooks.fail(`<${name}> could not be made: ${(error as Error).message}`, {
            place,
            hint: `Check the props of this <${name}>.`,
            ruleId: `${name}-render`,
            cause: error,
          });
        }
      },
  };
}
