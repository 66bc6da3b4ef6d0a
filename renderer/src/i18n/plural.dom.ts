/**
 * Which of a key's two forms a number takes, by the interface language's own plural rule
 * (Intl.PluralRules): English says “0 bookmarks”, French « 0 signet ». The keys stay literal at
 * each call (`t(isOne(n) ? '{{count}} bookmark' : '{{count}} bookmarks', { count: n })`), so the
 * catalogue test sees both.
 */
import { useMemo } from 'react';
import { useSettings } from '../app/Settings.dom';

export function useIsOne(): (count: number) => boolean {
  const { locale } = useSettings();
  return useMemo(() => {
    const rules = new Intl.PluralRules(locale);
    return (count: number) => rules.select(count) === 'one';
  }, [locale]);
}
