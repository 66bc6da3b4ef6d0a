/**
 * What main tells the user in its own words (database notices, refusals), in both interface
 * languages: one catalogue for main, which sends the English text and the message's id and
 * parameters, and for the renderer, which shows it in the chosen language. A parameter is data
 * (a path, a date, a technical reason from a parser), never translated, unless it names its own
 * catalogue message (`reason` with `reasonId`: see formatMessage).
 */
import { capitalised } from '../content/capitalised.std';

export type MessageLanguage = 'en' | 'fr';
export const MESSAGE_LANGUAGES = ['en', 'fr'] as const satisfies readonly MessageLanguage[];

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
  'db.build-damaged': {
    en: 'Part of what Valise keeps of your imported issues is damaged ({{table}}). Your bookmarks are safe; restart Valise to repair it from your backups.',
    fr: 'Une partie de ce que Valise conserve de vos numéros importés est endommagée ({{table}}). Vos signets ne risquent rien ; redémarrez Valise pour la réparer à partir de vos sauvegardes.',
  },
  'library.unreadable-issue': {
    en: 'The imported issue “{{title}}” ({{file}}) cannot be read by this version of Valise ({{reason}}). It is kept in your data folder, but not shown: remove it from the Library, or keep it for a later version.',
    fr: 'Le numéro importé « {{title}} » ({{file}}) ne peut pas être lu par cette version de Valise ({{reason}}). Il reste dans votre dossier de données, mais n’est pas affiché : retirez-le depuis la Bibliothèque, ou gardez-le pour une version ultérieure.',
  },
  'library.rebuilding': {
    en: 'This version of Valise reads imported issues better: rebuilding them, {{done}} of {{total}} done. Until then they read as before.',
    fr: 'Cette version de Valise lit mieux les numéros importés : reconstruction en cours, {{done}} sur {{total}}. D’ici là, ils se lisent comme avant.',
  },
  'error.disk-full': {
    en: 'Your disk is full, so this change was not saved. Everything saved before is safe; free some space and try again.',
    fr: 'Votre disque est plein : cette modification n’a pas été enregistrée. Tout ce qui était enregistré auparavant est intact ; libérez de la place et réessayez.',
  },
  'contract.unknown-channel': {
    en: '“{{name}}” is not a channel of the Valise contract.',
    fr: '« {{name}} » n’est pas un canal du contrat de Valise.',
  },
  'contract.not-plain-data': {
    en: 'Arguments for {{channel}} are not plain data.',
    fr: 'Les arguments de {{channel}} ne sont pas des données simples.',
  },
  'contract.too-large': {
    en: 'Arguments for {{channel}} are {{size}} bytes; the limit is {{max}}.',
    fr: 'Les arguments de {{channel}} font {{size}} octets ; la limite est de {{max}}.',
  },
  'contract.invalid-arguments': {
    en: 'Invalid arguments for {{channel}}: {{detail}}.',
    fr: 'Arguments non valides pour {{channel}} : {{detail}}.',
  },
  'contract.not-from-window': {
    en: 'This request did not come from the Valise window.',
    fr: 'Cette requête ne vient pas de la fenêtre de Valise.',
  },
  'contract.not-from-page': {
    en: 'Requests must come from the Valise page itself.',
    fr: 'Les requêtes doivent venir de la page de Valise elle-même.',
  },
  'contract.request-too-large': {
    en: 'The request is larger than {{max}} bytes.',
    fr: 'La requête dépasse {{max}} octets.',
  },
  'contract.not-json': {
    en: 'The request is not JSON.',
    fr: 'La requête n’est pas du JSON.',
  },
  'search.cut': {
    en: 'Only the first {{max}} characters were searched.',
    fr: 'Seuls les {{max}} premiers caractères ont été cherchés.',
  },
  'search.empty': {
    en: 'Type a word, a name, a place or a date to search.',
    fr: 'Tapez un mot, un nom, un lieu ou une date pour chercher.',
  },
  'search.function-words': {
    en: 'Words such as “de”, “la” or “des” are not searched on their own: add a name, a place or a word of the subject.',
    fr: 'Les mots comme « de », « la » ou « des » ne sont pas cherchés seuls : ajoutez un nom, un lieu ou un mot du sujet.',
  },
  'search.syntax': {
    en: 'The search syntax was not understood; these are plain results.',
    fr: 'La syntaxe de recherche n’a pas été comprise ; voici les résultats d’une recherche simple.',
  },
  'search.nothing': {
    en: 'Nothing found for “{{query}}”. Check the spelling, or try fewer words.',
    fr: 'Aucun résultat pour « {{query}} ». Vérifiez l’orthographe, ou essayez avec moins de mots.',
  },
  'search.look-alike': {
    en: 'Nothing for “{{query}}”; did you mean “{{suggestion}}”?',
    fr: 'Rien pour « {{query}} » ; voulez-vous dire « {{suggestion}} » ?',
  },
  'search.missing': {
    en: 'Nothing for “{{query}}”: these results answer the other words.',
    fr: 'Rien pour « {{query}} » : ces résultats répondent aux autres mots.',
  },
  'search.partial': {
    en: 'No result has all the words in one place; the first ones have {{count}} of {{total}}.',
    fr: 'Aucun résultat ne réunit tous les mots au même endroit ; les premiers en ont {{count}} sur {{total}}.',
  },
  'search.filtered': {
    en: 'Nothing with these filters; without them there are {{count}} results.',
    fr: 'Rien avec ces filtres ; sans eux, il y a {{count}} résultats.',
  },
  'import.too-large': {
    en: 'The file is {{size}} MB; Valise imports files of up to {{max}} MB.',
    fr: 'Le fichier fait {{size}} Mo ; Valise importe des fichiers de {{max}} Mo au plus.',
  },
  'import.pdf-too-large': {
    en: 'The file is {{size}} MB; Valise imports PDFs of up to {{max}} MB.',
    fr: 'Le fichier fait {{size}} Mo ; Valise importe des PDF de {{max}} Mo au plus.',
  },
  'import.not-pdf': {
    en: 'This file is not a PDF (it has no PDF header).',
    fr: 'Ce fichier n’est pas un PDF (il n’a pas d’en-tête PDF).',
  },
  'import.truncated': {
    en: 'This PDF is truncated: its end is missing. Copy the file again and retry.',
    fr: 'Ce PDF est tronqué : sa fin manque. Copiez à nouveau le fichier et réessayez.',
  },
  'import.encrypted': {
    en: 'This PDF is protected by a password. Save an unprotected copy and import that.',
    fr: 'Ce PDF est protégé par un mot de passe. Enregistrez-en une copie non protégée et importez celle-ci.',
  },
  'import.damaged': {
    en: 'This PDF is damaged and cannot be read ({{reason}}).',
    fr: 'Ce PDF est endommagé et ne peut pas être lu ({{reason}}).',
  },
  'import.damaged-page': {
    en: 'Page {{page}} of this PDF is damaged and cannot be read ({{reason}}).',
    fr: 'La page {{page}} de ce PDF est endommagée et ne peut pas être lue ({{reason}}).',
  },
  'import.scan': {
    en: 'This PDF has no text layer: it looks like a scan. Valise reads the text of a PDF and cannot read pictures of pages.',
    fr: 'Ce PDF n’a pas de couche de texte : il ressemble à une numérisation. Valise lit le texte d’un PDF et ne peut pas lire des images de pages.',
  },
  'import.cancelled': {
    en: 'The import was cancelled.',
    fr: 'L’importation a été annulée.',
  },
  'import.not-text': {
    en: '{{reason}}: Valise imports a newsletter as a PDF, as text, or as a .valise pack.',
    fr: '{{reason}} : Valise importe une lettre d’information en PDF, en texte, ou en paquet .valise.',
  },
  // Reasons a file is refused, said as a parameter of import.not-text and import.no-issue
  // (`reasonId`): each in both languages, so that a refusal reads whole in French.
  'reason.file-empty': { en: 'the file is empty', fr: 'le fichier est vide' },
  'reason.file-too-large': {
    en: 'the file is {{size}} bytes, over the {{max}}-byte limit',
    fr: 'le fichier fait {{size}} octets, au-delà de la limite de {{max}} octets',
  },
  'reason.file-binary': {
    en: 'the file is binary (it contains NUL bytes), not text',
    fr: 'le fichier est binaire (il contient des octets NUL), ce n’est pas du texte',
  },
  'reason.file-not-utf8': { en: 'the file is not valid UTF-8 text', fr: 'le fichier n’est pas un texte UTF-8 valide' },
  'reason.file-blank': { en: 'the file holds only white space', fr: 'le fichier ne contient que des espaces' },
  'reason.no-sections': {
    en: 'no recognisable sections (no page opens with a heading)',
    fr: 'aucune section reconnaissable (aucune page ne s’ouvre sur un titre)',
  },
  'reason.no-year': { en: 'no year is stated in the text', fr: 'aucune année n’est indiquée dans le texte' },
  'reason.entity-key-clash': {
    en: 'two different people or organisations named in it come to the same key',
    fr: 'deux personnes ou organisations différentes qui y sont nommées reçoivent la même clé',
  },
  'import.no-issue': {
    en: 'No newsletter issue could be read from this file: {{reason}}.',
    fr: 'Aucun numéro de la lettre d’information n’a pu être lu dans ce fichier : {{reason}}.',
  },
  'import.title-not-in-text': {
    en: 'The title “{{title}}” was refused: a title is made of the issue’s own words, and these are not in its text: {{words}}.',
    fr: 'Le titre « {{title}} » a été refusé : un titre est fait des mots mêmes du numéro, et ceux-ci ne figurent pas dans son texte : {{words}}.',
  },
  'import.organisation-not-in-text': {
    en: 'The organisation “{{name}}” was refused: it does not occur in the text of this issue, and an organisation is named in the issue’s own words.',
    fr: 'L’organisation « {{name}} » a été refusée : elle n’apparaît pas dans le texte de ce numéro, et une organisation est nommée avec les mots mêmes du numéro.',
  },
  'import.pack-as-signed': {
    en: 'A signed pack is imported as it was signed: it cannot be corrected.',
    fr: 'Un paquet signé est importé tel qu’il a été signé : il ne peut pas être corrigé.',
  },
  'import.read-only': {
    en: 'Your library is open read-only (it was written by a newer Valise): nothing can be imported.',
    fr: 'Votre bibliothèque est ouverte en lecture seule (elle a été écrite par une version plus récente de Valise) : rien ne peut être importé.',
  },
  'import.unaccounted': {
    en: '{{count}} words of this file are in no section and were not left out as page furniture: look at them in the review, then confirm to save anyway.',
    fr: '{{count}} mots de ce fichier ne sont dans aucune section et n’ont pas été écartés comme éléments de mise en page : vérifiez-les dans la revue, puis confirmez pour enregistrer quand même.',
  },
  'import.duplicate': {
    en: '“{{title}}” is already in your library. Replace it, or keep both?',
    fr: '« {{title}} » est déjà dans votre bibliothèque. Le remplacer, ou garder les deux ?',
  },
  'import.bundled': {
    en: 'An issue that came with Valise cannot be replaced; keep both instead.',
    fr: 'Un numéro livré avec Valise ne peut pas être remplacé ; gardez plutôt les deux.',
  },
  'import.nothing-to-pack': {
    en: 'There is no imported issue to put in a pack.',
    fr: 'Il n’y a aucun numéro importé à mettre dans un paquet.',
  },
  'import.not-imported-to-pack': {
    en: 'None of these issues was imported: only imported issues go into a pack.',
    fr: 'Aucun de ces numéros n’a été importé : seuls les numéros importés vont dans un paquet.',
  },
  'import.key-too-long': {
    en: "This issue's words make a key of {{length}} characters (“{{start}}…”), longer than Valise takes ({{max}}): shorten the title or the section titles.",
    fr: 'Les mots de ce numéro forment une clé de {{length}} caractères (« {{start}}… »), plus longue que ce que Valise accepte ({{max}}) : raccourcissez le titre ou les titres des rubriques.',
  },
  'import.unreadable': {
    en: 'The file could not be read ({{reason}}).',
    fr: 'Le fichier n’a pas pu être lu ({{reason}}).',
  },
  'import.upload-over': {
    en: 'This upload is over; choose the file again.',
    fr: 'Cet envoi est terminé ; choisissez à nouveau le fichier.',
  },
  'import.chunk-out-of-order': {
    en: 'Chunk {{index}} arrived out of order (expected {{expected}}).',
    fr: 'Le fragment {{index}} est arrivé dans le désordre (le fragment {{expected}} était attendu).',
  },
  'import.larger-than-announced': {
    en: 'The file sent is larger than announced.',
    fr: 'Le fichier envoyé est plus gros qu’annoncé.',
  },
  'import.upload-incomplete': {
    en: "Only {{received}} of the file's {{size}} bytes arrived.",
    fr: 'Seuls {{received}} des {{size}} octets du fichier sont arrivés.',
  },
  'import.job-over': {
    en: 'This import is over.',
    fr: 'Cette importation est terminée.',
  },
  'import.nothing-to-save': {
    en: 'There is no finished import to save; import the file again.',
    fr: 'Il n’y a aucune importation terminée à enregistrer ; importez à nouveau le fichier.',
  },
  'import.not-added': {
    en: 'This issue could not be added to your library, so nothing was saved ({{reason}}). If you added organisations in the review, give each a name or an acronym in Latin letters.',
    fr: 'Ce numéro n’a pas pu être ajouté à votre bibliothèque : rien n’a été enregistré ({{reason}}). Si vous avez ajouté des organisations lors de la revue, donnez à chacune un nom ou un sigle en lettres latines.',
  },
  'import.no-such-imported': {
    en: 'No imported issue has the key “{{key}}”.',
    fr: 'Aucun numéro importé n’a la clé « {{key}} ».',
  },
  'pack.unreadable-signature': {
    en: 'This pack is refused: its signature is not readable (the file may be truncated or damaged). Nothing was changed.',
    fr: 'Ce paquet est refusé : sa signature est illisible (le fichier est peut-être tronqué ou endommagé). Rien n’a été modifié.',
  },
  'pack.unreadable-manifest': {
    en: 'This pack is refused: its manifest is not readable (the file may be truncated or damaged). Nothing was changed.',
    fr: 'Ce paquet est refusé : son manifeste est illisible (le fichier est peut-être tronqué ou endommagé). Rien n’a été modifié.',
  },
  'pack.unreadable-item': {
    en: 'This pack is refused: its issue {{key}} is not readable (the file may be truncated or damaged). Nothing was changed.',
    fr: 'Ce paquet est refusé : son numéro {{key}} est illisible (le fichier est peut-être tronqué ou endommagé). Rien n’a été modifié.',
  },
  'pack.malformed-signature': {
    en: 'This pack is refused: its signature is malformed ({{detail}}). Nothing was changed.',
    fr: 'Ce paquet est refusé : sa signature est mal formée ({{detail}}). Rien n’a été modifié.',
  },
  'pack.malformed-manifest': {
    en: 'This pack is refused: its manifest is malformed ({{detail}}). Nothing was changed.',
    fr: 'Ce paquet est refusé : son manifeste est mal formé ({{detail}}). Rien n’a été modifié.',
  },
  'pack.malformed-item': {
    en: 'This pack is refused: its issue {{key}} is malformed ({{detail}}). Nothing was changed.',
    fr: 'Ce paquet est refusé : son numéro {{key}} est mal formé ({{detail}}). Rien n’a été modifié.',
  },
  'pack.too-large': {
    en: 'This pack is refused: it is larger than {{max}} MB. Nothing was changed.',
    fr: 'Ce paquet est refusé : il dépasse {{max}} Mo. Rien n’a été modifié.',
  },
  'pack.not-text': {
    en: 'This pack is refused: it is not a Valise pack (not text). Nothing was changed.',
    fr: 'Ce paquet est refusé : ce n’est pas un paquet Valise (ce n’est pas du texte). Rien n’a été modifié.',
  },
  'pack.no-header': {
    en: 'This pack is refused: it is not a Valise pack (no pack header). Nothing was changed.',
    fr: 'Ce paquet est refusé : ce n’est pas un paquet Valise (pas d’en-tête de paquet). Rien n’a été modifié.',
  },
  'pack.not-signed': {
    en: 'This pack is refused: it is not signed. Nothing was changed.',
    fr: 'Ce paquet est refusé : il n’est pas signé. Rien n’a été modifié.',
  },
  'pack.untrusted': {
    en: 'This pack is refused: it is signed with key {{keyId}}, which this Valise does not trust. Nothing was changed.',
    fr: 'Ce paquet est refusé : il est signé par la clé {{keyId}}, à laquelle ce Valise ne fait pas confiance. Rien n’a été modifié.',
  },
  'pack.bad-signature': {
    en: 'This pack is refused: its signature does not match its contents (it was changed after it was signed). Nothing was changed.',
    fr: 'Ce paquet est refusé : sa signature ne correspond pas à son contenu (il a été modifié après avoir été signé). Rien n’a été modifié.',
  },
  'pack.incomplete': {
    en: 'This pack is refused: it holds {{held}} of the {{listed}} issues its manifest lists (truncated or altered). Nothing was changed.',
    fr: 'Ce paquet est refusé : il contient {{held}} des {{listed}} numéros que son manifeste énumère (tronqué ou altéré). Rien n’a été modifié.',
  },
  'pack.bad-hash': {
    en: 'This pack is refused: issue {{key}} does not match its signed hash (damaged or altered). Nothing was changed.',
    fr: 'Ce paquet est refusé : le numéro {{key}} ne correspond pas à son empreinte signée (endommagé ou altéré). Rien n’a été modifié.',
  },
  'pack.wrong-item': {
    en: 'This pack is refused: issue {{key}} is not the one its manifest names. Nothing was changed.',
    fr: 'Ce paquet est refusé : le numéro {{key}} n’est pas celui que son manifeste nomme. Rien n’a été modifié.',
  },
  'bookmarks.file-not-json': {
    en: 'This file is not a Valise bookmarks export: it is not JSON.',
    fr: 'Ce fichier n’est pas un export de signets Valise : ce n’est pas du JSON.',
  },
  'bookmarks.file-not-valise': {
    en: 'This file is not a Valise bookmarks export.',
    fr: 'Ce fichier n’est pas un export de signets Valise.',
  },
  'bookmarks.file-newer': {
    en: 'This bookmarks file comes from a newer version of Valise; update Valise to import it.',
    fr: 'Ce fichier de signets vient d’une version plus récente de Valise ; mettez Valise à jour pour l’importer.',
  },
  'bookmarks.file-damaged': {
    en: 'This bookmarks file is damaged: {{detail}}. Nothing was imported.',
    fr: 'Ce fichier de signets est endommagé : {{detail}}. Rien n’a été importé.',
  },
  'bookmarks.no-events': {
    en: 'None of these bookmarks is an event.',
    fr: 'Aucun de ces signets n’est un événement.',
  },
  'calendar.no-events': {
    en: 'None of these is an event in the archive.',
    fr: 'Aucun de ces éléments n’est un événement des archives.',
  },
  'bookmarks.no-contacts': {
    en: 'None of these bookmarks is a person, an organisation or a contact.',
    fr: 'Aucun de ces signets n’est une personne, une organisation ou un contact.',
  },
  'bookmarks.gone': {
    en: 'This bookmark no longer exists.',
    fr: 'Ce signet n’existe plus.',
  },
  'bookmarks.read-only': {
    en: 'Nothing was changed. Your bookmarks are read-only in this session.',
    fr: 'Rien n’a été modifié. Vos signets sont en lecture seule pendant cette session.',
  },
  'content.no-such-key': {
    en: 'Nothing in the archive has the key “{{key}}”.',
    fr: 'Rien dans les archives n’a la clé « {{key}} ».',
  },
  'content.no-such-issue': {
    en: 'No issue has the key “{{key}}”.',
    fr: 'Aucun numéro n’a la clé « {{key}} ».',
  },
  'export.bookmarks-file': {
    en: 'valise-bookmarks-{{date}}.json',
    fr: 'valise-signets-{{date}}.json',
  },
  'export.events-file': {
    en: 'valise-events-{{date}}.ics',
    fr: 'valise-evenements-{{date}}.ics',
  },
  'export.events-calendar': { en: 'Valise — events', fr: 'Valise — événements' },
  'export.bookmarked-events-calendar': { en: 'Valise — bookmarked events', fr: 'Valise — événements en signet' },
  'export.note-label': { en: 'Note: {{note}}', fr: 'Note : {{note}}' },
  'export.handle-label': { en: 'Social media — {{value}}', fr: 'Réseaux sociaux — {{value}}' },
  'export.address-label': { en: 'Address — {{value}}', fr: 'Adresse — {{value}}' },
  'export.issue-label': { en: 'Valise — the newsletter of {{date}}', fr: 'Valise — la lettre de {{date}}' },
  'export.issue-number-label': {
    en: 'Valise — newsletter No. {{number}}, {{date}}',
    fr: 'Valise — lettre n° {{number}}, {{date}}',
  },
  'calendar.only-months': {
    en: 'These events are known only to their month, and a calendar file needs their days: none was written.',
    fr: 'Ces événements ne sont connus qu’au mois près, et un fichier de calendrier a besoin de leurs jours : aucun n’a été écrit.',
  },
  'error.internal': {
    en: 'Valise could not complete this request; the details are in the log.',
    fr: 'Valise n’a pas pu mener à bien cette demande ; les détails sont dans le journal.',
  },
  'startup.archive-title': {
    en: 'Valise cannot open its archive of newsletters',
    fr: 'Valise ne peut pas ouvrir ses archives de la lettre d’information',
  },
  'startup.archive-detail': {
    en: '{{reason}}\n\nReinstall Valise to restore the archive. Your bookmarks are kept in your own folder and are not affected.',
    fr: '{{reason}}\n\nRéinstallez Valise pour rétablir les archives. Vos signets sont gardés dans votre propre dossier et ne sont pas touchés.',
  },
  'startup.failed-title': { en: 'Valise could not start', fr: 'Valise n’a pas pu démarrer' },
  'startup.failed-detail': {
    en: '{{reason}}\n\nYour bookmarks are not affected.',
    fr: '{{reason}}\n\nVos signets ne sont pas touchés.',
  },
  'startup.log': {
    en: '{{detail}}\n\nThe details are in the log:\n{{file}}',
    fr: '{{detail}}\n\nLes détails sont dans le journal :\n{{file}}',
  },
  'export.pack-file': {
    en: 'valise-library-{{date}}.valise',
    fr: 'valise-bibliotheque-{{date}}.valise',
  },
  'menu.file': { en: '&File', fr: '&Fichier' },
  'menu.import': { en: 'Import issue…', fr: 'Importer un numéro…' },
  'menu.export-pack': { en: 'Export imported issues as a pack…', fr: 'Exporter les numéros importés en paquet…' },
  'menu.print': { en: 'Print…', fr: 'Imprimer…' },
  'menu.save-pdf': { en: 'Save as PDF…', fr: 'Enregistrer en PDF…' },
  'menu.export-bookmarks': { en: 'Export bookmarks…', fr: 'Exporter les signets…' },
  'menu.quit': { en: 'Quit', fr: 'Quitter' },
  'menu.edit': { en: '&Edit', fr: '&Édition' },
  'menu.undo': { en: 'Undo', fr: 'Annuler la saisie' },
  'menu.redo': { en: 'Redo', fr: 'Rétablir' },
  'menu.cut': { en: 'Cut', fr: 'Couper' },
  'menu.copy': { en: 'Copy', fr: 'Copier' },
  'menu.paste': { en: 'Paste', fr: 'Coller' },
  'menu.select-all': { en: 'Select All', fr: 'Tout sélectionner' },
  'menu.view': { en: '&View', fr: '&Affichage' },
  'menu.library': { en: 'Library', fr: 'Bibliothèque' },
  'menu.bookmarks': { en: 'Bookmarks', fr: 'Signets' },
  'menu.zoom-in': { en: 'Zoom In', fr: 'Zoom avant' },
  'menu.zoom-out': { en: 'Zoom Out', fr: 'Zoom arrière' },
  'menu.reset-zoom': { en: 'Actual Size', fr: 'Taille réelle' },
  'menu.theme': { en: 'Theme', fr: 'Thème' },
  'menu.theme-light': { en: 'Light', fr: 'Clair' },
  'menu.theme-dark': { en: 'Dark', fr: 'Sombre' },
  'menu.theme-system': { en: 'Follow the system', fr: 'Suivre le système' },
  'menu.full-screen': { en: 'Toggle Full Screen', fr: 'Plein écran' },
  'menu.help': { en: '&Help', fr: '&Aide' },
  'menu.shortcuts': { en: 'Keyboard shortcuts', fr: 'Raccourcis clavier' },
  'menu.about': { en: 'About Valise', fr: 'À propos de Valise' },
  'dialog.about-detail': {
    en: 'Archive version {{version}}\nFight against human trafficking in South-East Europe — the newsletter of the Permanent Mission of France in Vienna, offline.',
    fr: 'Version des archives {{version}}\nFight against human trafficking in South-East Europe — la lettre d’information de la Mission permanente de la France à Vienne, hors ligne.',
  },
  'dialog.save-pdf': { en: 'Save as PDF', fr: 'Enregistrer en PDF' },
  'dialog.export-bookmarks': { en: 'Export bookmarks', fr: 'Exporter les signets' },
  'dialog.bookmarks-filter': { en: 'Valise bookmarks', fr: 'Signets Valise' },
  'dialog.import': { en: 'Import issue', fr: 'Importer un numéro' },
  'dialog.import-filter': {
    en: 'Newsletter (PDF, text, Valise pack)',
    fr: 'Lettre d’information (PDF, texte, paquet Valise)',
  },
  'dialog.all-files': { en: 'All files', fr: 'Tous les fichiers' },
  'dialog.import-too-large': {
    en: '{{file}} is larger than {{max}} MB: Valise does not import it.',
    fr: '{{file}} dépasse {{max}} Mo : Valise ne l’importe pas.',
  },
  'dialog.export-pack': { en: 'Export imported issues as a pack', fr: 'Exporter les numéros importés en paquet' },
  'dialog.pack-filter': { en: 'Valise pack', fr: 'Paquet Valise' },
  'dialog.open-link': { en: 'Open this link in your web browser?', fr: 'Ouvrir ce lien dans votre navigateur web ?' },
  'dialog.open-link-detail': {
    en: '{{url}}\n\nValise works offline; the link needs a network connection.',
    fr: '{{url}}\n\nValise fonctionne hors ligne ; ce lien demande une connexion au réseau.',
  },
  'dialog.open-in-browser': { en: 'Open in browser', fr: 'Ouvrir dans le navigateur' },
  'dialog.cancel': { en: 'Cancel', fr: 'Annuler' },
  'notice.saved-pdf': { en: 'Saved {{file}}', fr: 'Enregistré : {{file}}' },
  'notice.exported-bookmarks': {
    en: 'Exported {{count}} bookmarks to {{file}}',
    fr: '{{count}} signet(s) exporté(s) vers {{file}}',
  },
  'notice.saved-pack': {
    en: 'Saved {{count}} issue(s), signed with key {{signer}}, to {{file}}',
    fr: '{{count}} numéro(s) enregistré(s) dans {{file}}, signé(s) par la clé {{signer}}',
  },
  'startup.user-data': {
    en: 'The data folder {{dir}} (named by VALISE_USER_DATA) cannot be used: {{reason}}',
    fr: 'Le dossier de données {{dir}} (indiqué par VALISE_USER_DATA) ne peut pas être utilisé : {{reason}}',
  },
  'window.failed-title': { en: 'Valise could not show its page', fr: 'Valise n’a pas pu afficher sa page' },
  'window.load-failed': {
    en: 'The page did not load ({{reason}}). Nothing saved is lost.',
    fr: 'La page ne s’est pas chargée ({{reason}}). Rien de ce qui était enregistré n’est perdu.',
  },
  'window.renderer-gone': {
    en: 'The part of Valise that shows the page stopped ({{reason}}). Nothing saved is lost.',
    fr: 'La partie de Valise qui affiche la page s’est arrêtée ({{reason}}). Rien de ce qui était enregistré n’est perdu.',
  },
  'window.reload': { en: 'Reload Valise', fr: 'Recharger Valise' },
  'window.log': { en: 'The details are in the log:', fr: 'Les détails sont dans le journal :' },
  'dialog.replace-file': { en: '{{file}} already exists. Replace it?', fr: '{{file}} existe déjà. Le remplacer ?' },
  'dialog.replace-detail': {
    en: 'The name you typed had no “.{{extension}}”, so Valise added it, and a file of that name is already there.',
    fr: 'Le nom saisi n’avait pas l’extension « .{{extension}} » : Valise l’a ajoutée, et un fichier de ce nom existe déjà.',
  },
  'dialog.replace': { en: 'Replace', fr: 'Remplacer' },
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

