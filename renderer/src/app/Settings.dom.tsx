/** Theme, text size and interface language: applied at once and kept across runs. */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import i18n, { LOCALES, loadStrings, type Language } from '../i18n/i18n.dom';
import { api } from '../api/client.dom';
import { afterFirstScreen } from './first-screen.dom';
import { loadPlaceNames } from '../format/place-names.dom';

export type Theme = 'light' | 'dark' | 'system';
export type TextSize = 'small' | 'normal' | 'large' | 'larger';

export interface Settings {
  theme: Theme;
  textSize: TextSize;
  language: Language;
}

const KEY = 'valise.settings';
const DEFAULTS: Settings = { theme: 'system', textSize: 'normal', language: 'en' };

/**
 * The language of a first launch, before anything is chosen: the system's (`navigator.languages`,
 * which Electron and Chromium take from the system's locale) when it is French, else English.
 */
export function systemLanguage(languages: readonly string[]): Language {
  // The first of the system's languages that the interface speaks.
  const first = languages.find((l) => /^(fr|en)\b/i.test(l));
  return first && /^fr\b/i.test(first) ? 'fr' : 'en';
}
const SCALE: Record<TextSize, string> = { small: '0.9', normal: '1', large: '1.12', larger: '1.25' };

/** The settings saved, or a first launch's. */
export function savedSettings(): Settings {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Settings>;
    return {
      theme: ['light', 'dark', 'system'].includes(saved.theme ?? '') ? saved.theme! : DEFAULTS.theme,
      textSize: ['small', 'normal', 'large', 'larger'].includes(saved.textSize ?? '')
        ? saved.textSize!
        : DEFAULTS.textSize,
      language:
        saved.language === 'fr' || saved.language === 'en'
          ? saved.language
          : systemLanguage(navigator.languages ?? [navigator.language]),
    };
  } catch {
    return { ...DEFAULTS, language: systemLanguage(navigator.languages ?? [navigator.language]) };
  }
}

/**
 * Draws the theme and the text size on the page, and keeps the settings for the next run; what is
 * already so is left as it is. The bootstrap calls it before the first render (#26): the first
 * frame is drawn in the saved theme and size, not in the default ones with the whole page's style
 * computed again once the provider has mounted (a light frame, then dark, for a dark theme), and
 * a launch does not write back the settings it has just read.
 */
export function applySettings(settings: Settings): void {
  const root = document.documentElement;
  if (root.dataset.theme !== settings.theme) root.dataset.theme = settings.theme;
  const scale = SCALE[settings.textSize];
  if (root.style.getPropertyValue('--text-scale') !== scale) root.style.setProperty('--text-scale', scale);
  const kept = JSON.stringify(settings);
  try {
    if (localStorage.getItem(KEY) !== kept) localStorage.setItem(KEY, kept);
  } catch {
    // Storage refused (full, or turned off): the settings apply to this run only.
  }
}

/**
 * Everything the interface needs to show in the language (its strings, its place names), loaded
 * if it is not yet, then switched to. The bootstrap waits for it before the first render, so that
 * a French interface never shows English first.
 */
export async function prepareLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/** Loads a language's strings and place names without switching to it. */
async function loadLanguage(language: Language): Promise<void> {
  // A chunk that cannot be fetched leaves English strings and the archive's names: the page still works.
  await Promise.all([loadPlaceNames(language), loadStrings(language).catch(() => {})]);
}

const Context = createContext<{ settings: Settings; update(change: Partial<Settings>): void; locale: string } | null>(
  null,
);

/** `initial`: the settings the bootstrap read and applied (savedSettings, applySettings); read here if not given. */
export function SettingsProvider({ children, initial }: { children: ReactNode; initial?: Settings }) {
  const [settings, setSettings] = useState<Settings>(() => initial ?? savedSettings());
  // The language the interface shows: a new one only once its strings and place names are loaded,
  // so that nothing computed from the locale meanwhile keeps the old language's names.
  const [shown, setShown] = useState<Language>(settings.language);
  useEffect(() => applySettings(settings), [settings]);
  useEffect(() => {
    // The bootstrap has switched to the saved language before the first render (prepareLanguage):
    // switching again would re-render every translated component once more, before the first
    // screen is ready (#26).
    if (i18n.language === settings.language && document.documentElement.lang === settings.language) return;
    let current = true;
    // Switched only if no other language was chosen while this one loaded.
    void loadLanguage(settings.language).then(async () => {
      if (!current) return;
      await i18n.changeLanguage(settings.language);
      document.documentElement.lang = settings.language;
      setShown(settings.language);
    });
    return () => {
      current = false;
    };
  }, [settings.language]);
  // Main shows its own words too (native menus, dialogs, the file names it proposes): tell it the
  // language at start and on each change. An older main without the channel is no reason to fail.
  // At start, once the first screen is shown (app/first-screen.dom.ts).
  useEffect(() => {
    void afterFirstScreen()
      .then(() => api.app.setLanguage({ language: settings.language }))
      .catch(() => {});
  }, [settings.language]);
  const value = useMemo(
    () => ({
      settings,
      update: (change: Partial<Settings>) => setSettings((s) => ({ ...s, ...change })),
      locale: LOCALES[shown],
    }),
    [settings, shown],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSettings() {
  const value = useContext(Context);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}
