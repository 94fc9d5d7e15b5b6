import { createHash, randomUUID } from 'node:crypto';
import type { Element, ElementContent, Properties, Root, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Deck } from '../compile/index.ts';
import { sanitizeSlides } from '../compile/slideSchema.ts';
import { classNames, deckAttributes, readingViewQuery } from '../contract/markup.ts';
import { defaultAspect } from '../contract/slideSize.ts';
import { runtimeEn } from '../locale/runtime.en.ts';
import { brandMarks } from './brandMarks.ts';
import { keptByText } from '../keptByText.ts';
import { contentSecurityPolicy, cspHash } from './contentSecurityPolicy.ts';

export interface DocumentParts {
  /** The prebuilt browser runtime (reveal.js, Chart.js parts, chart code, speaker view). */
  runtimeScript: string;
  /** reveal.js's stylesheet as built with the runtime. */
  runtimeStyle: string;
  /** The deck's theme stylesheet. */
  themeStyle: string;
  /** A picture of the title slide for link previews: its file name beside the HTML. */
  ogImage?: string;
}

/**
 * One self-contained HTML document for a deck: everything inlined, nothing loaded, under a
 * policy that allows only its runtime. Built as a hast tree, so every text from a deck is
 * escaped when it is serialized.
 */
export function deckDocument(deck: Deck, parts: DocumentParts): Root {
  const { meta } = deck;
  const description =
    meta.description || [meta.subtitle, meta.meeting, meta.date].filter(Boolean).join(' · ') || meta.title;
  const runtimeScript = inlineScript(parts.runtimeScript);
  // Compile refuses what the allow-list does not take; this keeps it out even if a path was missed.
  const slides = sanitizeSlides(deck.slides);
  const slidesHtml = toHtml(slides);
  const slidesElement = h('div', { className: ['slides'] }, [...brandMarks(deck.brand), ...slides]);
  serializedSlides.set(slidesElement, { slides, html: slidesHtml });
  const head: Element[] = [
    h('meta', { charSet: 'utf-8' }),
    // First in the head, so it governs everything after it.
    h('meta', { httpEquiv: policyHeader, content: contentSecurityPolicy([inlineScriptHash(parts.runtimeScript)]) }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', meta.title),
    h('meta', { name: 'description', content: description }),
    ...(meta.author ? [h('meta', { name: 'author', content: meta.author })] : []),
    h('meta', { name: 'generator', content: 'Podium' }),
    ...linkPreview(deck, description, parts.ogImage),
    ...(deck.translation
      ? [h('link', { rel: 'alternate', hrefLang: deck.translation.lang, href: deck.translation.href })]
      : []),
    h('style', rawText(parts.runtimeStyle, 'style')),
    h('style', { dataTheme: meta.theme }, rawText(parts.themeStyle, 'style')),
    runtimeStrings(deck.strings),
  ];
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: meta.lang }, [
        h('head', head),
        h('body', [
          // The first Tab stop: the whole deck as one page, for screen readers, zoom and phones.
          h('a', { className: [classNames.readLink], href: `?${readingViewQuery}` }, deck.strings.readAsOnePage),
          // Deck settings the runtime acts on travel as data attributes, escaped like any text.
          h(
            'div',
            {
              className: [classNames.deck],
              [deckAttributes.stamp]: slidesStamp(slidesHtml),
              [deckAttributes.timeLimit]: meta.timeLimit,
              [deckAttributes.timer]: meta.timeLimit ? (meta.timer ?? 'speaker') : undefined,
              [deckAttributes.notes]: meta.notes === 'public' ? 'public' : undefined,
              [deckAttributes.aspect]: meta.aspect ?? defaultAspect,
            },
            [slidesElement],
          ),
          runtimeScript,
        ]),
      ]),
    ],
  };
}

/** The deck's document as the file `podium build` writes. */
export function standaloneDocument(deck: Deck, parts: DocumentParts): string {
  return documentHtml(deckDocument(deck, parts));
}

/** A whole document as text, with `<!DOCTYPE html>` spelt as validators expect it. */
export function documentHtml(document: Root): string {
  return documentParts(document).join('');
}

/** A document as the file a build writes, serialized once. */
export function documentFile(document: Root): DocumentFile {
  return new DocumentFile(documentParts(document));
}

/**
 * A serialized document in parts: its own text at even places, and at odd places each large
 * script or style (the runtime, the same in every deck of a build), which is encoded once per
 * process, not again for every deck or row.
 */
export class DocumentFile {
  #html: string | undefined;
  #chunks: Buffer[] | undefined;
  #bytes: Buffer | undefined;

  constructor(readonly parts: readonly string[]) {}

  get html(): string {
    this.#html ??= this.parts.join('');
    return this.#html;
  }

  /** The file's bytes part by part, as writeAtomically writes them: the shared ones are the same buffers for every deck. */
  get chunks(): readonly Buffer[] {
    this.#chunks ??= this.parts.map((part, index) => (index % 2 === 1 ? encodedOnce(part) : Buffer.from(part)));
    return this.#chunks;
  }

  get byteLength(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  }

  get bytes(): Buffer {
    this.#bytes ??= Buffer.concat(this.chunks);
    return this.#bytes;
  }
}

/** The runtime's parts in UTF-8: a few runtimes and stylesheets at most. */
const encodedOnce = keptByText(8, (text) => Buffer.from(text));

/**
 * The serialized document in parts: its text, with each large script or style right in the head
 * or the body as a part of its own (at odd places). The inlined runtime is large one-byte text:
 * serialized beside two-byte slide text, it would be widened and copied at every level of the
 * tree, so it is serialized as a mark and put in at the end.
 */
