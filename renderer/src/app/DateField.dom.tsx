/**
 * A date typed the way the interface's language writes it: day, month by its name, year, in the
 * order the language puts them (« 9 janvier 2018 »). The browser's own date input follows the
 * system's locale whatever the page's language (mm/dd/yyyy on an English system, in the French
 * interface too), so the trip's dates use this field instead. Its value is an ISO day, or null
 * until day, month and year are all given; a day the month does not have is not offered.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDayOrNull } from '../../../common/content/event-dates.std';
import { useSettings } from './Settings.dom';

type Part = 'day' | 'month' | 'year';

/** The order of day, month and year in the locale's own long date. */
function partOrder(locale: string): Part[] {
  const parts = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(new Date(Date.UTC(2000, 0, 2)));
  return parts.map((p) => p.type).filter((type): type is Part => type === 'day' || type === 'month' || type === 'year');
}

/** The months' names in the locale, January first. */
function monthNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2000, i, 1))));
}

const daysIn = (year: string, month: string) =>
  month ? new Date(Date.UTC(Number(year) || 2000, Number(month), 0)).getUTCDate() : 31;
const pad = (n: number | string) => String(n).padStart(2, '0');

interface Parts {
  day: string;
  month: string;
  year: string;
}

const partsOf = (iso: string | null): Parts => {
  const [year = '', month = '', day = ''] = iso ? iso.split('-') : [];
  return { day: day ? String(Number(day)) : '', month: month ? String(Number(month)) : '', year };
};

/** The ISO day the parts make, or null while one is missing or the day is not in the month. */
export function isoOf(parts: Parts): string | null {
  if (!parts.day || !parts.month || !/^\d{4}$/.test(parts.year)) return null;
  if (Number(parts.day) > daysIn(parts.year, parts.month)) return null;
  return isoDayOrNull(`${parts.year}-${pad(parts.month)}-${pad(parts.day)}`);
}

export function DateField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | null;
  onChange: (iso: string | null) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const [parts, setParts] = useState<Parts>(() => partsOf(value));
  // A value from outside (the URL, a reload) replaces what is typed, unless it is what was typed.
  useEffect(() => {
    setParts((current) => (isoOf(current) === value ? current : partsOf(value)));
  }, [value]);
  const months = useMemo(() => monthNames(locale), [locale]);
  const order = useMemo(() => partOrder(locale), [locale]);
  const change = (part: Part, text: string) => {
    const next = { ...parts, [part]: text };
    setParts(next);
    const iso = isoOf(next);
    if (iso !== value) onChange(iso);
  };
  const controls: Record<Part, React.ReactNode> = {
    day: (
      <select key="day" aria-label={t('Day')} value={parts.day} onChange={(e) => change('day', e.target.value)}>
        <option value="">{t('day')}</option>
        {Array.from({ length: daysIn(parts.year, parts.month) }, (_, i) => (
          <option key={i + 1} value={String(i + 1)}>
            {i + 1}
          </option>
        ))}
      </select>
    ),
    month: (
      <select key="month" aria-label={t('Month')} value={parts.month} onChange={(e) => change('month', e.target.value)}>
        <option value="">{t('month')}</option>
        {months.map((name, i) => (
          <option key={name} value={String(i + 1)}>
            {name}
          </option>
        ))}
      </select>
    ),
    year: (
      <input
        key="year"
        aria-label={t('Year')}
        inputMode="numeric"
        pattern="[0-9]{4}"
        maxLength={4}
        size={5}
        placeholder={t('year')}
        value={parts.year}
        onChange={(e) => change('year', e.target.value.replace(/\D/g, '').slice(0, 4))}
      />
    ),
  };
  return (
    <fieldset className="date-field" aria-label={label} data-value={value ?? ''}>
      <legend>{label}</legend>
      {order.map((part) => controls[part])}
    </fieldset>
  );
}
