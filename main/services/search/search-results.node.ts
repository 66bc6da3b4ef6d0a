/**
 * What the search service does with Lunr's candidates (#25, lifted out of createSearchService):
 * which it keeps under the filters, how it ranks them (coverage, titles, proximity, the cards it
 * lifts), how it shows them (a hit with its snippet), and the hint beside them.
 */
import {
  betterPassage,
  coveredCount,
  passageStats,
  proximityFactor,
  tokensOf,
  type Compiled,
  type PassageStats,
  type Token,
} from '../../../db/search/search-rank.std';
import type { DocMeta } from '../../../db/search/search-index.std';
import type { SearchHit, SearchQuery, SearchResult } from '../../../common/contract/contract.std';
import { localised, type MessageId, type MessageParams } from '../../../common/contract/messages.std';
import { isSearchable } from './search-query.node';
import type { LoadedShard, Passage, PassageCache } from './search-shards.node';
import { snippetOf } from './search-snippet.node';

/** How many of Lunr's best candidates are reranked. */
export const RERANKED = 100;
/** Cards a query word may name, and how many such cards are lifted below the first result. */
const LIFTED_TYPES = new Set(['country', 'organisation', 'person']);
/** Where a card named by the query is lifted to (0-based), when it ranks lower. */
const LIFTED_TO = 2;
/** Results whose shown passage brings the cards read from it, and how many such cards at most. */
const READ_FROM_RESULTS = 3;
const LIFTED_READ = 2;
export const CARDS_OF_A_PASSAGE: ReadonlySet<string> = new Set(['event']);
export const CARDS_OF_A_COUNT: ReadonlySet<string> = new Set(['event', 'figure']);
/** Pages of results read (passages tokenised) at most to settle the ranking. */
const PAGES_REFINED = 3;
/** How much of the query the "nothing found" hint repeats. */
const QUERY_SHOWN_CHARS = 60;

/** A hint as the result carries it: the English text, and its catalogue id and parameters for the page. */
export type Hint = Pick<SearchResult, 'hint' | 'hintId' | 'hintParams'>;
export function hintOf(id: MessageId, params: MessageParams = {}): Hint {
  const { message, messageId, params: hintParams } = localised(id, params);
  return { hint: message, hintId: messageId, hintParams };
}

/** A section's best passage for a query, with its words and how well it answers. */
export interface Best {
  passage: Passage;
  tokens: Token[];
  stats: PassageStats;
}

export interface Candidate {
  shard: LoadedShard;
  doc: DocMeta;
  score: number;
  /** The index terms that matched it, as a set once needed. */
  matched: string[];
  terms?: Set<string>;
  coverage: number;
  inTitle: boolean;
  /** It answers some query word as typed (not only through a translation or a typo). */
  exact: boolean;
  best?: Best | null;
}

/**
 * What only a result's passages tell: a section covers a concept only if its title or one of
 * its passages does (words scattered over several passages do not count), and the closer the
 * words stand in that passage (same sentence, next to each other), the higher it ranks.
 */
const termsOfHit = (hit: Candidate) => (hit.terms ??= new Set(hit.matched));

const titleTokens = new WeakMap<DocMeta, Token[]>();
/** A document's kicker and title as index terms (read once per document). */
export const titleOf = (doc: DocMeta) => {
  let tokens = titleTokens.get(doc);
  if (!tokens) titleTokens.set(doc, (tokens = tokensOf(doc.kicker ? `${doc.kicker} ${doc.title}` : doc.title)));
  return tokens;
};

const plainTitles = new WeakMap<DocMeta, Token[]>();
/** A document's title alone as index terms. */
export const plainTitleOf = (doc: DocMeta) => {
  let tokens = plainTitles.get(doc);
  if (!tokens) plainTitles.set(doc, (tokens = tokensOf(doc.title)));
  return tokens;
};

/** A section's passage that answers best: most concepts, then most in one sentence, then closest. */
export function bestPassage(passages: PassageCache, sectionKey: string, compiled: Compiled): Best | null {
  let best: Best | null = null;
  for (const { passage, tokens, terms } of passages.of(sectionKey)) {
    const possible = coveredCount(compiled, terms);
    if (possible === 0 || (best && possible < best.stats.concepts)) continue;
    const stats = passageStats(tokens, compiled);
    if (!best || betterPassage(stats, best.stats) < 0) best = { passage, tokens, stats };
    // Every concept in one sentence, side by side: no passage can do better.
    const n = compiled.matchers.length;
    if (best.stats.sentence === n && (n < 2 || best.stats.adjacent >= n - 1)) break;
  }
  return best;
}

