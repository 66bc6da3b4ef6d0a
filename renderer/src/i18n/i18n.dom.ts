/** i18next with the English strings as keys: English needs no table, French has fr.dom.ts. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { fr } from './fr.dom';

export type Language = 'en' | 'fr';

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: {} }, fr: { translation: fr } },
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnEmptyString: false,
});

export const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR' };
export default i18n;
