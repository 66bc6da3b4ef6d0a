/**
 * The months' names in the interface's two languages, as a date writes them ("March 2018",
 * "mars 2018"): English capitalised, French in lower case. Read by the masthead (db/pipeline), which
 * finds an issue's month in either language, and by the renderer's dates, which name a month
 * without Intl on the first screen (renderer/src/format/format.dom.ts).
 */
export const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export const FRENCH_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;