function refine(passages: PassageCache, hit: Candidate, compiled: Compiled): void {
  const title = passageStats(titleOf(hit.doc), compiled);
  hit.inTitle = title.concepts > 0;
  let stats = title;
  if (hit.doc.type === 'section') {
    hit.best = bestPassage(passages, hit.doc.ref, compiled);
    hit.coverage = Math.min(hit.coverage, Math.max(title.concepts, hit.best?.stats.concepts ?? 0));
    if (hit.best) stats = hit.best.stats;
  }
  hit.score *= proximityFactor(stats, compiled.matchers.length);
}

/** How many of the first `read` candidates cover at least `coverage` concepts. */
export function countAtLeast(head: Candidate[], read: number, coverage: number): number {
  let count = 0;
  for (let i = 0; i < read; i++) if (head[i]!.coverage >= coverage) count++;
  return count;
}

/** A result that answers no query word as typed never ranks above one that does; then coverage, a title, the score. */
export const byRelevance = (a: Candidate, b: Candidate) =>
  Number(b.exact) - Number(a.exact) ||
  b.coverage - a.coverage ||
  Number(b.inTitle) - Number(a.inTitle) ||
  b.score - a.score;

/**
 * Relevance: every concept covered above some of them; at equal coverage, a title or name that
 * answers above a passing mention; then Lunr's score weighed by proximity. Coverage from the
 * index terms is an upper bound: results are refined from the best down until a page of them
 * (at most three pages read) are known to cover at least as much as any result not yet read.
 */
export function rank(
  passages: PassageCache,
  hits: Candidate[],
  compiled: Compiled,
  window: number,
  searched: number[][],
): void {
  hits.sort((a, b) => b.score - a.score);
  const head = hits.slice(0, RERANKED);
  for (const hit of head) {
    hit.exact = [...termsOfHit(hit)].some((t) => compiled.lookup(t).exact !== 0);
    hit.coverage = coveredCount(compiled, termsOfHit(hit));
    hit.inTitle = titleOf(hit.doc).some((t) => compiled.lookup(t.term).mask !== 0);
  }
  head.sort(byRelevance);
  // One concept searched by single words only: every hit covers it, and proximity weighs nothing.
  const settledAlready =
    compiled.matchers.length === 1 && searched[0]!.every((a) => compiled.matchers[0]![a]!.length === 1);
  let read = settledAlready ? head.length : 0;
  let settled = 0;
  while (!settledAlready && read < head.length && read < PAGES_REFINED * window) {
    const bound = head[read]!.coverage;
    if (read >= window && settled >= window) break;
    refine(passages, head[read]!, compiled);
    read++;
    // Refined coverage only falls, and bounds fall down the list: count those still at or above the next bound.
    const next = head[read]?.coverage ?? 0;
    if (bound >= next) settled = countAtLeast(head, read, next);
  }
  if (!settledAlready) head.splice(0, read, ...head.slice(0, read).sort(byRelevance));
  hits.splice(0, head.length, ...head);
}

/** A candidate as the result shows it: a card, a section whose title answers, or its best passage. */
export function toHit(passages: PassageCache, candidate: Candidate, compiled: Compiled, prefixes: string[]): SearchHit {
  const { doc, score } = candidate;
  const terms = termsOfHit(candidate);
  const ref = doc.ref;
  const titleMatches = plainTitleOf(doc).some((t) => terms.has(t.term) || prefixes.some((p) => t.term.startsWith(p)));
  if (doc.type !== 'section') {
    // A figure shows the passage it is read from; another card, its name.
    const read =
      doc.type === 'figure' &&
      doc.passage &&
      passages.of(doc.passage.section).find((p) => p.passage.key === doc.passage!.key);
    const shown = read
      ? snippetOf(read.passage.text, read.tokens, terms, prefixes, compiled)
      : snippetOf(doc.title, plainTitleOf(doc), terms, prefixes, compiled);
    return { type: doc.type, key: ref, title: doc.title, ...shown, score, issue: doc.issue, section: null };
  }
  const best = candidate.best === undefined ? bestPassage(passages, ref, compiled) : candidate.best;
  const passage = best?.passage;
  const shown = best
    ? snippetOf(best.passage.text, best.tokens, terms, prefixes, compiled)
    : snippetOf(doc.title, plainTitleOf(doc), terms, prefixes, compiled);
  return {
    type: titleMatches || !passage ? 'section' : 'passage',
    key: titleMatches || !passage ? ref : passage.key,
    title: doc.title,
    ...shown,
    score,
    issue: doc.issue,
    section: ref,
  };
}

