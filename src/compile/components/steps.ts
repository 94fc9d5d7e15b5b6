import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { z } from 'zod';
import { hasClass, isPhrasing, isWhitespace, withClasses } from './childContent.ts';
import { defineComponent } from './defineComponent.ts';

/**
 * reveal.js fragment styles that suit a public meeting: ones that reveal or mark text. Left out:
 * those that hide text again or scale it (it can overflow the slide), and green, which
 * many people cannot tell from red.
 */
const effects = [
  'fade-in',
  'fade-up',
  'fade-down',
  'fade-left',
  'fade-right',
  'fade-in-then-semi-out',
  'semi-fade-out',
  'highlight-blue',
  'highlight-red',
  'highlight-current-blue',
  'highlight-current-red',
  'strike',
] as const;
const effectSchema = z.enum(effects).optional();

/** reveal's classes for a step; fading in is reveal's default, so it needs no class of its own. */
function fragmentClasses(effect: (typeof effects)[number] | undefined): string[] {
  return effect && effect !== 'fade-in' ? ['fragment', effect] : ['fragment'];
}

/** `<Fragment effect?>`: what it wraps appears on the next step (a span inside a line, else a div). */
export const fragment = defineComponent(
  'Fragment',
  z.strictObject({ effect: effectSchema }),
  ({ effect }, { children }) =>
    h(isPhrasing(children) ? 'span' : 'div', { className: fragmentClasses(effect) }, children),
);

/**
 * `<Steps effect?>`: each block inside appears on its own step; when the only block is a
 * list, each item does. Speaker notes inside stay notes.
 */
export const steps = defineComponent(
  'Steps',
  z.strictObject({ effect: effectSchema }),
  ({ effect }, { children, fail }) => {
    const blocks = children.filter(
      (node) => !isWhitespace(node) && !(node.type === 'element' && hasClass(node, 'notes')),
    );
    if (blocks.length === 0) {
      return fail('<Steps> has nothing to reveal', {
        hint: 'Write what should appear step by step between <Steps> and </Steps>, with a blank line around it: a list, or paragraphs.',
        ruleId: 'Steps-empty',
      });
    }
    const classes = fragmentClasses(effect);
    const [only] = blocks;
    const isList = blocks.length === 1 && only.type === 'element' && (only.tagName === 'ul' || only.tagName === 'ol');
    return h(
      'div',
      { className: ['podium-steps'] },
      isList
        ? children.map((node) => (node === only ? itemsAsSteps(only, classes) : node))
        : stepsOf(children, classes),
    );
  },
);

/** A list whose items appear one at a time. */
function itemsAsSteps(list: Element, classes: string[]): Element {
  return {
    ...list,
    children: list.children.map((item) =>
      item.type === 'element' && item.tagName === 'li' ? withClasses(item, classes) : item,
    ),
  };
}

/** Each block becomes a step; a run of text and inline elements between blocks is one step. */
function stepsOf(children: readonly ElementContent[], classes: string[]): ElementContent[] {
  const result: ElementContent[] = [];
  let line: ElementContent[] = [];
  const endLine = () => {
    if (line.some((node) => !isWhitespace(node))) result.push(h('span', { className: classes }, line));
    else result.push(...line);
    line = [];
  };
  for (const node of children) {
    if (node.type !== 'element' || isPhrasing([node])) {
      line.push(node);
      continue;
    }
    endLine();
    result.push(hasClass(node, 'notes') ? node : withClasses(node, classes));
  }
  endLine();
  return result;
}
