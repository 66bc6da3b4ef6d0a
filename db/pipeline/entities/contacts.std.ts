/**
 * Contacts: e-mail addresses, social-media handles and postal addresses, each with its owner,
 * the person or office named first in the same contact block.
 */
export interface ContactFact {
  kind: 'email' | 'handle' | 'address';
  value: string;
  owner: string;
  paragraphKey: string;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const HANDLE = /(?<![\w.])@[A-Za-z0-9_]{2,30}\b/g;
const ADDRESS = /^[\p{L}\d .,'’-]*\d[\p{L}\d .,'’-]*,\s*\d{4,5},?\s*[\p{L} ]+(\([\p{L} ]+\))?$/u;

export function contactsIn(p: { key: string; kind: string; text: string }): ContactFact[] {
  const lines = p.text.split('\n');
  const owner = p.kind === 'contact' ? ownerOf(lines) : null;
  const facts: ContactFact[] = [];
  for (const line of lines) {
    for (const m of line.matchAll(EMAIL))
      facts.push({ kind: 'email', value: m[0], owner: owner ?? '', paragraphKey: p.key });
    for (const m of line.replace(EMAIL, ' ').matchAll(HANDLE))
      facts.push({ kind: 'handle', value: m[0], owner: owner ?? '', paragraphKey: p.key });
    if (p.kind === 'contact' && ADDRESS.test(line.trim()))
      facts.push({ kind: 'address', value: line.trim(), owner: owner ?? '', paragraphKey: p.key });
  }
  return facts.filter((f) => f.owner !== '' || p.kind !== 'contact');
}

/** A contact block opens with its owner: a person's name, or an office over one or two lines. */
function ownerOf(lines: string[]): string {
  const head: string[] = [];
  for (const line of lines) {
    if (EMAIL.test(line) || /^@/.test(line) || ADDRESS.test(line)) break;
    EMAIL.lastIndex = 0;
    head.push(line);
  }
  EMAIL.lastIndex = 0;
  if (/^(Mr|Ms|Mrs|M)\.?\s/.test(head[0] ?? '')) return head[0]!;
  return head.join(' ');
}
