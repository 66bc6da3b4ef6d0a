/**
 * i18next with the English strings as keys: English needs no table, French has fr.dom.ts, loaded
 * (its own chunk) only when French is the interface's language (#26).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { mark } from '../app/timing.dom';

export type Language = 'en' | 'fr';

mark('i18n-start');
void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: {} } },
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnEmptyString: false,
});
mark('i18n-ready');

export const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR' };
export default i18n;

/** Makes the language's strings ready: French's are fetched the first time. */
export async function loadStrings(language: Language): Promise<void> {
  if (language === 'fr' && !i18n.hasResourceBundle('fr', 'translation')) {
    const { fr } = await import('./fr.dom');
    i18n.addResourceBundle('fr', 'translation', fr);
  }
}
