/** The screens the walks visit: name, route, and the screen the app announces there. */
export type ScreenStop = [name: string, route: string, screen: string];

/** Every reader screen, with real archive content. */
export const READER_SCREENS: ScreenStop[] = [
  ['library', '/', 'library'],
  ['issue', '/issue/2018-no-10', 'issue'],
  ['article', '/read/2018-no-10/the-seminar-organised-by-unodc-in', 'article'],
  ['person', '/entity/person/caroline-charpentier', 'entity'],
  ['organisation', '/entity/org/unodc', 'entity'],
  ['event', '/entity/event/2018-06-05-an-interregional-seminar', 'entity'],
  ['country', '/entity/country/albania', 'entity'],
  ['document', '/entity/document/e-cn-15-2018-l-3-rev-1', 'entity'],
  ['directory', '/directory', 'directory'],
  ['calendar', '/calendar', 'calendar'],
  ['search', '/search?q=trafficing', 'search'],
  ['bookmarks', '/bookmarks', 'bookmarks'],
  ['settings', '/settings', 'settings'],
  ['help', '/help', 'help'],
  ['import', '/import', 'import'],
];

/** Every print view. */
export const PRINT_SCREENS: ScreenStop[] = [
  ['print-issue', '/print/issue/2018-no-10', 'print-issue'],
  ['print-entity', '/print/entity/person/caroline-charpentier', 'entity'],
  ['print-whole', '/print/whole/2018-no-10', 'print-whole'],
  ['print-country', '/print/country/country/moldova', 'print-country'],
  ['print-dossier', '/print/dossier?tag=trip', 'print-dossier'],
];

/** The trip dossier from the Calendar (#24): walked in French; its contrast is checked in tests/e2e/trip.spec.ts. */
export const TRIP_SCREEN: ScreenStop = [
  'print-trip',
  '/print/trip?from=2018-09-01&to=2018-11-30&country=country%2Fbulgaria&country=country%2Fkosovo',
  'print-trip',
];
