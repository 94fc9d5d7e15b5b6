import { didYouMean } from '../suggest.ts';
import type { Component } from './defineComponent.ts';

/**
 * Lets a component name the prop an author meant when they wrote another word for it
 * (`author` or `autor` for `by`), which spelling distance alone cannot find.
 */
export function withPropSynonyms(
  component: Component,
  knownProps: readonly string[],
  synonyms: Readonly<Record<string, readonly string[]>>,
): Component {
  return {
    name: component.name,
    render: (deck, hooks) => {
      const render = component.render(deck, hooks);
      return (props, context) => {
        for (const key of Object.keys(props)) {
          // A plain misspelling of a known prop is left to the schema, which suggests it.
          if (key === 'children' || didYouMean(key, knownProps) !== undefined) continue;
          const meant = Object.keys(synonyms).find((prop) => didYouMean(key, synonyms[prop]) !== undefined);
          if (!meant) continue;
          hooks.fail(`Unknown prop "${key}" on <${component.name}>; did you mean "${meant}"?`, {
            place: context.place,
            hint: `Known props: ${knownProps.join(', ')}.`,
            ruleId: `${component.name}-props`,
          });
        }
        return render(props, context);
      };
    },
  };
}
