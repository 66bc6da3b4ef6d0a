/**
 * Dates as the newsletters write them ("5-7 June 2018", "17 -21 September", "31 May - 1 June",
 * "26, 27 and 28 January of this year", "7 to 12 mars 2021", "13 and 14 April 2021",
 * "December 2018", "30 March to 2 April 2023"), read into ISO start and end dates. Where the text
 * gives no year, the issue's year is used (or the year before, for a month after the issue's), and the result says so.
 */
const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  janvier: 1,
  février: 2,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
};
const MONTH = `(${Object.keys(MONTHS).join('|')})`;
const DAY = '(\\d{1,2})';
const YEAR = '(?:\\s+(\\d{4})|\\s+of\\s+this\\s+year)?';

export interface DateSpan {
  /** The words of the text that state the date. */
  text: string;
  index: number;
  start: string;
  end: string;
  /** No year in the text: it was taken from the issue. */
  yearInferred: boolean;
  /** Only a month is given, no day. */
  monthOnly: boolean;
}

const PATTERNS: {
  re: RegExp;
  read: (m: RegExpExecArray) => {
    d1: string | null;
    m1: string;
    d2: string | null;
    m2: string | null;
    y: string | null;
  };
}[] = [
  // 31 May - 1 June[, 2018], 30 March to 2 April 2023, 29 mai au 2 juin
  {
    re: new RegExp(`\\b${DAY}\\s+${MONTH}(?:\\s*[-–]\\s*|\\s+(?:to|au)\\s+)${DAY}\\s+${MONTH}${YEAR}`, 'giu'),
    read: (m) => ({ d1: m[1]!, m1: m[2]!, d2: m[3]!, m2: m[4]!, y: m[5] ?? null }),
  },
  // 5-7 June 2018, 17 -21 September, 7 to 12 mars 2021, 13 and 14 April, 26, 27 and 28 January
  {
    re: new RegExp(
      `\\b${DAY}(?:\\s*(?:-|–|to|and)\\s*|,\\s*\\d{1,2},?\\s*(?:and)?\\s*|,\\s*\\d{1,2}\\s+and\\s+)${DAY}\\s+${MONTH}${YEAR}`,
      'giu',
    ),
    read: (m) => ({ d1: m[1]!, m1: m[3]!, d2: m[2]!, m2: null, y: m[4] ?? null }),
  },
  // 17 December[ 2020]
  {
    re: new RegExp(`\\b${DAY}\\s+${MONTH}${YEAR}`, 'giu'),
    read: (m) => ({ d1: m[1]!, m1: m[2]!, d2: null, m2: null, y: m[3] ?? null }),
  },
  // December 2018
  {
    re: new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'giu'),
    read: (m) => ({ d1: null, m1: m[1]!, d2: null, m2: null, y: m[2]! }),
  },
];

const pad = (n: number) => String(n).padStart(2, '0');

/** All dates in a text, longest readings first where they overlap. */
export function datesIn(text: string, issueYear: number, issueMonth: number | null): DateSpan[] {
  const found: DateSpan[] = [];
  const taken: [number, number][] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const from = m.index;
      const to = from + m[0].length;
      if (taken.some(([a, b]) => from < b && to > a)) continue;
      const r = read(m);
      const m1 = MONTHS[r.m1.toLowerCase()]!;
      const m2 = r.m2 ? MONTHS[r.m2.toLowerCase()]! : m1;
      let year = r.y ? Number(r.y) : issueYear;
      const yearInferred = !r.y && !/of\s+this\s+year/i.test(m[0]);
      // A month later than the issue's, without a year, is last year's (a report of "17 December" in March).
      if (yearInferred && issueMonth !== null && m1 > issueMonth + 1) year = issueYear - 1;
      const d1 = r.d1 ? Number(r.d1) : 1;
      const d2 = r.d2 ? Number(r.d2) : r.d1 ? d1 : new Date(Date.UTC(year, m2, 0)).getUTCDate();
      if (d1 > 31 || d2 > 31) continue;
      found.push({
        text: m[0],
        index: from,
        start: `${year}-${pad(m1)}-${pad(d1)}`,
        end: `${year}-${pad(m2)}-${pad(d2)}`,
        yearInferred,
        monthOnly: !r.d1,
      });
      taken.push([from, to]);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
