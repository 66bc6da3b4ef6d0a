/**
 * Draws one newsletter issue from a seed (#29): its layout (engine, columns, masthead, title
 * forms, boxes, calendars, furniture, hyphenation, thousands style, length) and its content (real
 * paragraphs from the bank, template sentences the generator fills), with the expectations.
 */
import { MOIS, MONTHS, SEASONS, Writer } from './content.std';
import {
  CALENDAR_FORMS,
  CORNERS,
  DATE_FORMS,
  ENGINES,
  MASTHEADS,
  PAGE_NUMBERS,
  THOUSANDS,
  TITLE_FORMS,
  type Block,
  type Engine,
  type Expectations,
  type Issue,
  type Layout,
  type Section,
  type TitleForm,
} from './model.std';
import { Rng } from './random.std';

export const NEWSLETTER = 'Fight against human trafficking in South-East Europe';
export const MISSION =
  'Quarterly newsletter of the Permanent Mission of France to the United Nations and the international organisations in Vienna';
/** Words a page holds, roughly, for a target length in pages. */
const WORDS_PER_PAGE = 430;
const ORDINALS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];
const TENS = ['', '', 'twent', 'thirt', 'fort', 'fift', 'sixt'];

/** An ordinal in words, up to the sixty-ninth ("twenty-sixth"). */
export function ordinalWord(n: number): string {
  if (n < 20) return ORDINALS[n]!;
  const unit = n % 10;
  const ten = TENS[Math.floor(n / 10)]!;
  return unit === 0 ? `${ten}ieth` : `${ten}y-${ORDINALS[unit]}`;
}

/** Engines that cannot set a given feature get the nearest one they can (recorded as set). */
function fitLayout(l: Layout): Layout {
  const groff = l.engine.startsWith('groff');
  // -mom sets columns for the whole document (its cover would stand in a column): no cover, at most two.
  if (l.engine === 'groff-mom')
    l = {
      ...l,
      masthead: l.masthead === 'cover' ? 'smallprint' : l.masthead,
      columns: l.columns === 3 ? 2 : l.columns,
    };
  return {
    ...l,
    corner: groff && l.corner.startsWith('bottom') ? (l.corner === 'bottom-left' ? 'top-left' : 'top-right') : l.corner,
  };
}

export function drawLayout(rng: Rng, engine?: Engine): Layout {
  const r = rng.fork('layout');
  const furniture = r.pick(['none', 'header', 'footer', 'both'] as const);
  return fitLayout({
    engine: engine ?? r.pick(ENGINES),
    columns: r.pick([1, 2, 2, 3] as const),
    masthead: r.pick(MASTHEADS),
    corner: r.pick(CORNERS),
    dateForm: r.pick(DATE_FORMS),
    hyphenate: r.chance(0.5),
    thousands: r.pick(THOUSANDS),
    header: furniture === 'header' || furniture === 'both' ? NEWSLETTER : null,
    footer: furniture === 'footer' || furniture === 'both' ? 'Permanent Mission of France in Vienna' : null,
    pageNumbers: r.pick(PAGE_NUMBERS),
    font: r.pick(['serif', 'sans'] as const),
    targetPages: r.int(2, 12),
  });
}

function numberLine(
  form: Layout['dateForm'],
  n: number,
  year: number,
  month: number,
): { text: string; season: string | null } {
  if (form === 'english') return { text: `No. ${n} — ${MONTHS[month - 1]} ${year}`, season: null };
  if (form === 'french') return { text: `N° ${n} · ${MOIS[month - 1]} ${year}`, season: null };
  const season = SEASONS[Math.floor((month % 12) / 3)]!;
  return { text: `Issue ${n}, ${season} ${year}`, season };
}

const words = (blocks: Block[]) => blocks.reduce((n, b) => n + JSON.stringify(b).split(' ').length, 0);

function bankParas(rng: Rng, bank: string[], used: Set<number>, n: number): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < n; i++) {
    let k = rng.int(0, bank.length - 1);
    for (let tries = 0; used.has(k) && tries < bank.length; tries++) k = (k + 1) % bank.length;
    used.add(k);
    out.push({ kind: 'para', text: bank[k]! });
  }
  return out;
}

function extras(rng: Rng, w: Writer, layout: Layout, year: number): Block[] {
  const out: Block[] = [];
  if (rng.chance(0.35))
    out.push({
      kind: 'box',
      title: 'Key figures',
      paras: Array.from({ length: rng.int(2, 3) }, () => w.keyFigure()),
      side: layout.columns === 1 && rng.chance(0.6),
    });
  if (rng.chance(0.3)) {
    const p = w.person();
    out.push({
      kind: 'quote',
      text: rng.pick([
        '“We cannot protect victims we do not see; every inspector, every nurse, every teacher must know the signs.”',
        '“Traffickers adapt faster than our laws. Our answer must be cooperation across every border of the region.”',
        '“A victim who is punished for what she was forced to do will never trust the police again.”',
      ]),
      by: `— ${p.text}`,
    });
  }
  if (rng.chance(0.3)) {
    const countries = rng
      .shuffle(['Albania', 'Serbia', 'Moldova', 'Romania', 'Bulgaria', 'Montenegro'])
      .slice(0, rng.int(3, 5));
    out.push({
      kind: 'table',
      caption: `Presumed victims identified in ${year - 1}`,
      head: ['Country', 'Victims', 'Of whom children'],
      rows: countries.map((c) => [c, String(rng.int(12, 900)), String(rng.int(1, 200))]),
    });
  }
  return out;
}