/** How a message says that a refused request changed nothing (every pack refusal ends so). */
const SAYS_NOTHING_CHANGED = /\bnothing was (changed|saved)\b/i;

/** Whether a message already says that nothing was changed, so that a screen showing it does not say it twice. */
export function saysNothingChanged(id: string | undefined): boolean {
  return isMessageId(id) && SAYS_NOTHING_CHANGED.test(MESSAGES[id].en);
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;
/** A parameter `x` may name its own message in `xId` (a refusal's reason): it is then said in the same language. */
const NESTED_ID_SUFFIX = 'Id';
/**
 * Only reasons nest: a peer naming any other message (a pack refusal inside an import refusal,
 * say) gets the parameter shown as sent.
 */
const NESTABLE_PREFIX = 'reason.';

function nestable(id: string | undefined): id is MessageId {
  return isMessageId(id) && id.startsWith(NESTABLE_PREFIX);
}

/** The message's text with its parameters filled in; a placeholder with no parameter stays visible rather than vanishing. */
function filled(id: MessageId, params: MessageParams, language: MessageLanguage): string {
  return MESSAGES[id][language].replace(PLACEHOLDER, (whole, name: string) => params[name] ?? whole);
}

/**
 * The message in a language. A parameter whose `…Id` names a catalogue message is said in that
 * language too (only a `reason.…` message, one level deep: the nested message's own placeholders take plain parameters), with
 * a capital when it opens the sentence; any other parameter is data, shown as sent.
 */
export function formatMessage(id: MessageId, params: MessageParams, language: MessageLanguage): string {
  return MESSAGES[id][language].replace(PLACEHOLDER, (whole, name: string, offset: number) => {
    const nestedId = params[name + NESTED_ID_SUFFIX];
    if (!nestable(nestedId)) return params[name] ?? whole;
    const said = filled(nestedId, params, language);
    return offset === 0 ? capitalised(said) : said;
  });
}

/** What main sends: the English text with its id and parameters. */
export function localised(id: MessageId, params: MessageParams = {}): Required<LocalisedMessage> {
  return { message: formatMessage(id, params, 'en'), messageId: id, params };
}

/** What the page shows: the message in its language when main said which one it is, else as sent. */
export function inLanguage(message: LocalisedMessage, language: MessageLanguage): string {
  return isMessageId(message.messageId)
    ? formatMessage(message.messageId, message.params ?? {}, language)
    : message.message;
}
