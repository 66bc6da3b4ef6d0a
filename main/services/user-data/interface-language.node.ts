/**
 * The interface language the user chose in Settings, as main knows it: for what main itself shows
 * (native menus and dialogs, file names it proposes). The page tells main at start and on every
 * change; main keeps the last choice in the user data folder, so the menus of the next start are
 * in that language before the page has loaded.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageLanguage } from '../../../common/contract/messages.std';

const FILE = 'interface-language.json';

export interface InterfaceLanguage {
  get(): MessageLanguage;
  /** Records the choice; listeners hear of it only when it changes. */
  set(language: MessageLanguage): MessageLanguage;
  /** Calls `listener` on each change; returns how to stop. */
  onChange(listener: (language: MessageLanguage) => void): () => void;
}

function readSaved(dir: string): MessageLanguage {
  try {
    const saved = (JSON.parse(readFileSync(join(dir, FILE), 'utf8')) as { language?: unknown }).language;
    return saved === 'fr' ? 'fr' : 'en';
  } catch {
    return 'en';
  }
}

export function interfaceLanguageIn(
  dir: string,
  log: (message: string, error?: unknown) => void = () => {},
): InterfaceLanguage {
  let current = readSaved(dir);
  const listeners = new Set<(language: MessageLanguage) => void>();
  return {
    get: () => current,
    set(language) {
      if (language === current) return current;
      current = language;
      try {
        writeFileSync(join(dir, FILE), JSON.stringify({ language }));
      } catch (error) {
        // Not worth failing the switch: the menus change now, and the page tells main again next start.
        log('could not keep the interface language', error);
      }
      for (const listener of listeners) listener(language);
      return current;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