function titleFor(rng: Rng, w: Writer, form: TitleForm): Pick<Section, 'kicker' | 'title' | 'titleBreak'> {
  if (form === 'kicker-lower') return { ...w.kickerTitle(), titleBreak: null };
  const title = w.sectionTitle(form === 'long' ? 'long' : 'plain');
  const n = title.split(' ').length;
  return { kicker: null, title, titleBreak: form === 'two-lines' && n > 3 ? Math.ceil(n / 2) : null };
}

function article(
  rng: Rng,
  w: Writer,
  layout: Layout,
  year: number,
  bank: string[],
  used: Set<number>,
  form: TitleForm,
): Section {
  const blocks: Block[] = [...bankParas(rng, bank, used, rng.int(1, 2)), { kind: 'para', text: w.paragraph() }];
  if (rng.chance(0.3))
    blocks.push({
      kind: 'subhead',
      text: rng.pick(['What has changed', 'The next steps', 'A regional answer', 'Lessons learned']),
    });
  blocks.push(...bankParas(rng, bank, used, rng.int(0, 2)), { kind: 'para', text: w.paragraph() });
  const at = rng.int(1, blocks.length - 1);
  blocks.splice(at, 0, ...extras(rng, w, layout, year));
  if (rng.chance(0.3)) {
    const i = blocks.findIndex((b) => b.kind === 'para');
    const b = blocks[i];
    if (b?.kind === 'para')
      blocks[i] = {
        ...b,
        footnote: rng.pick([
          `The figures are those published by the national authorities in ${year - 1}.`,
          'The names of the victims have been changed.',
          'The full report is available from the Permanent Mission.',
        ]),
      };
  }
  return { ...titleFor(rng, w, form), blocks };
}

function calendarSection(rng: Rng, w: Writer, layout: Layout): Section {
  const n = rng.int(2, 4);
  const past = Array.from({ length: n }, () => w.calendarItem());
  const coming = Array.from({ length: n }, () => w.calendarItem());
  const form = rng.pick(CALENDAR_FORMS);
  const blocks: Block[] = [
    { kind: 'calendar', form, past, coming },
    { kind: 'contacts', lines: w.contactLines() },
  ];
  void layout;
  return { kicker: null, title: 'Calendar', titleBreak: null, blocks };
}

function editorial(
  rng: Rng,
  w: Writer,
  layout: Layout,
  n: number,
  year: number,
  month: number,
  bank: string[],
  used: Set<number>,
): Section {
  const self = `This is the ${ordinalWord(n)} issue of our quarterly newsletter, published in ${MONTHS[month - 1]} ${year}.`;
  const first = layout.masthead === 'none' || rng.chance(0.4) ? `${self} ${w.eventSentence()}` : w.paragraph();
  return {
    kicker: null,
    title: 'Editorial',
    titleBreak: null,
    blocks: [{ kind: 'para', text: first }, ...bankParas(rng, bank, used, 1)],
  };
}

function samplesOf(rng: Rng, sections: Section[]): string[] {
  const paras = sections
    .flatMap((s) => s.blocks)
    .filter((b): b is Extract<Block, { kind: 'para' }> => b.kind === 'para' && !b.footnote)
    .map((b) => b.text);
  return rng.shuffle([...new Set(paras)]).slice(0, 6);
}

/** The cover's headline: words no section title repeats, so that a title's page is its own. */
const COVER_HEADLINE = 'Special issue: working together across the region';

/** The whole issue drawn from one seed (and, for the fixed set, an engine imposed). */
export function drawIssue(seed: number, bank: string[], engine?: Engine): Issue {
  const rng = new Rng(seed);
  const layout = drawLayout(rng, engine);
  const r = rng.fork('content');
  const number = r.int(11, 69);
  const year = r.int(2019, 2031);
  const month = r.pick([3, 6, 9, 12, r.int(1, 12)]);
  const line = numberLine(layout.dateForm, number, year, month);
  const expect: Expectations = {
    number,
    year,
    month: line.season ? null : month,
    sections: [],
    samples: [],
    people: [],
    organisations: [],
    events: [],
    figures: [],
    contacts: [],
    documents: [],
  };
  const w = new Writer(r.fork('writer'), year, month, layout.thousands, expect);
  const used = new Set<number>();
  const sections: Section[] = [editorial(r, w, layout, number, year, month, bank, used)];
  const forms = r.shuffle(TITLE_FORMS);
  for (let i = 0; words(sections.flatMap((s) => s.blocks)) < layout.targetPages * WORDS_PER_PAGE - 250; i++)
    sections.push(article(r, w, layout, year, bank, used, forms[i % forms.length]!));
  sections.push(calendarSection(r, w, layout));
  expect.sections = sections.map((s) => ({ title: s.title, kicker: s.kicker, page: null }));
  expect.samples = samplesOf(r, sections);
  return {
    seed,
    layout,
    number,
    year,
    month: line.season ? null : month,
    season: line.season,
    masthead: { name: NEWSLETTER, numberLine: line.text, smallprint: MISSION, headline: COVER_HEADLINE },
    sections,
    expect,
  };
}
