import type { Element, ElementContent, Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';

/**
 * Where a link may lead: a web page, an e-mail, a phone number, a place in this deck, or a file
 * beside it (another deck, `budget.html`). A relative address has no scheme, no `//` host (a
 * file:// page would reach a network share) and no spaces, controls or backslashes, which
 * browsers strip or rewrite (`java\tscript:`).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: a relative address must hold no controls.
export const linkTarget = /^(?:https?:|mailto:|tel:|#|(?![a-z][a-z\d+.-]*:)(?!\/\/)(?![\s\S]*[\u0000-\u0020\\]))/i;

/** Images are embedded when the deck is built, so every image on a slide is `data:image/…`. */
export const embeddedImage = /^data:image\//i;

/**
 * An inline style that cannot load anything: no `url(…)`, `image-set(…)` or similar, and no
 * CSS escapes (`\75 rl(` spells `url(` past any pattern).
 */
export const inertStyle = /^(?![\s\S]*(?:\\|@import|(?:url|image-set|image|cross-fade|element|expression|src)\s*\())/i;

/** Elements that sit inside a line of text (HTML's phrasing content a slide may hold). */
export const phrasing = [
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'img',
  'ins',
  'kbd',
  'mark',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
];
const blocks = [
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
];
/**
 * What Podium's components draw: a canvas per chart, its config as inert JSON, the "Show data"
 * button, the QR code's SVG; and the disabled checkbox of a Markdown task list (`- [ ]`).
 */
const podiumParts = ['canvas', 'script', 'button', 'svg', 'rect', 'path', 'input'];

/**
 * Podium's allow-list for slides, in `hast-util-sanitize`'s terms: exactly the elements and
 * attributes Markdown, plain HTML text markup and Podium's components produce. Nothing in it
 * can load, navigate (except a followed link) or run anything.
 */
export const slideSchema: Schema = {
  tagNames: [...phrasing, ...blocks, ...podiumParts],
  attributes: {
    '*': [
      'className',
      'id',
      'title',
      'lang',
      'dir',
      'hidden',
      'role',
      ['style', inertStyle],
      'ariaLabel',
      'ariaLabelledBy',
      'ariaDescribedBy',
      'ariaHidden',
      // reveal.js's order of fragments; the only data- attribute a deck writes.
      ['dataFragmentIndex', /^\d+$/],
    ],
    a: [['href', linkTarget], 'hrefLang', 'dataFootnoteRef', 'dataFootnoteBackref'],
    img: [['src', embeddedImage], 'alt', 'width', 'height'],
    ol: ['start', 'reversed'],
    th: ['scope', 'colSpan', 'rowSpan', ['align', 'left', 'right', 'center']],
    td: ['colSpan', 'rowSpan', ['align', 'left', 'right', 'center']],
    time: ['dateTime'],
    data: ['value'],
    details: ['open'],
    section: ['dataFootnotes'],
    figure: [['dataChartType', /^[a-zA-Z]+$/]],
    canvas: ['width', 'height'],
    script: [
      ['type', 'application/json'],
      ['className', 'podium-chart-config'],
    ],
    button: [['type', 'button'], ['ariaExpanded', 'true', 'false'], 'ariaControls'],
    input: [['type', 'checkbox'], 'checked', 'disabled'],
    svg: [['xmlns', 'http://www.w3.org/2000/svg'], 'viewBox', 'width', 'height', 'shapeRendering'],
    rect: ['x', 'y', 'width', 'height', ['fill', /^#[\da-f]{3,8}$/i]],
    path: ['d', ['fill', /^#[\da-f]{3,8}$/i]],
  },
  // Whatever is left of a button or a checkbox after sanitizing is inert.
  required: {
    button: { type: 'button' },
    input: { type: 'checkbox', disabled: true },
  },
  ancestors: {
    tbody: ['table'],
    td: ['table'],
    th: ['table'],
    thead: ['table'],
    tfoot: ['table'],
    tr: ['table'],
    rect: ['svg'],
    path: ['svg'],
  },
  // Addresses are checked by the patterns on `href` and `src` above, which refuse relative ones too.
  protocols: {},
  // Ids stay as written: the Sources slide (#/sources) and footnotes link to them.
  clobber: [],
  clobberPrefix: '',
  // Elements whose content must go with them: code, CSS, frames' fallback, form fields' text.
  strip: [
    'script',
    'style',
    'template',
    'noscript',
    'iframe',
    'frame',
    'frameset',
    'noframes',
    'object',
    'embed',
    'noembed',
    'applet',
    'textarea',
    'select',
    'title',
    'xmp',
    'plaintext',
    'math',
    'video',
    'audio',
  ],
  allowComments: false,
  allowDoctypes: false,
};

/**
 * The last guard before slides become HTML: whatever reached the tree, only what the schema
 * allows is written. The one script kept is a chart's config, as JSON with `<` escaped, so
 * no text in it can close it.
 */
export function sanitizeSlides(slides: readonly Element[]): ElementContent[] {
  const safe = sanitize({ type: 'root', children: [...slides] }, slideSchema) as Root;
  return inertScripts(safe.children as ElementContent[]);
}

/** The sanitized tree, new from hast-util-sanitize, made inert in place: only a chart's config stays a script. */
function inertScripts(nodes: ElementContent[]): ElementContent[] {
  return nodes.filter((node) => {
    if (node.type !== 'element') return true;
    if (node.tagName !== 'script') {
      node.children = inertScripts(node.children);
      return true;
    }
    if (node.properties.type !== 'application/json' || String(node.properties.className) !== 'podium-chart-config')
      return false;
    for (const child of node.children) if (child.type === 'text') child.value = child.value.replace(/</g, '\\u003c');
    return true;
  });
}