/** Whether one concept answers every searchable word of a card's name (or of its acronym). */
export function namedBy(doc: DocMeta, compiled: Compiled): boolean {
  return nameMask(doc, compiled) !== 0;
}

/** The concepts each of which answers every searchable word of a card's name (or of its acronym). */
function nameMask(doc: DocMeta, compiled: Compiled): number {
  const answeringAll = (tokens: Token[]) => {
    const words = tokens.filter((t) => isSearchable(t.term));
    return words.length > 0 ? words.reduce((mask, t) => mask & compiled.lookup(t.term).mask, -1) : 0;
  };
  return answeringAll(plainTitleOf(doc)) | (doc.kicker ? answeringAll(tokensOf(doc.kicker)) : 0);
}

/** The concepts some word of a result's title answers. */
const titleMask = (doc: DocMeta, compiled: Compiled) =>
  titleOf(doc).reduce((mask, t) => mask | compiled.lookup(t.term).mask, 0);

/**
 * An entity named by a query word (a country, an organisation, a person whose whole name one
 * concept answers) is lifted to third place, where a question about it (“what does France fund
 * in Moldova?”) shows its card: one card, the one with the rarest name.
 */
export function liftNamed(hits: Candidate[], compiled: Compiled): void {
  if (compiled.matchers.length < 2) return;
  // A country the organisations above name is theirs (« la représentation permanente de la France »): its card is not lifted.
  const inOrganisations = hits
    .slice(0, LIFTED_TO)
    .reduce((mask, h) => mask | (h.doc.type === 'organisation' ? titleMask(h.doc, compiled) : 0), 0);
  const named = hits
    .slice(0, RERANKED)
    .filter(
      (h) =>
        LIFTED_TYPES.has(h.doc.type) &&
        (nameMask(h.doc, compiled) & ~(h.doc.type === 'country' ? inOrganisations : 0)) !== 0,
    );
  // The card whose name is rarest in the archive (Lunr scores a rare name higher): Moldova, not France.
  const card = named.sort((a, b) => b.score - a.score)[0];
  const at = card ? hits.indexOf(card) : -1;
  if (at <= LIFTED_TO) return;
  hits.splice(at, 1);
  hits.splice(LIFTED_TO, 0, card!);
}

/**
 * The cards read from a section result's passages and found by the query too (the event a dated
 * line tells; for a question asking how many, the figures it gives) follow that result: the
 * meeting's card beside the section that tells it, the count beside the section that gives it.
 * From the first READ_FROM_RESULTS results, at most LIFTED_READ cards, each only moved up.
 */
export function liftReadFrom(hits: Candidate[], types: ReadonlySet<string>): void {
  let lifted = 0;
  for (let i = 0; i < Math.min(READ_FROM_RESULTS, hits.length) && lifted < LIFTED_READ; i++) {
    const section = hits[i]!.doc;
    if (section.type !== 'section') continue;
    for (let at = i + 2; at < hits.length && lifted < LIFTED_READ; at++) {
      const card = hits[at]!.doc;
      // A card found only through a translation or a typo is not lifted above a result that answers as typed.
      if (!types.has(card.type) || card.passage?.section !== section.ref || (hits[i + 1]?.exact && !hits[at]!.exact))
        continue;
      hits.splice(i + 1, 0, hits.splice(at, 1)[0]!);
      lifted++;
      i++;
    }
  }
}

