/** The catalogue of main's messages: whole in both languages, and the one main actually uses. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatMessage,
  inLanguage,
  isMessageId,
  localised,
  MESSAGES,
  saysNothingChanged,
  type MessageId,
} from '../../common/contract/messages.std';

const ROOT = join(__dirname, '..', '..');
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ts$/.test(name))
    .map((name) => readFileSync(join(ROOT, dir, name), 'utf8'));

describe('main’s messages', () => {
  const ids = Object.keys(MESSAGES) as MessageId[];

  it.each(ids)('%s is in English and in French, with the same parameters', (id) => {
    const { en, fr } = MESSAGES[id];
    expect(fr).not.toBe(en);
    expect(fr.trim().length).toBeGreaterThan(0);
    expect(placeholders(fr)).toEqual(placeholders(en));
  });

  it.each(ids)('%s is in French typography: a space before : ; ? and !', (id) => {
    const fr = MESSAGES[id].fr.replace(/\{\{\w+\}\}/g, 'x');
    expect([...fr.matchAll(/[^\s\u00a0\u202f]([:;?!])/g)].map((m) => m[0])).toEqual([]);
  });

  it('are each used by main, and main uses none that is not catalogued', () => {
    // The pipeline (db/) names the reasons a file is refused, said inside main's refusals.
    const code = [...sources('main'), ...sources('db')].join('\n');
    // Main names a message by its id, through localised() or one of its own helpers (say, notice,
    // hintOf, fileName, catalogued, new PackError; an error's fromCatalogue takes its kind first).
    const asked = [
      ...[...code.matchAll(/\b(?:localised|say|notice|hintOf|fileName|catalogued|new PackError)\('([\w.-]+)'/g)].map(
        (m) => m[1]!,
      ),
      ...[...code.matchAll(/\bfromCatalogue\('[\w-]+', '([\w.-]+)'/g)].map((m) => m[1]!),
    ];
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((id) => !isMessageId(id))).toEqual([]);
    // Every id appears in main's code as a string (some are picked in a table or a condition).
    const quoted = new Set([...code.matchAll(/'([\w.-]+)'/g)].map((m) => m[1]!));
    expect(ids.filter((id) => !quoted.has(id))).toEqual([]);
  });

  it('say a reason that names its own message in the page’s language, and any other parameter as sent', () => {
    const refusal = localised('import.no-issue', {
      reason: 'no year is stated in the text',
      reasonId: 'reason.no-year',
    });
    expect(inLanguage(refusal, 'fr')).toBe(
      'Aucun numéro de la lettre d’information n’a pu être lu dans ce fichier : aucune année n’est indiquée dans le texte.',
    );
    const opening = localised('import.not-text', {
      reason: 'x',
      reasonId: 'reason.file-too-large',
      size: '9',
      max: '5',
    });
    expect(opening.message).toBe(
      'The file is 9 bytes, over the 5-byte limit: Valise imports a newsletter as a PDF, as text, or as a .valise pack.',
    );
    expect(inLanguage(opening, 'fr')).toMatch(/^Le fichier fait 9 octets, au-delà de la limite de 5 octets : Valise/);
    // Only a reason nests: another message named by a peer is not said inside this one.
    const pack = {
      messageId: 'import.no-issue',
      message: '',
      params: { reason: 'as sent', reasonId: 'pack.not-signed' },
    };
    expect(inLanguage(pack, 'fr')).toMatch(/ : as sent\.$/);
    // An id the catalogue does not hold (sent by another version) leaves the reason as sent.
    const unknown = {
      messageId: 'import.no-issue',
      message: '',
      params: { reason: 'as sent', reasonId: 'reason.gone' },
    };
    expect(inLanguage(unknown, 'fr')).toMatch(/ : as sent\.$/);
  });

  it('cross as English text with the id and parameters the page shows in French', () => {
    const sent = localised('db.recovered', {
      reason: 'integrity_check failed',
      damagedFile: '/data/valise-user.damaged.sqlite',
      backupDate: '2026-11-01',
    });
    expect(sent.message).toBe(
      'Your bookmarks database was damaged (integrity_check failed). It was moved to /data/valise-user.damaged.sqlite, and the backup of 2026-11-01 was restored.',
    );
    expect(inLanguage(sent, 'fr')).toBe(
      'Votre base de signets était endommagée (integrity_check failed). Elle a été déplacée vers /data/valise-user.damaged.sqlite, et la sauvegarde du 2026-11-01 a été restaurée.',
    );
    expect(inLanguage({ message: 'Sent by an older main.' }, 'fr')).toBe('Sent by an older main.');
    expect(inLanguage({ message: 'x', messageId: 'no.such.id' }, 'fr')).toBe('x');
    expect(formatMessage('db.unwritable', { dir: '/d' }, 'en')).toContain('({{reason}})');
  });
});

describe('saysNothingChanged', () => {
  it('is true of every pack refusal, which ends by saying so, and of no other message asked about', () => {
    const packIds = (Object.keys(MESSAGES) as MessageId[]).filter((id) => id.startsWith('pack.'));
    expect(packIds.length).toBeGreaterThan(10);
    for (const id of packIds) expect(saysNothingChanged(id), id).toBe(true);
    for (const id of ['import.not-pdf', 'import.title-not-in-text', 'search.nothing'])
      expect(saysNothingChanged(id), id).toBe(false);
    expect(saysNothingChanged(undefined)).toBe(false);
    expect(saysNothingChanged('no.such-message')).toBe(false);
  });
});