function documentParts(document: Root): string[] {
  const large: Array<{ node: Text; value: string; mark: string }> = [];
  let slides: SerializedSlides | undefined;
  // The runtime's script and styles sit right in the head and the body, and the slides one
  // level down in the body: none needs a search.
  const html = document.children.find((node) => node.type === 'element' && node.tagName === 'html');
  for (const section of html?.type === 'element' ? html.children : []) {
    if (section.type !== 'element') continue;
    for (const element of section.children) {
      if (element.type !== 'element') continue;
      slides ??= serializedSlidesIn(element);
      if (!['script', 'style'].includes(element.tagName)) continue;
      for (const node of element.children)
        if (node.type === 'text' && node.value.length >= 10_000)
          large.push({ node, value: node.value, mark: `podium-raw-${randomUUID()}` });
    }
  }
  try {
    for (const { node, mark } of large) node.value = mark;
    if (slides) slides.element.children = [...slides.before, { type: 'text', value: slides.mark }];
    let rest = toHtml(document, { upperDoctype: true });
    if (slides) {
      const at = rest.indexOf(slides.mark);
      rest = rest.slice(0, at) + slides.html + rest.slice(at + slides.mark.length);
    }
    const parts: string[] = [];
    for (const { mark, value } of large) {
      const at = rest.indexOf(mark);
      parts.push(rest.slice(0, at), value);
      rest = rest.slice(at + mark.length);
    }
    parts.push(rest);
    return parts;
  } finally {
    for (const { node, value } of large) node.value = value;
    if (slides) slides.element.children = slides.children;
  }
}

/**
 * The slides a deck document holds, serialized when it was made (for their stamp), by the
 * element that holds them after the brand marks. Serializing the document puts that text in
 * rather than serializing the slides again.
 */
const serializedSlides = new WeakMap<Element, { slides: readonly ElementContent[]; html: string }>();

interface SerializedSlides {
  /** The element holding the slides, its children, and those before the slides (the brand marks). */
  element: Element;
  children: ElementContent[];
  before: ElementContent[];
  /** The slides' text, and the mark that stands for it while the document is serialized. */
  html: string;
  mark: string;
}

/** The slides' element among this element's children, with their text, while it still holds those very slides. */
function serializedSlidesIn(parent: Element): SerializedSlides | undefined {
  for (const element of parent.children) {
    const serialized = element.type === 'element' ? serializedSlides.get(element) : undefined;
    if (!serialized || element.type !== 'element') continue;
    const { children } = element;
    const from = children.length - serialized.slides.length;
    if (from < 0 || serialized.slides.some((slide, index) => children[from + index] !== slide)) return undefined;
    const mark = `podium-slides-${randomUUID()}`;
    return { element, children, before: children.slice(0, from), html: serialized.html, mark };
  }
  return undefined;
}

/**
 * The words the runtime writes (speaker view, timer, help…), in the deck's language, as JSON the
 * runtime reads; a data script is never run, so the policy need not allow it.
 */
function runtimeStrings(strings: Record<string, string>): Element {
  const table = Object.fromEntries(Object.keys(runtimeEn).map((key) => [key, strings[key]]));
  // `<` escaped, so no text in the table can end the script early.
  const json = JSON.stringify(table).replace(/</g, '\\u003c');
  return h('script', { type: 'application/json', className: [classNames.strings] }, json);
}

/** The `http-equiv` of the `<meta>` that carries a document's policy. */
export const policyHeader = 'Content-Security-Policy';

/** A script element holding `script` as its text, kept from closing early. */
export function inlineScript(script: string, properties: Properties = {}): Element {
  return h('script', properties, rawText(script, 'script'));
}

/** The hash source a policy allows an inline script by, as a document inlines its text. */
export function inlineScriptHash(script: string): string {
  return scriptHashes(script);
}

// A batch of decks inlines the same runtime again and again: hash it once.
const scriptHashes = keptByText(4, (script) => cspHash(rawText(script, 'script')));

/**
 * Names the slides of a build, so that a speaker view can tell it shows the same deck as the
 * presentation window (and not another deck, or an older build of this one).
 */
function slidesStamp(slidesHtml: string): string {
  return createHash('sha256').update(slidesHtml).digest('base64url').slice(0, 16);
}

/**
 * Script and style content is raw text that the serializer cannot escape: an end tag inside
 * it would close the element early. `<\/` means the same in JS strings and in CSS.
 */
function rawText(text: string, tag: 'script' | 'style'): string {
  return escapedRawText[tag](text);
}

// The runtime and the theme are the same text for every deck of a batch: each is escaped once.
const escapedRawText = {
  script: keptByText(8, (text) => text.replace(/<\/(script)/gi, '<\\/$1')),
  style: keptByText(8, (text) => text.replace(/<\/(style)/gi, '<\\/$1')),
};

/** Open Graph and Twitter card tags, so a shared link shows the deck's title and summary. */
function linkPreview({ meta }: Deck, description: string, ogImage: string | undefined): Element[] {
  // Previews need absolute addresses; without a url the picture is named relative to the page.
  const image = ogImage && (meta.url ? new URL(ogImage, meta.url).href : ogImage);
  const property = (name: string, content: string | undefined) =>
    content ? [h('meta', { property: name, content })] : [];
  const named = (name: string, content: string | undefined) => (content ? [h('meta', { name, content })] : []);
  return [
    ...property('og:type', 'website'),
    ...property('og:title', meta.title),
    ...property('og:description', description),
    ...property('og:url', meta.url),
    ...property('og:image', image),
    ...property('og:locale', meta.lang.replace('-', '_')),
    ...named('twitter:card', image ? 'summary_large_image' : 'summary'),
    ...named('twitter:title', meta.title),
    ...named('twitter:description', description),
    ...named('twitter:image', image),
  ];
}
