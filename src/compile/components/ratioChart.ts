import { z } from 'zod';
import { format as fill, type Strings } from '../../locale/index.ts';
import { chartFigure } from './chartFigure.ts';
import { sourceSchema } from './citations.ts';
import { defineComponent } from './defineComponent.ts';
import { numberFormat } from '../../locale/formats.ts';

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
  /** The chart's name; "Students per staff member" in English. */
  title: z.string().min(1).optional(),
  /** What the bars are called in the legend and the data table; "Students per staff member" in English. */
  valueLabel: z.string().min(1).optional(),
  /** What the recommendation marks are called in the legend and the data table; "Recommended" in English. */
  recommendedLabel: z.string().min(1).optional(),
  /** The title of the axis the bars are measured along; "students per staff member" in English. */
  axisTitle: z.string().min(1).optional(),
  source: sourceSchema.optional(),
});

/**
 * `<RatioChart>`: students per staff member, each role's actual ratio as a bar with its
 * recommendation as a labelled mark across it, so the gap reads without a legend.
 */
export const ratioChart = defineComponent('RatioChart', ratioChartSchema, (props, { deck }) => {
  const { ratios, source } = props;
  const { strings } = deck;
  const title = props.title ?? strings.ratioTitle;
  const valueLabel = props.valueLabel ?? strings.ratioValueLabel;
  const recommendedLabel = props.recommendedLabel ?? strings.ratioRecommendedLabel;
  const axisTitle = props.axisTitle ?? strings.ratioAxisTitle;
  const format = numberFormat(deck.lang);
  const actual = (r: (typeof ratios)[number]) => r.display ?? format.format(r.students);
  const recommendation = (r: (typeof ratios)[number]) =>
    r.recommended === undefined
      ? null
      : (r.recommendedLabel ?? fill(strings.ratioRecommendedMark, { value: format.format(r.recommended) }));
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
          { label: valueLabel, data: ratios.map((r) => r.students) },
          ...(hasRecommendations
            ? [
                {
                  label: recommendedLabel,
                  data: ratios.map((r) => (r.recommended === undefined ? null : [r.recommended, r.recommended])),
                },
              ]
            : []),
        ],
      },
      options: {
        indexAxis: 'y',
        podium: {
          unit: axisTitle,
          legend: hasRecommendations,
          labels: [ratios.map((r) => `1 : ${actual(r)}`), ...(hasRecommendations ? [ratios.map(recommendation)] : [])],
          references: hasRecommendations ? [1] : [],
        },
      },
    },
    summary: ratioSummary(ratios, format, strings),
    unit: axisTitle,
    table: {
      corner: strings.ratioRoleColumn,
      columns: [
        valueLabel,
        ...(hasRecommendations ? [recommendedLabel] : []),
        ...(hasNotes ? [strings.ratioNoteColumn] : []),
      ],
      rows: ratios.map((r) => [
        r.role,
        actual(r),
        ...(hasRecommendations
          ? [
              r.recommended === undefined
                ? strings.ratioNoneGiven
                : (r.recommendedLabel ?? format.format(r.recommended)),
            ]
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
function ratioSummary(ratios: Ratio[], format: Intl.NumberFormat, strings: Strings): string {
  const shown = (r: Ratio) =>
    fill(strings.ratioOneRole, { role: r.role, students: r.display ?? format.format(r.students) });
  const most = ratios.reduce((a, b) => (b.students > a.students ? b : a));
  const fewest = ratios.reduce((a, b) => (b.students < a.students ? b : a));
  const parts =
    ratios.length === 1
      ? [shown(most)]
      : [fill(strings.ratioMostAndFewest, { most: shown(most), fewest: shown(fewest) })];
  const gaps = ratios.filter((r) => r.recommended !== undefined).map((r) => ({ r, gap: r.students - r.recommended! }));
  if (gaps.length > 0) {
    const widest = gaps.reduce((a, b) => (Math.abs(b.gap) > Math.abs(a.gap) ? b : a));
    const size = format.format(Math.abs(widest.gap));
    // A figure shown as "2,000+" may be larger still, and so may its gap.
    const amount = widest.r.display && widest.gap > 0 ? fill(strings.atLeast, { amount: size }) : size;
    parts.push(
      fill(widest.gap >= 0 ? strings.ratioFurthestMore : strings.ratioFurthestFewer, {
        role: widest.r.role,
        amount,
        recommended: format.format(widest.r.recommended!),
      }),
    );
  }
  return `${parts.join('; ')}.`;
}
