/**
 * Sentences made from templates whose slots the generator fills, and therefore knows (#29):
 * people with titles and roles (invented names), organisations of the field with and without
 * acronyms, dated events (single days, ranges, month-only), figures (money and counts, in the
 * issue's thousands style), e-mail contacts, UN document symbols. Each template records what it
 * placed in the expectations.
 */
import type { CalendarItem, ExpectedEvent, Expectations, Thousands } from './model.std';
import type { Rng } from './random.std';

export const MONTHS = [
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
];
export const MOIS = [
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
];
export const SEASONS = ['Winter', 'Spring', 'Summer', 'Autumn'];

/** Latin-1 letters only, so that every engine's base fonts (groff's Times) print them. */
const FIRST = {
  f: [
    'Ana',
    'Elena',
    'Mirela',
    'Jelena',
    'Sanja',
    'Irena',
    'Vesna',
    'Blerta',
    'Teuta',
    'Maja',
    'Claire',
    'Sophie',
    'Hélène',
    'Marta',
    'Ioana',
    'Dafina',
  ],
  m: [
    'Marko',
    'Nikola',
    'Arben',
    'Dritan',
    'Stefan',
    'Goran',
    'Bogdan',
    'Luka',
    'Petar',
    'Andrei',
    'Julien',
    'Thomas',
    'Mihai',
    'Ilir',
    'Zoran',
    'Emil',
  ],
};
const LAST = [
  'Petrovski',
  'Kovacevic',
  'Dimitrova',
  'Hoxhaj',
  'Marinescu',
  'Radulovic',
  'Popa',
  'Krasniqi',
  'Stojanov',
  'Vukovic',
  'Leclerc',
  'Duval',
  'Berisha',
  'Ionescu',
  'Nikolic',
  'Gashi',
  'Mercier',
  'Todorova',
  'Basha',
  'Lazarevic',
  'Müller',
  'Ferrand',
];
const TITLES = {
  f: ['Ms', 'Dr', 'Professor', 'Judge', 'Ambassador'],
  m: ['Mr', 'Dr', 'Professor', 'Judge', 'Ambassador'],
};
const ROLES = [
  'national anti-trafficking coordinator',
  'Head of the Anti-Trafficking Unit',
  'prosecutor for organised crime',
  'labour inspector',
  'programme officer',
  'national rapporteur on trafficking in human beings',
  'Director of the shelter for victims',
  'liaison officer',
];

export interface Org {
  name: string;
  acronym: string | null;
}
/** Real institutions of the field; a body named without an acronym where it has none in use. */
export const ORGS: Org[] = [
  { name: 'United Nations Office on Drugs and Crime', acronym: 'UNODC' },
  { name: 'Organization for Security and Co-operation in Europe', acronym: 'OSCE' },
  { name: 'International Organization for Migration', acronym: 'IOM' },
  { name: 'International Centre for Migration Policy Development', acronym: 'ICMPD' },
  { name: 'International Labour Organization', acronym: 'ILO' },
  { name: 'Group of Experts on Action against Trafficking in Human Beings', acronym: 'GRETA' },
  { name: 'European Union Agency for Law Enforcement Cooperation', acronym: 'Europol' },
  { name: 'Southeast European Law Enforcement Center', acronym: 'SELEC' },
  { name: 'Regional Cooperation Council', acronym: 'RCC' },
  { name: 'United Nations Children’s Fund', acronym: 'UNICEF' },
  { name: 'Office for Democratic Institutions and Human Rights', acronym: 'ODIHR' },
  { name: 'European Labour Authority', acronym: 'ELA' },
  { name: 'Council of Europe', acronym: null },
  { name: 'European Commission', acronym: null },
  { name: 'Ministry of the Interior of Serbia', acronym: null },
  { name: 'National Police of Ukraine', acronym: null },
  { name: 'State Agency for Child Protection of Bulgaria', acronym: null },
  { name: 'Ministry of Justice of Albania', acronym: null },
];
const CITIES: [string, string][] = [
  ['Vienna', 'Austria'],
  ['Tirana', 'Albania'],
  ['Skopje', 'North Macedonia'],
  ['Belgrade', 'Serbia'],
  ['Sarajevo', 'Bosnia and Herzegovina'],
  ['Podgorica', 'Montenegro'],
  ['Chisinau', 'Moldova'],
  ['Bucharest', 'Romania'],
  ['Sofia', 'Bulgaria'],
  ['Pristina', 'Kosovo'],
  ['Zagreb', 'Croatia'],
  ['Ljubljana', 'Slovenia'],
  ['Athens', 'Greece'],
  ['Strasbourg', 'France'],
];
const EVENT_NOUNS = ['conference', 'seminar', 'workshop', 'expert meeting', 'training session', 'round table'];
const TOPICS = [
  'labour exploitation',
  'forced criminality',
  'the identification of victims',
  'online recruitment',
  'financial investigations',
  'child trafficking',
  'the protection of witnesses',
  'forced marriage',
  'debt bondage',
  'the return of victims',
];
const COUNTRIES = [
  'Albania',
  'Serbia',
  'Moldova',
  'Romania',
  'Bulgaria',
  'North Macedonia',
  'Montenegro',
  'Kosovo',
  'Bosnia and Herzegovina',
  'Croatia',
];
const COUNTED = [
  'presumed victims',
  'police officers',
  'labour inspectors',
  'children',
  'investigations',
  'prosecutors',
  'border guards',
  'social workers',
];
const MAILBOX = [
  'lettre-traite.vienne',
  'newsletter.vienne-dfra',
  'traite-see',
  'communication.vienne-onu',
  'abonnement.lettre-vienne',
];
const MAIL_DOMAINS = ['diplomatie.gouv.fr', 'osce.org', 'unodc.org'];

