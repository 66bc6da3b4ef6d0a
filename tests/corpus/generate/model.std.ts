/**
 * What a generated issue is (#29): its layout, drawn from a seed, and its content as blocks the
 * renderers typeset. The expectations are written from this model, never from the importer.
 */
export const ENGINES = [
  'pdflatex',
  'lualatex',
  'xelatex',
  'groff-ms',
  'groff-mom',
  'typst',
  'odt',
  'docx',
  'chromium',
] as const;
export type Engine = (typeof ENGINES)[number];

export const THOUSANDS = ['comma', 'space', 'nbsp', 'nnbsp', 'dot'] as const;
export type Thousands = (typeof THOUSANDS)[number];

export const MASTHEADS = ['none', 'band', 'cover', 'smallprint', 'corner'] as const;
export type Masthead = (typeof MASTHEADS)[number];

export const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
export type Corner = (typeof CORNERS)[number];

export const CALENDAR_FORMS = ['list', 'columns', 'table'] as const;
export type CalendarForm = (typeof CALENDAR_FORMS)[number];

/** How the number and date are printed: "No. 26 — September 2026", "N° 26 · septembre 2026", "Issue 26, Autumn 2026". */
export const DATE_FORMS = ['english', 'french', 'season'] as const;
export type DateForm = (typeof DATE_FORMS)[number];

export const PAGE_NUMBERS = ['none', 'plain', 'page-n'] as const;
export type PageNumbers = (typeof PAGE_NUMBERS)[number];

export const TITLE_FORMS = ['plain', 'kicker-lower', 'two-lines', 'long'] as const;
export type TitleForm = (typeof TITLE_FORMS)[number];

export interface Layout {
  engine: Engine;
  columns: 1 | 2 | 3;
  masthead: Masthead;
  /** Where the number and date stand on page 1 when the masthead is 'corner'. */
  corner: Corner;
  dateForm: DateForm;
  hyphenate: boolean;
  thousands: Thousands;
  /** Running header and footer text (null: none), and how pages are numbered. */
  header: string | null;
  footer: string | null;
  pageNumbers: PageNumbers;
  font: 'serif' | 'sans';
  targetPages: number;
}

export interface CalendarItem {
  when: string;
  where: string;
  what: string;
}

export type Block =
  | { kind: 'para'; text: string; footnote?: string }
  | { kind: 'subhead'; text: string }
  | { kind: 'box'; title: string; paras: string[]; side: boolean }
  | { kind: 'quote'; text: string; by: string }
  | { kind: 'table'; caption: string; head: string[]; rows: string[][] }
  | { kind: 'calendar'; form: CalendarForm; past: CalendarItem[]; coming: CalendarItem[] }
  | { kind: 'contacts'; lines: string[] };

export interface Section {
  kicker: string | null;
  title: string;
  /** Titles set on two lines break before this word index. */
  titleBreak: number | null;
  blocks: Block[];
}

export interface Masthead$ {
  name: string;
  numberLine: string;
  smallprint: string;
  /** The cover's headline line. */
  headline: string;
}

export interface Issue {
  seed: number;
  layout: Layout;
  number: number;
  year: number;
  month: number | null;
  season: string | null;
  masthead: Masthead$;
  sections: Section[];
  expect: Expectations;
}

/** One thing the generator placed, by kind (see score.node.ts for how each is matched). */
export interface ExpectedPerson {
  name: string;
  title: string;
  role: string;
}
export interface ExpectedOrganisation {
  name: string;
  acronym: string | null;
}
export interface ExpectedEvent {
  titleWords: string[];
  start: string;
  end: string;
  place: string | null;
  text: string;
}
export interface ExpectedFigure {
  value: number;
  currency: string | null;
  printed: string;
}
export interface ExpectedContact {
  value: string;
  kind: 'email';
}
export interface ExpectedDocument {
  symbol: string;
}
export interface ExpectedSection {
  title: string;
  kicker: string | null;
  page: number | null;
}

export interface Expectations {
  number: number | null;
  year: number;
  month: number | null;
  sections: ExpectedSection[];
  samples: string[];
  people: ExpectedPerson[];
  organisations: ExpectedOrganisation[];
  events: ExpectedEvent[];
  figures: ExpectedFigure[];
  contacts: ExpectedContact[];
  documents: ExpectedDocument[];
}

/** What the renderer printed as furniture, per page, as pdftotext found it (see verify.node.ts). */
export interface Furniture {
  header: string | null;
  footer: string | null;
  /**
   * Per page (1-based), the furniture lines pdftotext reads on that page, and the masthead lines
   * the layout typeset there (page 1) whose words pdftotext reads: the issue's metadata, which the
   * importer reads rather than keeps, accounted for like furniture (absent: none).
   */
  pages: { page: number; lines: string[]; masthead?: string[] }[];
}

/** The expectations file written beside each PDF. */
export interface ExpectationsFile extends Expectations {
  _note: string;
  seed: number;
  file: string;
  engine: Engine;
  layout: Layout;
  pages: number;
  /** Words the generator typeset, for mending line-end hyphens on the pdftotext side. */
  vocabulary: string[];
  furniture: Furniture;
  /** Line-end hyphens pdftotext shows (soft or hard): whether the engine hyphenated. */
  hyphenatedLines: number;
  /** Things the generator placed that pdftotext did not read in one piece; not scored. */
  unverified: string[];
}