/** The person a text (a passage's or a title's words) names first in full (and the query does not name), with where its name ends. */
function firstPersonNamed(
  tokens: Token[],
  compiled: Compiled,
  loaded: LoadedShard[],
): { shard: LoadedShard; doc: DocMeta; at: number } | null {
  const firstAt = new Map<string, number>();
  tokens.forEach((t, i) => firstAt.has(t.term) || firstAt.set(t.term, i));
  // Where a person's whole name stands in the passage (its last word), or -1.
  const namedAt = (doc: DocMeta) => {
    const name = plainTitleOf(doc).filter((t) => isSearchable(t.term));
    if (!name.length || namedBy(doc, compiled) || !name.every((t) => firstAt.has(t.term))) return -1;
    return Math.max(...name.map((t) => firstAt.get(t.term)!));
  };
  let agent: { shard: LoadedShard; doc: DocMeta; at: number } | null = null;
  for (const shard of loaded) {
    for (const doc of shard.docs) {
      if (doc.type !== 'person') continue;
      const at = namedAt(doc);
      if (at >= 0 && (!agent || at < agent.at)) agent = { shard, doc, at };
    }
  }
  return agent;
}

/**
 * A question that asks who (« qui a présidé le comité de pilotage ? ») is answered by the people
 * (or organisations, countries) the first result section names: the person its title names (an
 * interview, a speech: “M. Yuri Fedotov, Executive Director of…”), else the first named in its best
 * passage, and not by the query, is lifted to second place.
 */
export function liftAgents(passages: PassageCache, hits: Candidate[], compiled: Compiled, loaded: LoadedShard[]): void {
  const section = hits.slice(0, 3).find((h) => h.doc.type === 'section');
  if (!section) return;
  const passage = section.best ?? bestPassage(passages, section.doc.ref, compiled);
  const agent =
    firstPersonNamed(plainTitleOf(section.doc), compiled, loaded) ??
    (passage ? firstPersonNamed(passage.tokens, compiled, loaded) : null);
  if (!agent) return;
  // The card may share no word with the question: it answers it all the same.
  const at = hits.findIndex((h) => h.doc === agent.doc);
  const card =
    at >= 0
      ? hits.splice(at, 1)[0]!
      : { shard: agent.shard, doc: agent.doc, score: 0, matched: [], coverage: 0, inTitle: false, exact: false };
  hits.splice(1, 0, card);
}

/**
 * What the result says beside its hits: the filters alone left nothing; or a query word is
 * answered nowhere, with the look-alike it was not taken for (« Rien pour « juin » ; voir
 * « joined » ? »); or nothing at all was found.
 */
export function outcomeHint(
  query: SearchQuery,
  raw: Candidate[],
  kept: Candidate[],
  compiled: Compiled,
  concepts: string[],
  lookAlikes: Map<string, string>,
): Hint | null {
  // Sorted by date, the first result is not the one that answers best.
  const best = query.sort === 'date' ? undefined : kept[0];
  if (raw.length > 0 && kept.length === 0) return hintOf('search.filtered', { count: String(raw.length) });
  let answered = 0;
  for (const hit of raw) for (const t of hit.matched) answered |= compiled.lookup(t).mask;
  // A lexicon term's English words are concepts of their own, each typed as the term's words: named once.
  const missing = [...new Set(concepts.filter((_, c) => !(answered & (1 << c))))];
  const lookAlike = missing.find((w) => lookAlikes.has(w));
  if (lookAlike) return hintOf('search.look-alike', { query: lookAlike, suggestion: lookAlikes.get(lookAlike)! });
  if (raw.length === 0) return hintOf('search.nothing', { query: query.query.slice(0, QUERY_SHOWN_CHARS) });
  if (missing.length) return hintOf('search.missing', { query: missing.join(', ').slice(0, QUERY_SHOWN_CHARS) });
  // Every word is somewhere, but no result has them all in its title or in one passage.
  return best && best.coverage < concepts.length
    ? hintOf('search.partial', { count: String(best.coverage), total: String(concepts.length) })
    : null;
}

/**
 * The filters of a query as a test of a document: its types (a passage is a section's), its issue,
 * its year (or its date's), its country. A candidate without a document (a stale ref) is dropped.
 */
export function keep(
  query: Pick<SearchQuery, 'types' | 'issue' | 'year' | 'country'>,
): (hit: { doc: DocMeta | undefined }) => boolean {
  const types = query.types?.length ? new Set(query.types) : null;
  return ({ doc }) => {
    if (!doc) return false;
    if (
      types &&
      !types.has(doc.type === 'section' ? 'section' : doc.type) &&
      !(doc.type === 'section' && types.has('passage'))
    )
      return false;
    if (query.issue && doc.issue !== query.issue) return false;
    if (query.year && doc.year !== query.year && !(doc.date ?? '').startsWith(String(query.year))) return false;
    if (query.country && !doc.countries.includes(query.country)) return false;
    return true;
  };
}
