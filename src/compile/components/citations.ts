import type { Element, ElementContent } from 'hast';
import { classNames } from '../../contract/markup.ts';
import { h } from 'hastscript';
import { z } from 'zod';
import { format, type Strings } from '../../locale/index.ts';

/**
 * A source as a deck writes it: short text ("KCTV5 News, 2020-06-23"), or the object a data
 * file holds ({ title, publisher, date, url }), which also gives the Sources slide its link.
 */
export const sourceSchema = z.lazy(() =>
  z.union([
    z.string().trim().min(1),
    z.strictObject({
      title: z.string().min(1),
      publisher: z.string().optional(),
      date: z.union([z.string(), z.number()]).transform(String).optional(),
      url: z.url({ protocol: /^https?$/ }).optional(),
      note: z.string().optional(),
    }),
  ]),
);

export type Source = z.output<typeof sourceSchema>;

/** The short form shown where a source is cited. */
function sourceLabel(source: Source): string {
  if (typeof source === 'string') return source;
  return [source.publisher ?? source.title, source.date].filter(Boolean).join(', ');
}

function sourceKey(source: Source): string {
  return typeof source === 'string' ? `text:${source}` : `url:${source.url ?? ''}|${source.title}`;
}

/**
 * Marks a citation in the slide tree. Numbers are given after the whole deck has rendered
 * (`numberCitations`), so they follow the order a reader meets them, not the order MDX
 * happened to evaluate components in.
 */
export function citation(
  deck: { sources: Map<string, Source> },
  source: Source,
  options: { line?: string; numberOnly?: boolean } = {},
): Element {
  const key = sourceKey(source);
  if (!deck.sources.has(key)) deck.sources.set(key, source);
  // `line` is a template for the whole line, such as "Source: {source}".
  const text = options.line ? format(options.line, { source: sourceLabel(source) }) : sourceLabel(source);
  // A source line under a chart or stat is a block; an inline <Cite> stays in its sentence.
  const className = options.numberOnly ? ['podium-cite-ref'] : ['podium-source'];
  return h(
    'span',
    { className, dataCite: key, dataCiteNumberOnly: options.numberOnly ? '' : undefined },
    options.numberOnly ? [] : [text],
  );
}

/** Where `<Sources />` puts the numbered list. */
export function sourcesPlaceholder(): Element {
  return h('ol', { className: [classNames.sources], dataSourcesList: '' });
}

/**
 * Numbers every citation in reading order and fills each `<Sources />` list. With no Sources
 * slide there is nothing to number against, so a citation shows its text alone.
 */
export function numberCitations(
  slides: Element[],
  sources: ReadonlyMap<string, Source>,
  strings: Pick<Strings, 'sourceNumber'>,
): void {
  const order = new Map<string, number>();
  const cites: Element[] = [];
  const lists: Array<{ list: Element; slide: Element }> = [];
  for (const slide of slides) {
    walk(slide, (element) => {
      if (typeof element.properties.dataCite === 'string') {
        const key = element.properties.dataCite;
        if (!order.has(key)) order.set(key, order.size + 1);
        cites.push(element);
      } else if (element.properties.dataSourcesList !== undefined) {
        lists.push({ list: element, slide });
      }
    });
  }
  const firstList = lists[0]?.slide;
  if (firstList) firstList.properties.id ??= 'sources';
  for (const cite of cites) {
    const key = String(cite.properties.dataCite);
    const numberOnly = cite.properties.dataCiteNumberOnly !== undefined;
    delete cite.properties.dataCite;
    delete cite.properties.dataCiteNumberOnly;
    if (!firstList) {
      if (numberOnly) cite.children = [{ type: 'text', value: `(${sourceLabel(sources.get(key)!)})` }];
      continue;
    }
    const number = order.get(key)!;
    // Straight to the entry: a plain anchor without script, a step in history with it (runtime/citationLinks.ts).
    const link = h(
      'a',
      {
        className: [classNames.cite],
        href: `#${sourceEntryId(number)}`,
        ariaLabel: format(strings.sourceNumber, { number }),
      },
      `[${number}]`,
    );
    cite.children = numberOnly ? [link] : [...cite.children, { type: 'text', value: ' ' }, link];
  }
  for (const [index, { list }] of lists.entries()) {
    delete list.properties.dataSourcesList;
    // Only the first list's entries are link targets: ids are unique in a page.
    list.children = [...order.keys()].map((key, at) =>
      h('li', { id: index === 0 ? sourceEntryId(at + 1) : undefined }, sourceEntry(sources.get(key)!)),
    );
  }
}

/** The id of source `number`'s entry in the Sources list, which its citations link to. */
export function sourceEntryId(number: number): string {
  return `source-${number}`;
}

/** One line of the Sources list: who, what, when, and the address as a link. */
function sourceEntry(source: Source): ElementContent[] {
  if (typeof source === 'string') return linkified(source);
  const parts: ElementContent[] = [];
  if (source.publisher) parts.push({ type: 'text', value: `${source.publisher}. ` });
  parts.push(source.url ? h('a', { href: source.url }, source.title) : h('cite', source.title));
  parts.push({ type: 'text', value: source.date ? `, ${source.date}.` : '.' });
  if (source.note) parts.push({ type: 'text', value: ` ${source.note}` });
  return parts;
}

/** Text with any web address in it made a link. */
function linkified(text: string): ElementContent[] {
  return text
    .split(/(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)])/)
    .filter(Boolean)
    .map((part) => (/^https?:\/\//.test(part) ? h('a', { href: part }, part) : { type: 'text', value: part }));
}

function walk(node: Element, visit: (element: Element) => void): void {
  visit(node);
  for (const child of node.children) if (child.type === 'element') walk(child, visit);
}
