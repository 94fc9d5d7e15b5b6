import type { Element, Properties } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import type { VFile } from 'vfile';
import { keptByText } from '../keptByText.ts';
import { failOn, type Fail, type Point } from './deckMessages.ts';
import { embeddedImage, inertStyle, linkTarget, slideSchema } from './slideSchema.ts';

/** Why something is refused, and what to write instead. */
export interface Refusal {
  reason: string;
  hint: string;
  ruleId: string;
}

const offline = 'A shared deck must open offline and run nothing but Podium';
const instead = `${offline}: use Markdown, images and Podium components instead.`;

/** Elements that load, navigate or run something on their own, with what each would do. */
const activeElements: Record<string, string> = {
  script: 'it runs code',
  noscript: 'its content is read as HTML only where scripts are off, past every check',
  template: 'it holds markup for a script to add later',
  style: 'its CSS applies to the whole page and can load files',
  link: 'it loads a file from an address',
  meta: 'it can reload the page or send the reader to another address',
  base: 'it changes where every link in the deck leads',
  iframe: 'it loads another page into the slide',
  frame: 'it loads another page into the slide',
  frameset: 'it loads other pages into the slide',
  portal: 'it loads another page into the slide',
  object: 'it loads and runs a plug-in or another document',
  embed: 'it loads and runs a plug-in or another document',
  applet: 'it loads and runs a plug-in',
  form: 'it sends what is typed in it to an address',
  input: 'it is a form field',
  button: 'it is a form control; the only buttons on a slide are Podium\'s own ("Show data")',
  textarea: 'it is a form field',
  select: 'it is a form field',
};

/** Media the browser would have to load: a deck file cannot carry them. */
const mediaElements: Record<string, string> = {
  video: 'video',
  audio: 'audio',
  source: 'media source',
  track: 'subtitle track',
  picture: 'set of images to load by address',
};

const hints: Record<string, string> = {
  style: `${offline}: colours and fonts come from the deck's theme (theme: in the frontmatter).`,
  input: `${offline}: a checklist is written as a Markdown task list (- [ ] item).`,
};

/** Attributes whose value the browser follows as an address. */
const addressAttributes = new Set([
  'href',
  'xlinkhref',
  'action',
  'formaction',
  'src',
  'poster',
  'data',
  'ping',
  'background',
  'cite',
  'longdesc',
  'manifest',
  'codebase',
  'lowsrc',
  'dynsrc',
]);

/**
 * Refusal of an element by its name alone: one that could load, navigate or run something, a
 * medium a deck file cannot carry, or anything else outside Podium's allow-list.
 */
export function refusedElement(name: string): Refusal | undefined {
  const lower = name.toLowerCase();
  if (Object.hasOwn(activeElements, lower)) {
    return {
      reason: `<${name}> is not allowed on a slide: ${activeElements[lower]}`,
      hint: hints[lower] ?? instead,
      ruleId: 'element-refused',
    };
  }
  if (Object.hasOwn(mediaElements, lower)) {
    return {
      reason: `<${name}> is not supported in a shared deck: a ${mediaElements[lower]} would have to be carried in the file or loaded from the network`,
      hint:
        lower === 'picture'
          ? 'Use one image, ![description](images/photo.png): Podium embeds it in the file when the deck is built.'
          : 'Show an image instead (a still, ![description](images/still.png)) and link to where the media is: [Watch the video](https://…).',
      ruleId: 'media-refused',
    };
  }
  if (!slideSchema.tagNames!.includes(name)) {
    return {
      reason: `<${name}> is not an element Podium allows on a slide`,
      hint: `${offline}. Slides hold Markdown, Podium's components and plain text elements such as <p>, <span>, <small>, <strong>, <em>, <mark>, <abbr> and <br />.`,
      ruleId: 'element-refused',
    };
  }
  return undefined;
}

/**
 * The allow-list pass: every element on the slides, whichever way it got there (Markdown,
 * markup, JSX in braces, a component, data), must be one Podium's schema keeps, with only
 * attributes it keeps. Anything else stops the build at its place, since the last guard
 * (`sanitizeSlides`) would silently drop it.
 */
