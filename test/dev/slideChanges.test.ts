import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { expect, it } from 'vitest';
import { slideChanges } from '../../src/dev/slideChanges.ts';

const page = ({ title = 'Deck', stamp = 'a', slides = [] as ElementContent[] }): Root => ({
  type: 'root',
  children: [
    { type: 'doctype' },
    h('html', { lang: 'en' }, [
      h('head', [h('title', title), h('style', 'body{}')]),
      h('body', [
        h('div', { className: ['reveal'], dataDeck: stamp }, [
          h('div', { className: ['slides'] }, [h('div', { className: ['brand'] }), ...slides]),
        ]),
        h('script', 'start()'),
      ]),
    ]),
  ],
});

const slides = (...headings: string[]) => headings.map((heading) => h('section', [h('h2', heading)]));

it('names the slides that changed, by index, with their HTML and the new stamp', () => {
  const changes = slideChanges(
    page({ slides: slides('One', 'Two', 'Three') }),
    page({ stamp: 'b', slides: slides('One', 'Two, edited', 'Three') }),
  );
  expect(changes).toEqual({ stamp: 'b', slides: [{ index: 1, html: '<section><h2>Two, edited</h2></section>' }] });
});

it('names none when nothing changed', () => {
  expect(slideChanges(page({ slides: slides('One') }), page({ slides: slides('One') }))).toEqual({
    stamp: 'a',
    slides: [],
  });
});

it('asks for a reload when more than slides changed', () => {
  const before = page({ slides: slides('One', 'Two') });
  // The frontmatter's title, in the head.
  expect(slideChanges(before, page({ title: 'Retitled', slides: slides('One', 'Two') }))).toBeUndefined();
  // A slide more.
  expect(slideChanges(before, page({ slides: slides('One', 'Two', 'Three') }))).toBeUndefined();
  // A slide that became a stack of slides.
  const stacked = [h('section', [h('h2', 'One')]), h('section', [h('section', [h('h2', 'Two')])])];
  expect(slideChanges(before, page({ slides: stacked }))).toBeUndefined();
});
