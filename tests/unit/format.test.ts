/**
 * Dates in the reader's language (renderer/src/format/format.dom.ts): French writes the first of a
 * month as « 1er » (Intl writes « 1 ») and puts a space before a semicolon; English does neither.
 */
import { describe, expect, it } from 'vitest';
import {
  dateRange,
  dayLabel,
  eventTitle,
  issueDateLabel,
  momentDayLabel,
  semicolon,
} from '../../renderer/src/format/format.dom';

describe('the first of a month', () => {
  it('is « 1er » in French, alone or opening a range, and only the first', () => {
    expect(dayLabel('2018-09-01', 'fr-FR')).toBe('1er septembre 2018');
    expect(dayLabel('2018-09-11', 'fr-FR')).toBe('11 septembre 2018');
    expect(dayLabel('2018-09-21', 'fr-FR')).toBe('21 septembre 2018');
    // ICU versions differ on the spaces around a range's dash (thin in Node 22, none in Chromium).
    expect(dateRange('2018-10-01', '2018-10-03', 'fr-FR')).toMatch(/^1er\s?–\s?3 octobre 2018$/u);
    expect(dateRange('2018-09-29', '2018-10-01', 'fr-FR')).toMatch(/^29 septembre\s?–\s?1er octobre 2018$/u);
  });

  it('stays a plain number in English', () => {
    expect(dayLabel('2018-09-01', 'en-GB')).toBe('1 September 2018');
    expect(dateRange('2018-10-01', '2018-10-03', 'en-GB')).toMatch(/^1\s?–\s?3 October 2018$/u);
  });
});

describe('a semicolon between notes', () => {
  it('has a space before it in French, none in English', () => {
    expect(['a', 'b'].join(semicolon('fr-FR'))).toBe('a ; b');
    expect(['a', 'b'].join(semicolon('en-GB'))).toBe('a; b');
  });
});

describe('an event title in a print', () => {
  it('opens with a capital, as the Calendar shows it, the rest as printed', () => {
    expect(eventTitle('follow-up to technical cooperation')).toBe('Follow-up to technical cooperation');
    expect(eventTitle('élections in Kosovo')).toBe('Élections in Kosovo');
    expect(eventTitle('UNODC seminar')).toBe('UNODC seminar');
    expect(eventTitle('')).toBe('');
  });
});

describe('an issue’s month and a day on the library’s cards', () => {
  const locales = ['en-GB', 'fr-FR'];
  const months = Array.from({ length: 12 }, (_, i) => i);

  it('read as Intl writes them, every month, in both of the interface’s locales', () => {
    for (const locale of locales)
      for (const month of months) {
        const date = `2018-${String(month + 1).padStart(2, '0')}`;
        const intl = new Date(Date.UTC(2018, month, 1)).toLocaleDateString(locale, {
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        });
        expect(issueDateLabel({ date, year: 2018 }, locale), `${locale} ${date}`).toBe(intl);
        expect(issueDateLabel({ date: `${date}-15`, year: 2018 }, locale)).toBe(intl);
        const moment = new Date(2018, month, month + 1, 12).toISOString();
        const day = new Date(moment).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
        expect(momentDayLabel(moment, locale), `${locale} ${moment}`).toBe(day);
      }
  });

  it('go through Intl in another locale, for a month out of range, and say the year alone when that is all', () => {
    expect(issueDateLabel({ date: '2018-03', year: 2018 }, 'de-DE')).toBe('März 2018');
    expect(issueDateLabel({ date: '2018-13', year: 2018 }, 'en-GB')).toBe('January 2019');
    expect(issueDateLabel({ date: '2018', year: 2018 }, 'en-GB')).toBe('2018');
    expect(issueDateLabel({ date: null, year: 2017 }, 'fr-FR')).toBe('2017');
  });
});