export function checkAllowList(slides: readonly Element[], deck: VFile): void {
  const fail: Fail = failOn(deck);
  const ancestors: Element[] = [];
  const walk = (node: unknown, near: Point): void => {
    const place = placeOf(node) ?? near;
    if (isNode(node, 'text')) return;
    if (!isNode(node, 'element')) {
      fail('A slide holds something that is neither text nor an element', {
        place,
        hint: "Data from a file is shown as text in braces, {figures.total}; only Podium's components make elements.",
        ruleId: 'node-refused',
      });
    }
    const refusal = elementRefusal(node, ancestors) ?? attributeRefusal(node);
    if (refusal) fail(refusal.reason, { place, hint: refusal.hint, ruleId: refusal.ruleId });
    ancestors.push(node);
    for (const child of Array.isArray(node.children) ? node.children : []) walk(child, place);
    ancestors.pop();
  };
  for (const slide of slides) walk(slide, { line: 1, column: 1 });
}

function elementRefusal(element: Element, ancestors: readonly Element[]): Refusal | undefined {
  const name = String(element.tagName);
  if (podiumParts.has(element) || taskListCheckbox(element)) return undefined;
  const refusal = refusedElement(name);
  if (refusal) return refusal;
  const within = slideSchema.ancestors?.[name];
  if (within && !ancestors.some((ancestor) => within.includes(ancestor.tagName))) {
    return {
      reason: `<${name}> is allowed only inside ${within.map((tag) => `<${tag}>`).join(' or ')}`,
      hint: `Put it inside its <${within[0]}>, or write a Markdown table.`,
      ruleId: 'element-refused',
    };
  }
  return undefined;
}

/** The checkbox Markdown makes for a task list item (`- [ ] item`): it cannot be changed or sent. */
function taskListCheckbox({ tagName, properties }: Element): boolean {
  return tagName === 'input' && properties?.type === 'checkbox' && properties.disabled === true;
}

/**
 * Podium's own script and button: a chart's config (JSON, `<` already escaped) and its "Show
 * data" button. The chart component marks them as it makes them; nothing a deck writes, by any
 * path, can be marked.
 */
const podiumParts = new WeakSet<Element>();

/** Marks an element a component makes that the allow-list admits only from Podium. */
export function podiumPart<T extends Element>(element: T): T {
  podiumParts.add(element);
  return element;
}

function attributeRefusal(element: Element): Refusal | undefined {
  const tag = element.tagName;
  const properties: Properties = element.properties && typeof element.properties === 'object' ? element.properties : {};
  const entries = Object.entries(properties);
  // Most elements on a slide have no properties: nothing to check.
  if (entries.length === 0) return undefined;
  const kept = keptProperties(tag, properties);
  for (const [key, value] of entries) {
    if (value === null || value === undefined) continue;
    const lower = key.toLowerCase();
    const name = attributeName(key);
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    if (lower.startsWith('on')) {
      return {
        reason: `${name} on <${tag}> is not allowed: it runs code when the reader acts on the slide`,
        hint: `${offline}. Remove ${name}; to show parts one step at a time, use <Steps> or className="fragment".`,
        ruleId: 'attribute-refused',
      };
    }
    if (lower === 'srcdoc') {
      return {
        reason: `${name} on <${tag}> is not allowed: it holds a whole page to show`,
        hint: instead,
        ruleId: 'attribute-refused',
      };
    }
    if (lower === 'srcset' || (tag === 'img' && lower === 'sizes')) {
      return {
        reason: `${name} on <${tag}> is not supported: the browser would choose among images to load by address`,
        hint: 'Give one image with src="images/photo.png": Podium embeds it in the file when the deck is built.',
        ruleId: 'image-srcset',
      };
    }
    if (tag === 'img' && lower === 'src') {
      if (!embeddedImage.test(text)) return imageRefusal(text);
    } else if (addressAttributes.has(lower)) {
      // Browsers drop controls and spaces from an address before reading its scheme (java\tscript:).
      // biome-ignore lint/suspicious/noControlCharactersInRegex: those controls are what it removes.
      const scheme = /^(javascript|data|vbscript):/.exec(text.replace(/[\u0000-\u0020]/g, '').toLowerCase())?.[1];
      if (scheme) {
        const does = scheme === 'data' ? 'opens a page made from the address itself' : 'runs code';
        return {
          reason: `<${tag} ${name}="${shown(text)}"> is not allowed: a ${scheme}: address ${does}`,
          hint: 'Links lead to web pages (https://…), e-mail (mailto:…), phone numbers (tel:…) or another slide (#/sources).',
          ruleId: 'link-refused',
        };
      }
      if (tag === 'a' && lower === 'href' && !linkTarget.test(text)) {
        return {
          reason: `<a href="${shown(text)}"> is not a link a shared deck can follow`,
          hint: 'Links lead to web pages (https://…), e-mail (mailto:…), phone numbers (tel:…), another slide (#/sources) or a file beside the deck (budget.html, with no spaces: write %20).',
          ruleId: 'link-refused',
        };
      }
    }
    if (lower === 'style' && !inertStyle.test(text)) {
      const escaped = text.includes('\\');
      return {
        reason: `The style of <${tag}> ${escaped ? 'uses a CSS escape (\\…)' : 'could load a file'}: "${shown(text)}"`,
        hint: 'An inline style may set colours, sizes and alignment, but loads nothing: put pictures on the slide as images, ![description](images/photo.png).',
        ruleId: 'style-refused',
      };
    }
    if (!sameValue(kept[key], value)) {
      const data = /^data[A-Z]/.test(key);
      return {
        reason: `${name}${data || typeof value === 'boolean' ? '' : `="${shown(text)}"`} on <${tag}> is not allowed`,
        hint: data
          ? `reveal.js acts on data- attributes (some load or open addresses); the one a deck may write is data-fragment-index. ${offline}.`
          : `Slides take the attributes Markdown and Podium's components use: className, id, title, lang, style, src and alt on <img>, href on <a>. ${offline}.`,
        ruleId: 'attribute-refused',
      };
    }
  }
  return undefined;
}

