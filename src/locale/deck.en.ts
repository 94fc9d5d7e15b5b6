/**
 * Words the build writes into slides (components, chart summaries, tables), in English.
 * Braces name the values a template is given; a translation may leave one out or move it.
 */
export const deckEn = {
  /** Under a chart, a stat or a quote: where the figure comes from. */
  sourceLine: 'Source: {source}',
  /** What a screen reader says for a citation's number, "[2]". */
  sourceNumber: 'Source {number}',
  /** The button under a chart that shows its data table (the runtime's `hideData` hides it). */
  showData: 'Show data',
  /** The name of each slide's speaker notes, where they are shown. */
  speakerNotes: 'Speaker notes',
  /** The first link on the page: the whole deck as one page. */
  readAsOnePage: 'Read as one page',
  /** <ShareQR />: the words beside the address. */
  shareLabel: 'Slides and sources at',
  /** <ShareQR />: what a screen reader says for the code. */
  qrCodeFor: 'QR code for {address}',

  /** A chart's series without a name: as a data table's column, and within a sentence. */
  seriesColumn: 'Series {number}',
  seriesInSentence: 'series {number}',
  /** A pie or doughnut chart's data table: the columns beside each label. */
  valueColumn: 'Value',
  shareColumn: 'Share',

  /** Chart summaries for screen readers; `{name}` is the series' name when a chart has several. */
  summaryHighestLowest: 'Highest {high}, {highValue}, lowest {low}, {lowValue}',
  summaryNamedHighestLowest: '{name}: highest {high}, {highValue}, lowest {low}, {lowValue}',
  summaryTrend:
    'From {first} in {firstLabel} to {last} in {lastLabel} ({direction}), highest in {high}, lowest in {low}',
  summaryNamedTrend:
    '{name}: from {first} in {firstLabel} to {last} in {lastLabel} ({direction}), highest in {high}, lowest in {low}',
  trendUp: 'up',
  trendDown: 'down',
  trendUnchanged: 'unchanged',
  summaryShares:
    'Largest share {high}, {highValue} ({highShare}); smallest {low}, {lowValue} ({lowShare}); total {total}.',
  /** <Chart> whose data are not plain numbers: `{type}` is Chart.js's name for it (bar, scatter…). */
  summaryChartOf: 'A {type} chart of {series}; the data table lists every value.',

  /** <RatioChart>: its default title, its legend and data table columns, and its axis. */
  ratioTitle: 'Students per staff member',
  ratioValueLabel: 'Students per staff member',
  ratioRecommendedLabel: 'Recommended',
  ratioAxisTitle: 'students per staff member',
  /** The label on a recommendation's mark when the deck gives none. */
  ratioRecommendedMark: 'Recommended: {value}',
  ratioRoleColumn: 'Role',
  ratioNoteColumn: 'Note',
  /** The Recommended column of a role without a recommendation. */
  ratioNoneGiven: 'none given',
  /** <RatioChart>'s summary for screen readers. */
  ratioOneRole: '{role}, one for every {students} students',
  ratioMostAndFewest: 'Most students per staff member: {most}; fewest: {fewest}',
  ratioFurthestMore:
    'furthest from its recommendation: {role}, {amount} more students each than the {recommended} recommended',
  ratioFurthestFewer:
    'furthest from its recommendation: {role}, {amount} fewer students each than the {recommended} recommended',
  /** A gap from a figure shown as "2,000+": it may be larger. */
  atLeast: 'at least {amount}',
  /** The index page that lists a build's decks (--index, --data). */
  indexTitle: 'Decks',
  indexDescriptionOne: '1 slide deck, one file that opens anywhere.',
  indexDescription: '{count} slide decks, each one file that opens anywhere.',
  indexMeeting: 'Meeting',
  indexDate: 'Date',
  indexLanguage: 'Language',
  indexSize: 'File size',
  indexNone: 'No decks were built.',
} as const;
