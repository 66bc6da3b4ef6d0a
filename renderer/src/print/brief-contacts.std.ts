/** An issue brief's contacts (IssueBrief.dom.tsx), pure: one line per owner, in the order the issue first gives each. */

export interface ContactFact {
  key: string;
  name: string;
  data: Record<string, unknown>;
}

/** The contacts grouped by their owner (`data.owner`), owners in order of first appearance, each owner's contacts in the order. */
export function contactsByOwner<C extends ContactFact>(contacts: readonly C[]): [owner: string, contacts: C[]][] {
  const owners = [...new Set(contacts.map((c) => String(c.data.owner)))];
  return owners.map((owner) => [owner, contacts.filter((c) => c.data.owner === owner)]);
}
