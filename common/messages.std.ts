/**
 * What main tells the user in its own words (database notices, refusals), in both interface
 * languages: one catalogue for main, which sends the English text and the message's id and
 * parameters, and for the renderer, which shows it in the chosen language. A parameter is data
 * (a path, a date, a technical reason), never translated.
 */
export type MessageLanguage = 'en' | 'fr';

export const MESSAGES = {
  'db.recovered': {
    en: 'Your bookmarks database was damaged ({{reason}}). It was moved to {{damagedFile}}, and the backup of {{backupDate}} was restored.',
    fr: 'Votre base de signets était endommagée ({{reason}}). Elle a été déplacée vers {{damagedFile}}, et la sauvegarde du {{backupDate}} a été restaurée.',
  },
  'db.started-empty': {
    en: 'Your bookmarks database was damaged ({{reason}}) and no good backup was found. It was moved to {{damagedFile}}; Valise started with no bookmarks.',
    fr: 'Votre base de signets était endommagée ({{reason}}) et aucune sauvegarde intacte n’a été trouvée. Elle a été déplacée vers {{damagedFile}} ; Valise a démarré sans signets.',
  },
  'db.restore-resumed': {
    en: 'Valise stopped while it was restoring your bookmarks from a backup. The backup of {{backupDate}} was restored again.',
    fr: 'Valise s’est arrêtée pendant la restauration de vos signets depuis une sauvegarde. La sauvegarde du {{backupDate}} a été restaurée à nouveau.',
  },
  'db.newer-version': {
    en: 'Your bookmarks were saved by a newer version of Valise. They are shown, but cannot be changed here: update Valise to edit them.',
    fr: 'Vos signets ont été enregistrés par une version plus récente de Valise. Ils sont affichés, mais ne peuvent pas être modifiés ici : mettez Valise à jour pour les modifier.',
  },
  'db.unwritable': {
    en: 'Valise cannot write to your data folder {{dir}} ({{reason}}). Your bookmarks are shown, but changes cannot be saved until the folder can be written.',
    fr: 'Valise ne peut pas écrire dans votre dossier de données {{dir}} ({{reason}}). Vos signets sont affichés, mais aucune modification ne peut être enregistrée tant que ce dossier n’est pas accessible en écriture.',
  },
  'library.unreadable-issue': {
    en: 'The imported issue “{{title}}” ({{file}}) cannot be read by this version of Valise ({{reason}}). It is kept in your library, but not shown; import its file again to read it.',
    fr: 'Le numéro importé « {{title}} » ({{file}}) ne peut pas être lu par cette version de Valise ({{reason}}). Il reste dans votre bibliothèque, mais n’est pas affiché ; importez à nouveau son fichier pour le lire.',
  },
  'library.rebuilding': {
    en: 'This version of Valise reads imported issues better: rebuilding them, {{done}} of {{total}} done. Until then they read as before.',
    fr: 'Cette version de Valise lit mieux les numéros importés : reconstruction en cours, {{done}} sur {{total}}. D’ici là, ils se lisent comme avant.',
  },
  'error.disk-full': {
    en: 'Your disk is full, so this change was not saved. Everything saved before is safe; free some space and try again.',
    fr: 'Votre disque est plein : cette modification n’a pas été enregistrée. Tout ce qui était enregistré auparavant est intact ; libérez de la place et réessayez.',
  },
} as const satisfies Record<string, Record<MessageLanguage, string>>;

export type MessageId = keyof typeof MESSAGES;
export type MessageParams = Record<string, string>;

/** A message as it crosses from main: the English text, and what lets the page show it in French. */
export interface LocalisedMessage {
  message: string;
  /** A MessageId; a string on the wire, checked with isMessageId before use. */
  messageId?: string;
  params?: MessageParams;
}

export function isMessageId(value: unknown): value is MessageId {
  return typeof value === 'string' && Object.hasOwn(MESSAGES, value);
}

/** The message in a language; a placeholder with no parameter stays visible rather than vanishing. */
export function formatMessage(id: MessageId, params: MessageParams, language: MessageLanguage): string {
  return MESSAGES[id][language].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => params[name] ?? whole);
}

/** What main sends: the English text with its id and parameters. */
export function localised(id: MessageId, params: MessageParams = {}): Required<LocalisedMessage> {
  return { message: formatMessage(id, params, 'en'), messageId: id, params };
}

/** What the page shows: the message in its language when main said which one it is, else as sent. */
export function inLanguage(message: LocalisedMessage, language: MessageLanguage): string {
  return isMessageId(message.messageId) ? formatMessage(message.messageId, message.params ?? {}, language) : message.message;
}