/** Writes a whole number as the issue's office does (comma, space, no-break space, narrow no-break space, dot). */
export function thousands(n: number, style: Thousands): string {
  const sep = { comma: ',', space: ' ', nbsp: '\u00a0', nnbsp: '\u202f', dot: '.' }[style];
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/**
 * The indefinite article a phrase takes, by its first letter ("an expert meeting", "a seminar"):
 * right for the generator's own nouns, which have no silent h and no vowel letter sounded as a consonant.
 */
export const withArticle = (phrase: string): string => `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export class Writer {
  /** Organisations already named in full: later mentions may use the acronym alone. */
  private named = new Set<string>();
  private people = new Set<string>();

  constructor(
    private rng: Rng,
    private year: number,
    private month: number,
    private style: Thousands,
    readonly expect: Expectations,
  ) {}

  /** A number in the issue's thousands style (always ≥ 1,000 so that the separator shows). */
  big(lo = 1200, hi = 480000): { n: number; text: string } {
    const n = this.rng.int(lo, hi);
    return { n, text: thousands(n, this.style) };
  }

  person(): { text: string; short: string } {
    for (;;) {
      const sex = this.rng.pick(['f', 'm'] as const);
      const name = `${this.rng.pick(FIRST[sex])} ${this.rng.pick(LAST)}`;
      if (this.people.has(name)) continue;
      this.people.add(name);
      const title = this.rng.pick(TITLES[sex]);
      const role = this.rng.pick(ROLES);
      this.expect.people.push({ name, title, role });
      return { text: `${title} ${name}, ${role}`, short: `${title} ${name}` };
    }
  }

  /** An organisation as a running sentence names it: in full with its acronym, in full, or by acronym once named. */
  org(): string {
    const org = this.rng.pick(ORGS);
    if (!this.expect.organisations.some((o) => o.name === org.name)) this.expect.organisations.push({ ...org });
    const article =
      /^(Ministry|National|State|Group|Office|Organization|International|United|European|Regional|Southeast)/.test(
        org.name,
      ) || org.name.startsWith('Council')
        ? 'the '
        : '';
    if (org.acronym && this.named.has(org.name) && this.rng.chance(0.5))
      return org.acronym === 'Europol' ? 'Europol' : `the ${org.acronym}`;
    this.named.add(org.name);
    return org.acronym ? `${article}${org.name} (${org.acronym})` : `${article}${org.name}`;
  }

  city(): [string, string] {
    return this.rng.pick(CITIES);
  }

  /** A date span in the issue's year or the next, as a running sentence writes it. */
  private span(kind: 'day' | 'range' | 'month' | 'cross'): { text: string; start: string; end: string } {
    const y = this.year + this.rng.int(0, 1);
    const m = this.rng.int(1, 12);
    const d = this.rng.int(1, lastDay(y, m) - 3);
    if (kind === 'day') return { text: `${d} ${MONTHS[m - 1]} ${y}`, start: iso(y, m, d), end: iso(y, m, d) };
    if (kind === 'month') return { text: `${MONTHS[m - 1]} ${y}`, start: iso(y, m, 1), end: iso(y, m, lastDay(y, m)) };
    if (kind === 'range') {
      const e = d + this.rng.int(1, 3);
      return { text: `${d} to ${e} ${MONTHS[m - 1]} ${y}`, start: iso(y, m, d), end: iso(y, m, e) };
    }
    const m2 = m === 12 ? 1 : m + 1;
    const y2 = m === 12 ? y + 1 : y;
    const d1 = lastDay(y, m) - 1;
    return {
      text: `${d1} ${MONTHS[m - 1]}${y2 === y ? '' : ` ${y}`} to 2 ${MONTHS[m2 - 1]} ${y2}`,
      start: iso(y, m, d1),
      end: iso(y2, m2, 2),
    };
  }

  private event(words: string[], when: { start: string; end: string }, place: string, text: string): void {
    const e: ExpectedEvent = { titleWords: words, start: when.start, end: when.end, place, text };
    this.expect.events.push(e);
  }

  /** A sentence with a dated event in it: single day, range, range across months, month only. */
  eventSentence(): string {
    const noun = this.rng.pick(EVENT_NOUNS);
    const topic = this.rng.pick(TOPICS);
    const [city] = this.city();
    const form = this.rng.pick(['day', 'range', 'month', 'cross', 'tookplace'] as const);
    const when = this.span(form === 'tookplace' ? 'range' : form);
    const words = [...noun.split(' '), ...topic.split(' ').filter((w) => w.length > 3)];
    let text: string;
    if (form === 'day') text = `On ${when.text}, ${this.org()} held ${withArticle(noun)} on ${topic} in ${city}.`;
    else if (form === 'range')
      text = `From ${when.text}, ${this.big(20, 300).n} experts met in ${city} for ${withArticle(noun)} on ${topic}, organised by ${this.org()}.`;
    else if (form === 'cross') text = `A regional ${noun} on ${topic} will take place in ${city} from ${when.text}.`;
    else if (form === 'month')
      text = `In ${when.text}, ${this.org()} will hold ${withArticle(noun)} on ${topic} in ${city}.`;
    else
      text = `The latest ${noun} on ${topic} took place in ${city} from ${when.text}, with judges and prosecutors of the region.`;
    this.event(words, when, city, text);
    return text;
  }

  /** A calendar entry: "12–13 May 2026, Tirana: regional seminar on …". */
  calendarItem(): CalendarItem {
    const noun = this.rng.pick(EVENT_NOUNS);
    const topic = this.rng.pick(TOPICS);
    const [city] = this.city();
    const form = this.rng.pick(['day', 'range', 'month'] as const);
    const when = this.span(form);
    const printed = form === 'range' ? when.text.replace(/^(\d+) to (\d+)/, '$1–$2') : when.text;
    const what = `${this.rng.pick(['regional', 'international', 'national', 'joint'])} ${noun} on ${topic}`;
    this.event(
      [...noun.split(' '), ...topic.split(' ').filter((w) => w.length > 3)],
      when,
      city,
      `${printed}, ${city}: ${what}`,
    );
    return { when: printed, where: city, what };
  }

  /** A sentence with a money figure in one of the forms an office writes. */
  moneySentence(): string {
    const { n, text } = this.big(1500, 900000);
    const form = this.rng.pick(['euro-sign', 'euros', 'EUR', 'USD', 'dollar-sign'] as const);
    const printed = {
      'euro-sign': `€${text}`,
      euros: `${text} euros`,
      EUR: `EUR ${text}`,
      USD: `USD ${text}`,
      'dollar-sign': `$${text}`,
    }[form];
    const currency = form === 'USD' || form === 'dollar-sign' ? 'USD' : 'EUR';
    this.expect.figures.push({ value: n, currency, printed });
    return `France granted ${printed} to ${this.org()} for its programme in ${this.rng.pick(COUNTRIES)}.`;
  }

  countSentence(): string {
    const { n, text } = this.big(1200, 60000);
    const what = this.rng.pick(COUNTED);
    this.expect.figures.push({ value: n, currency: null, printed: `${text} ${what}` });
    return `In ${this.year - 1}, ${text} ${what} were trained or identified in ${this.rng.pick(COUNTRIES)}, according to ${this.org()}.`;
  }

  /** A key figure line for a box: "€45,000 granted by France to …" or "15,313 officers trained". */
  keyFigure(): string {
    if (this.rng.chance(0.5)) {
      const { n, text } = this.big(2000, 500000);
      this.expect.figures.push({ value: n, currency: 'EUR', printed: `€${text}` });
      return `€${text} granted by France to ${this.org()} in ${this.year - 1}.`;
    }
    const { n, text } = this.big(1000, 40000);
    const what = this.rng.pick(COUNTED);
    this.expect.figures.push({ value: n, currency: null, printed: `${text} ${what}` });
    return `${text} ${what} reached by the programmes in ${this.year - 1}.`;
  }

  personSentence(): string {
    const p = this.person();
    const verb = this.rng.pick(['explained that', 'recalled that', 'told us that', 'stressed that']);
    const claim = this.rng.pick([
      'victims are now recruited online within days of their arrival',
      'the courts of the region still hear too few cases of labour exploitation',
      'cooperation between inspectors and the police has improved since last year',
      'shelters need stable funding more than new campaigns',
    ]);
    return `${p.text} at ${this.org()}, ${verb} ${claim}.`;
  }

  documentSentence(): string {
    const y = this.year - this.rng.int(0, 2);
    const symbol = this.rng.pick([
      () => `E/CN.15/${y}/L.${this.rng.int(2, 12)}/Rev.1`,
      () => `E/CN.15/${y}/L.${this.rng.int(2, 12)}`,
      () => `A/RES/${y - 1945}/${this.rng.int(100, 260)}`,
      () => `CTOC/COP/${y}/L.${this.rng.int(2, 9)}`,
      () => `A/HRC/RES/${this.rng.int(50, 60)}/${this.rng.int(1, 40)}`,
    ])();
    this.expect.documents.push({ symbol });
    const country = this.rng.pick(COUNTRIES);
    return this.rng.pick([
      `The Commission on Crime Prevention and Criminal Justice adopted resolution ${symbol}, sponsored by France and ${country}, by consensus.`,
      `The text, issued as document ${symbol}, calls on States to protect victims from punishment for offences they were compelled to commit.`,
      `France co-sponsored resolution ${symbol} with ${country} on the protection of children against trafficking.`,
    ]);
  }

  email(): string {
    const value = `${this.rng.pick(MAILBOX)}@${this.rng.pick(MAIL_DOMAINS)}`;
    if (!this.expect.contacts.some((c) => c.value === value)) this.expect.contacts.push({ value, kind: 'email' });
    return value;
  }

  /** Contact lines, sometimes with the address on the same line as its label. */
  contactLines(): string[] {
    const lines = [`To subscribe or unsubscribe: ${this.email()}`];
    if (this.rng.chance(0.6)) lines.push(`Editorial team: ${this.email()}`);
    if (this.rng.chance(0.4))
      lines.push(
        'Permanent Mission of France to the United Nations and the international organisations in Vienna, Schwarzenbergplatz 16, 1010 Vienna',
      );
    return lines;
  }

  /** A running paragraph of two to four template sentences. */
  paragraph(): string {
    const kinds = [
      () => this.eventSentence(),
      () => this.moneySentence(),
      () => this.countSentence(),
      () => this.personSentence(),
      () => this.documentSentence(),
    ];
    const n = this.rng.int(2, 4);
    const sentences = Array.from({ length: n }, () => this.rng.pick(kinds)());
    if (this.rng.chance(0.15)) sentences.push(`Questions may be sent to ${this.email()}.`);
    return sentences.join(' ');
  }

  sectionTitle(form: 'plain' | 'long'): string {
    const [city, country] = this.city();
    const topic = this.rng.pick(TOPICS);
    if (form === 'long')
      return `${cap(this.rng.pick(EVENT_NOUNS))} in ${city}: what the ${country === 'France' ? 'French' : 'regional'} experts learned about ${topic} and the protection of victims`;
    return this.rng.pick([
      `${country}: ${topic} under scrutiny`,
      `The ${city} ${this.rng.pick(EVENT_NOUNS)} on ${topic}`,
      `${cap(topic)} in South-East Europe`,
      `A new strategy against ${topic} in ${country}`,
    ]);
  }

  /** A kicker and a title that starts with a lower-case word. */
  kickerTitle(): { kicker: string; title: string } {
    const [city, country] = this.city();
    return this.rng.pick([
      { kicker: 'Focus on…', title: `the joint action days against ${this.rng.pick(TOPICS)} in ${country}` },
      { kicker: 'Return to…', title: `the ${this.rng.pick(EVENT_NOUNS)} held in ${city} on ${this.rng.pick(TOPICS)}` },
      { kicker: 'Three questions to…', title: `the national coordinator of ${country}` },
      { kicker: 'A closer look at…', title: `${this.rng.pick(TOPICS)} in the courts of ${country}` },
    ]);
  }
}
