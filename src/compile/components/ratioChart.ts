import { z } from 'zod';
import { chartFigure } from './chartFigure.ts';
import { sourceSchema } from './citations.ts';
import { defineComponent } from './defineComponent.ts';

const positive = z.number().finite().positive();

const ratioChartSchema = z.strictObject({
  ratios: z
    .array(
      z.strictObject({
        role: z.string().min(1),
        students: positive,
        recommended: positive.optional(),
        recommendedLabel: z.string().min(1).optional(),
        /** How the number reads on the slide when it is not exact, e.g. "2,000+". */
        display: z.string().min(1).optional(),
        /** A caveat about the figure; shown in the data table. */
        note: z.string().min(1).optional(),
      }),
    )
    .min(1),
  title: z.string().min(1).default('Students per staff member'),
  source: sourceSchema.optional(),
});

/**
 * `<RatioChart>`: students per staff member, each role's actual ratio as a bar with its
 * recommendation as a labelled mark across it, so the gap reads without a legend.
 */
export const ratioChart = defineComponent('RatioChart', ratioChartSchema, ({ ratios, title, source }, { deck }) => {
  const format = new Intl.NumberFormat(deck.lang);
  const actual = (r: (typeof ratios)[number]) => r.display ?? format.format(r.students);
  const recommendation = (r: (typeof ratios)[number]) =>
    r.recommended === undefined ? null : (r.recommendedLabel ?? `Recommended: ${format.format(r.recommended)}`);
  const hasRecommendations = ratios.some((r) => r.recommended !== undefined);
  const hasNotes = ratios.some((r) => r.note !== undefined);
  return chartFigure(deck, {
    title,
    source,
    config: {
      type: 'bar',
      data: {
        labels: ratios.map((r) => r.role),
        datasets: [
          { label: 'Students per staff member', data: ratios.map((r) => r.students) },
          ...(hasRecommendations
            ? [
                {
                  label: 'Recommended',
                  data: ratios.map((r) => (r.recommended === undefined ? null : [r.recommended, r.recommended])),
                },
              ]
            : []),
        ],
      },
      options: {
        indexAxis: 'y',
        podium: {
          unit: 'students per staff member',
          legend: hasRecommendations,
          labels: [ratios.map((r) => `1 : ${actual(r)}`), ...(hasRecommendations ? [ratios.map(recommendation)] : [])],
          references: hasRecommendations ? [1] : [],
        },
      },
    },
    summary: ratioSummary(ratios, format),
    unit: 'students per staff member',
    table: {
      corner: 'Role',
      columns: [
        'Students per staff member',
        ...(hasRecommendations ? ['Recommended'] : []),
        ...(hasNotes ? ['Note'] : []),
      ],
      rows: ratios.map((r) => [
        r.role,
        actual(r),
        ...(hasRecommendations
          ? [r.recommended === undefined ? 'none given' : (r.recommendedLabel ?? format.format(r.recommended))]
          : []),
        ...(hasNotes ? [r.note ?? ''] : []),
      ]),
    },
  });
});

type Ratio = { role: string; students: number; recommended?: number; display?: string };

/**
 * One sentence: the most and fewest students per staff member, and the widest gap to a
 * recommendation ("School social worker: at least 1,750 more students each than the 250 recommended").
 */
function ratioSummary(ratios: Ratio[], format: Intl.NumberFormat): string {
  const shown = (r: Ratio) => `${r.role}, one for every ${r.display ?? format.format(r.students)} students`;
  const most = ratios.reduce((a, b) => (b.students > a.students ? b : a));
  const fewest = ratios.reduce((a, b) => (b.students < a.students ? b : a));
  const parts =
    ratios.length === 1
      ? [shown(most)]
      : [`Most students per staff member: ${shown(most)}`, `fewest: ${shown(fewest)}`];
  const gaps = ratios.filter((r) => r.recommended !== undefined).map((r) => ({ r, gap: r.students - r.recommended! }));
  if (gaps.length > 0) {
    const widest = gaps.reduce((a, b) => (Math.abs(b.gap) > Math.abs(a.gap) ? b : a));
    const amount = `${widest.r.display && widest.gap > 0 ? 'at least ' : ''}${format.format(Math.abs(widest.gap))}`;
    const direction = widest.gap >= 0 ? 'more' : 'fewer';
    parts.push(
      `furthest from its recommendation: ${widest.r.role}, ${amount} ${direction} students each than the ${format.format(widest.r.recommended!)} recommended`,
    );
  }
  return `${parts.join('; ')}.`;
}
