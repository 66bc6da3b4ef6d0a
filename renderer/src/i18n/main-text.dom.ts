/**
 * What main says (refusals, hints, notices), shown in the interface language: main sends the
 * English text with the catalogue id (common/contract/messages.std.ts), and the page picks the language.
 */
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../common/contract/errors.std';
import { inLanguage, type LocalisedMessage, type MessageLanguage } from '../../../common/contract/messages.std';

export function messageLanguage(language: string): MessageLanguage {
  return language.startsWith('fr') ? 'fr' : 'en';
}

/** An error's text in the language: main's catalogued words when it said which, else as sent. */
export function errorText(error: unknown, language: MessageLanguage): string {
  if (error instanceof ContractError) return inLanguage({ message: error.message, ...error.localised }, language);
  return error instanceof Error ? error.message : String(error);
}

/** `say(message)` and `sayError(error)` in the current interface language. */
export function useMainText() {
  const { i18n } = useTranslation();
  const language = messageLanguage(i18n.language);
  return {
    say: (message: LocalisedMessage) => inLanguage(message, language),
    sayError: (error: unknown) => errorText(error, language),
  };
}