function imageRefusal(src: string): Refusal {
  if (/^data:/i.test(src)) {
    return {
      reason: `Image "${shown(src)}" is data but not an image`,
      hint: 'Write the image\'s path as text, src="images/photo.png": Podium embeds the file when the deck is built.',
      ruleId: 'image-type',
    };
  }
  if (/^[a-z][a-z\d+.-]*:/i.test(src) || src.startsWith('//')) {
    return {
      reason: `Image "${shown(src)}" is on the network`,
      hint: `${offline}: save the image into public/ or beside the deck and write its path as text, src="images/photo.png"; Podium embeds it when the deck is built.`,
      ruleId: 'image-remote',
    };
  }
  return {
    reason: `Image "${shown(src)}" was not embedded: its path came from an expression`,
    hint: 'Write the path as text, src="images/photo.png" or ![description](images/photo.png): Podium embeds the image when the deck is built.',
    ruleId: 'image-expression',
  };
}

/** The schema the last guard applies, with what depends on an element's place set aside. */
const schemaAlone = { ...slideSchema, ancestors: {}, required: {} };

/** The properties `hast-util-sanitize` keeps on this element under Podium's schema (where it stands aside). */
function keptProperties(tagName: string, properties: Properties): Properties {
  // JSON would write Infinity and NaN as null: such properties are not remembered.
  const exact = Object.values(properties)
    .flat()
    .every((value) => typeof value !== 'number' || Number.isFinite(value));
  return exact ? keptFor(`${tagName} ${JSON.stringify(properties)}`) : keptAlone(tagName, properties);
}

function keptAlone(tagName: string, properties: Properties): Properties {
  const alone = sanitize({ type: 'element', tagName, properties, children: [] }, schemaAlone);
  return alone.type === 'element' ? alone.properties : {};
}

/**
 * keptAlone, by the tag and the properties as JSON: a deck repeats a few sets of properties many
 * times (a chart's parts, a fragment's class), so each set goes through the schema once. Values
 * JSON leaves out (undefined, functions) are ones the schema drops too.
 */
const keptFor = keptByText(4096, (key) => {
  const space = key.indexOf(' ');
  return keptAlone(key.slice(0, space), JSON.parse(key.slice(space + 1)) as Properties);
});

function sameValue(kept: unknown, given: unknown): boolean {
  return Array.isArray(given)
    ? Array.isArray(kept) && kept.length === given.length && kept.every((item, index) => item === given[index])
    : kept === given;
}

/** The name a deck writes: `data-background-image`, `aria-label`, `onClick`, `srcSet`. */
function attributeName(key: string): string {
  return /^(data|aria)[A-Z]/.test(key) ? key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`) : key;
}

function shown(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function isNode<Type extends 'text' | 'element'>(
  node: unknown,
  type: Type,
): node is Type extends 'text' ? { type: 'text' } : Element {
  return typeof node === 'object' && node !== null && (node as { type?: unknown }).type === type;
}

function placeOf(node: unknown): Point | undefined {
  const start = (node as Element | null)?.position?.start;
  return typeof start?.line === 'number' && typeof start.column === 'number'
    ? { line: start.line, column: start.column }
    : undefined;
}
