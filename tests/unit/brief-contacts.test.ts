/** An issue brief's contacts by owner, pure (renderer/src/print/brief-contacts.std.ts, #25). */
import { describe, expect, it } from 'vitest';
import { contactsByOwner } from '../../renderer/src/print/brief-contacts.std';

const contact = (key: string, name: string, owner: string) => ({ key, name, data: { owner } });

describe('contactsByOwner', () => {
  it('gives each owner one line, in the order the issue first names them, with their contacts in order', () => {
    const contacts = [
      contact('c1', 'anti-trafficking@example.org', 'French Embassy'),
      contact('c2', 'ana@example.org', 'Ana Petrova'),
      contact('c3', '@embassy', 'French Embassy'),
    ];
    expect(contactsByOwner(contacts).map(([owner, list]) => [owner, list.map((c) => c.key)])).toEqual([
      ['French Embassy', ['c1', 'c3']],
      ['Ana Petrova', ['c2']],
    ]);
  });

  it('gives nothing for no contact', () => {
    expect(contactsByOwner([])).toEqual([]);
  });
});
