import type { deckEn } from './deck.en.ts';

/** Words the build writes into slides, in Spanish (neutral, as a US school district would write it). */
export const deckEs: Record<keyof typeof deckEn, string> = {
  sourceLine: 'Fuente: {source}',
  sourceNumber: 'Fuente {number}',
  showData: 'Ver datos',
  speakerNotes: 'Notas del orador',
  readAsOnePage: 'Leer en una sola página',
  shareLabel: 'Diapositivas y fuentes en',
  qrCodeFor: 'Código QR de {address}',

  seriesColumn: 'Serie {number}',
  seriesInSentence: 'serie {number}',
  valueColumn: 'Valor',
  shareColumn: 'Porcentaje',

  summaryHighestLowest: 'Máximo en {high}, {highValue}, y mínimo en {low}, {lowValue}',
  summaryNamedHighestLowest: '{name}: máximo en {high}, {highValue}, y mínimo en {low}, {lowValue}',
  summaryTrend:
    'De {first} en {firstLabel} a {last} en {lastLabel} ({direction}), con el máximo en {high} y el mínimo en {low}',
  summaryNamedTrend:
    '{name}: de {first} en {firstLabel} a {last} en {lastLabel} ({direction}), con el máximo en {high} y el mínimo en {low}',
  trendUp: 'sube',
  trendDown: 'baja',
  trendUnchanged: 'sin cambios',
  summaryShares:
    'La mayor parte, {high}: {highValue} ({highShare}); la menor, {low}: {lowValue} ({lowShare}); total: {total}.',
  // Chart.js names its types in English (bar, scatter), so the Spanish summary does without.
  summaryChartOf: 'Gráfico de {series}; la tabla de datos recoge todos los valores.',

  ratioTitle: 'Estudiantes por profesional',
  ratioValueLabel: 'Estudiantes por profesional',
  ratioRecommendedLabel: 'Recomendado',
  ratioAxisTitle: 'estudiantes por profesional',
  ratioRecommendedMark: 'Recomendado: {value}',
  ratioRoleColumn: 'Puesto',
  ratioNoteColumn: 'Nota',
  ratioNoneGiven: 'no consta',
  ratioOneRole: '{role}, uno por cada {students} estudiantes',
  ratioMostAndFewest: 'Más estudiantes por profesional: {most}; menos: {fewest}',
  ratioFurthestMore:
    'el más alejado de su recomendación: {role}, con {amount} estudiantes más por profesional que los {recommended} recomendados',
  ratioFurthestFewer:
    'el más alejado de su recomendación: {role}, con {amount} estudiantes menos por profesional que los {recommended} recomendados',
  atLeast: 'al menos {amount}',
  indexTitle: 'Presentaciones',
  indexDescriptionOne: '1 presentación, un solo archivo que se abre en cualquier equipo.',
  indexDescription: '{count} presentaciones, cada una en un solo archivo que se abre en cualquier equipo.',
  indexMeeting: 'Reunión',
  indexDate: 'Fecha',
  indexLanguage: 'Idioma',
  indexSize: 'Tamaño del archivo',
  indexNone: 'No se generó ninguna presentación.',
};
