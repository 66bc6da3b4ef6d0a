/**
 * A search result's snippet (#25, lifted out of createSearchService): the text around its first
 * matched word, the matched words' spans as highlights, and which of them answer only loosely
 * (through a translation or a typo). Pure: text and tokens in, snippet out.
 */
import { looseMatch, type Compiled, type Token } from '../../../db/search/search-rank.std';
import type { SearchHit } from '../../../common/contract/contract.std';

/** A snippet starts this many characters before its first highlight, when that one is past SNIPPET_LEAD_IN. */
const SNIPPET_CONTEXT = 60;
const SNIPPET_LEAD_IN = 80;
/** Longest snippet, cut back to a space. */
const SNIPPET_CHARS = 240;

export interface CutSnippet {
  snippet: string;
  highlights: [number, number][];
  /** The tokens highlighted, in the order of `highlights`. */
  marked: Token[];
}

/**
 * The text cut around its first match (an ellipsis where it is cut), and the matches within the
 * cut: a token matches when its term was matched or starts with a prefix being typed. The forms
 * of a UN symbol share one span and are marked once.
 */
export function cutSnippet(text: string, terms: Token[], matched: Set<string>, prefixes: string[]): CutSnippet {
  const isMatch = (t: string) => matched.has(t) || prefixes.some((p) => t.startsWith(p));
  const at = new Set<number>();
  const hits = terms.filter((t) => isMatch(t.term) && !at.has(t.start) && at.add(t.start));
  const first = hits[0];
  let start = 0;
  if (first && first.start > SNIPPET_LEAD_IN) {
    const space = text.lastIndexOf(' ', first.start - SNIPPET_CONTEXT);
    start = space < 0 ? 0 : space + 1;
  }
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const snippet = prefix + text.slice(start, end) + (end < text.length ? '…' : '');
  const shift = prefix.length - start;
  const marked = hits.filter((t) => t.start >= start && t.end <= end);
  return { snippet, highlights: marked.map((t): [number, number] => [t.start + shift, t.end + shift]), marked };
}

/** A snippet, its highlights, and which of them answer only through a translation or a typo. */
export function snippetOf(
  text: string,
  terms: Token[],
  matched: Set<string>,
  prefixes: string[],
  compiled: Compiled,
): Pick<SearchHit, 'snippet' | 'highlights' | 'loose'> {
  const { snippet, highlights, marked } = cutSnippet(text, terms, matched, prefixes);
  const loose = marked.flatMap((t, highlight) => {
    const how = looseMatch(compiled, t.term);
    return how ? [{ highlight, query: how.typed, via: how.via }] : [];
  });
  return { snippet, highlights, ...(loose.length ? { loose } : {}) };
}
