import type { SearchHit } from '../../../common/contract/contract.std';

/** Where a search hit leads: the article (at the passage), or the entity's page. */
export function hitHref(hit: SearchHit): string {
  if (hit.type === 'section') return `/read/${hit.key}`;
  if (hit.type === 'passage') return `/read/${hit.section}?p=${encodeURIComponent(hit.key)}`;
  return `/entity/${hit.key}`;
}

export const TYPE_LABELS: Record<SearchHit['type'], string> = {
  section: 'Article',
  passage: 'Passage',
  person: 'Person',
  organisation: 'Organisation',
  event: 'Event',
  figure: 'Figure',
  contact: 'Contact',
  document: 'UN document',
  country: 'Country',
};
