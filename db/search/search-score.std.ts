/**
 * Lunr's own scoring of a query of optional terms, over a loaded lunr.Index, without the match
 * data Lunr builds for every posting. lunr.Index.prototype.query allocates, per posting, a
 * lunr.Set entry, a FieldRef and a MatchData (with metadata that Valise never keeps: the index
 * has no metadata whitelist); at 200 issues a query of five common words read ~3,000 postings and
 * those objects were a quarter of its time in the garbage collector. Here, per document: its
 * number, its score and the index terms that matched it.
 *
 * Same scores, same order as Lunr (tests/unit/search-score.test.ts): per field, the query
 * vector sums each term's boosts; a document found in a field scores the dot product of its field
 * vector with it over the query vector's magnitude, summed over the fields it was found in, in
 * Lunr's order of terms; results sorted by score, ties in the order documents were first found.
 */
import lunr from 'lunr';

/** A term of the query, as the index stores it; a prefix is matched by every index term it starts. */
export interface QueryTerm {
  term: string;
  boost: number;
  prefix: boolean;
}

export interface Scored {
  /** The document's ref in the index. */
  ref: string;
  score: number;
  /** The index terms that matched it. */
  terms: string[];
}

/** Parts of lunr.Index that its typings leave out. */
interface Internals {
  fields: string[];
  invertedIndex: Record<string, Record<string, Record<string, unknown>> & { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
  tokenSet: lunr.TokenSet;
}

interface Found extends Scored {
  /** The fields it was found in, as bits. */
  fields: number;
}

const tokenSetOf = (pattern: string): lunr.TokenSet =>
  (lunr.TokenSet as unknown as { fromString(s: string): lunr.TokenSet }).fromString(pattern);

function expand(index: Internals, term: string, prefix: boolean): string[] {
  if (prefix) return index.tokenSet.intersect(tokenSetOf(`${term}*`)).toArray();
  return term in index.invertedIndex ? [term] : [];
}

/** A field vector's weight for a term, found by bisection in its sorted [index, weight, …] elements. */
function weightIn(elements: number[], termIndex: number): number {
  let low = 0;
  let high = elements.length / 2;
  while (low < high) {
    const mid = (low + high) >> 1;
    const at = elements[mid * 2]!;
    if (at === termIndex) return elements[mid * 2 + 1]!;
    if (at < termIndex) low = mid + 1;
    else high = mid;
  }
  return 0;
}

/** Lunr's similarity of a field's query vector (sorted [index, boost] pairs) with a document's field vector. */
function similarity(query: [number, number][], magnitude: number, elements: number[]): number {
  let dot = 0;
  for (const [termIndex, boost] of query) {
    const weight = weightIn(elements, termIndex);
    if (weight !== 0) dot += boost * weight;
  }
  return dot / magnitude || 0;
}

export function scoreTerms(lunrIndex: lunr.Index, terms: Iterable<QueryTerm>): Scored[] {
  const index = lunrIndex as unknown as Internals;
  const { fields, invertedIndex, fieldVectors } = index;
  // Every field's query vector is the same (each term's boost at its index position): built once.
  const boosts = new Map<number, number>();
  const found = new Map<string, Found>();
  const read = new Set<string>();
  for (const { term, boost, prefix } of terms) {
    for (const expanded of expand(index, term, prefix)) {
      const posting = invertedIndex[expanded]!;
      boosts.set(posting._index, (boosts.get(posting._index) ?? 0) + boost);
      if (read.has(expanded)) continue;
      read.add(expanded);
      fields.forEach((field, f) => {
        for (const ref in posting[field]) {
          let doc = found.get(ref);
          if (!doc) found.set(ref, (doc = { ref, score: 0, terms: [], fields: 0 }));
          doc.fields |= 1 << f;
          if (!doc.terms.includes(expanded)) doc.terms.push(expanded);
        }
      });
    }
  }
  const query = [...boosts].sort((a, b) => a[0] - b[0]);
  const magnitude = Math.sqrt(query.reduce((sum, [, boost]) => sum + boost * boost, 0));
  const results: Scored[] = [];
  for (const doc of found.values()) {
    let score = 0;
    fields.forEach((field, f) => {
      if (doc.fields & (1 << f)) score += similarity(query, magnitude, fieldVectors[`${field}/${doc.ref}`]!.elements);
    });
    results.push({ ref: doc.ref, score, terms: doc.terms });
  }
  return results.sort((a, b) => b.score - a.score);
}
