import { h } from 'hastscript';
import { z } from 'zod';
import { defineComponent } from './defineComponent.ts';

const sectionProps = z.strictObject({
  title: z.string().trim().min(1),
  subtitle: z.string().trim().min(1).optional(),
});

/** `<Section title subtitle? />`: a slide that opens a part of the talk, its title large. */
export const sectionSlide = defineComponent('Section', sectionProps, ({ title, subtitle }) =>
  h('div', { className: ['podium-section-slide'] }, [
    h('h2', title),
    ...(subtitle ? [h('p', { className: ['podium-section-subtitle'] }, subtitle)] : []),
  ]),
);
