/**
 * The missing-words hint (main/services/search/search-results.node.ts): a lexicon term's English
 * words are concepts of their own, each typed as the term's French words (#28), so the typed words
 * came once for each of them.
 */
import { describe, expect, it } from 'vitest';
import { outcomeHint, type Candidate } from '../../main/services/search/search-results.node';
import type { Compiled } from '../../db/search/search-rank.std';

describe('the hint naming the words nothing answered', () => {
  it('names a term’s typed words once, however many concepts it was read into', () => {
    // Concept 0 (« victimes ») is answered; 1 and 2 (« droits homme »: human, rights) are not.
    const compiled = { lookup: (t: string) => ({ mask: t === 'victim' ? 1 : 0, slots: [] }) } as unknown as Compiled;
    const hit = { matched: ['victim'], coverage: 1 } as unknown as Candidate;
    const hint = outcomeHint(
      { query: "victimes droits de l'homme", sort: 'relevance' } as never,
      [hit],
      [hit],
      compiled,
      ['victimes', 'droits homme', 'droits homme'],
      new Map(),
    );
    expect(hint?.hintId).toBe('search.missing');
    expect(hint?.hintParams).toEqual({ query: 'droits homme' });
  });
});
