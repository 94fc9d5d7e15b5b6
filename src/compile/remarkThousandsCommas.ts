import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { placeOfOffset } from './deckError.ts';
import { failOn, type Fail } from './deckMessages.ts';
import { eachNode } from './eachNode.ts';

/** Quoted strings, blanked to spaces of the same length so that offsets still hold. */
const quoted = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g;
/** A list with no list inside it: `[ … ]`. */
const innermostList = /\[[^[\]]*\]/g;
/** 1 to 3 digits, a comma and exactly 3 more digits: how "1,200" is written in text. */
const groupedNumber = /(?<![\w.])\d{1,3}(?:,\d{3})+(?![\w.])/;

/**
 * Fails on a number written with a thousands comma inside a list in a prop, such as
 * `values={[1,200, 388]}`: in code that is two numbers, 1 and 200, and when the count still
 * matches the labels the chart silently shows the wrong figures. Only lists that elsewhere put
 * a space after their commas are checked, so `[0,100]` written tight stays a list of two.
 */
export function remarkThousandsCommas() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const fail: Fail = failOn(file);
    eachNode(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const element = node as MdxJsxFlowElement;
      for (const attribute of element.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'object' || attribute.value === null)
          continue;
        const code = attribute.value.value.replace(quoted, (text) => ' '.repeat(text.length));
        for (const list of code.matchAll(innermostList)) {
          if (!/,\s/.test(list[0])) continue;
          const number = groupedNumber.exec(list[0]);
          if (!number) continue;
          const written = number[0];
          const at = source.indexOf(attribute.value.value, element.position?.start.offset ?? 0);
          const offset = at < 0 ? (element.position?.start.offset ?? 0) : at + list.index + number.index;
          const parts = written.split(',');
          fail(
            `Prop "${attribute.name}" on <${element.name}>: ${written} is read as ${parts.length} numbers in code (${parts.map(Number).join(' and ')})`,
            {
              place: placeOfOffset(source, offset),
              hint: `Write numbers in code without commas: ${parts.join('')}. To list ${parts.map(Number).join(' and ')}, put a space after the comma.`,
              ruleId: 'thousands-comma',
            },
          );
        }
      }
    });
  };
}
