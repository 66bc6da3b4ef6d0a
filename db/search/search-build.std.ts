/**
 * Building a shard's Lunr index from its documents (search-index.std.ts says what the index keeps
 * and why). Apart from the rest of the index's code so that a module that only makes documents or
 * reads a stored index (the analysis worker, #25) never loads Lunr: the bundled archive's shard is
 * built here at build time, an imported issues' shard by the thread that searches it.
 */
import lunr from 'lunr';
import type { EntityRecord } from '../pipeline/entities/extract-entities.std';
import type { ExtractedIssue } from '../pipeline/extract-issue.std';
import { ARCHIVE_SHARD, archiveDocs } from './search-docs.std';
import { SHORTEST_TYPO_WORD, type SearchDoc, type SearchShard } from './search-index.std';
import { elisionForms, indexWord, useValisePipeline, wordsOf } from './search-text.std';

/**
 * A document's words as written, folded: the letters-only words of SHORTEST_TYPO_WORD letters or
 * more, a word with an elision inside read as its rest and the two joined (elisionForms: alema, dalema). A country card's body is the gazetteer's list of its names in every language, not the
 * archive's words: only its title counts.
 */
export function surfaceWords(docs: SearchDoc[]): string[] {
  const words = new Set<string>();
  for (const doc of docs) {
    const text = doc.type === 'country' ? doc.title : `${doc.kicker ?? ''} ${doc.title}\n${doc.aliases}\n${doc.body}`;
    for (const { word } of wordsOf(text))
      for (const form of elisionForms(word)) {
        const folded = indexWord(form);
        if (folded.length >= SHORTEST_TYPO_WORD && /^\p{L}+$/u.test(folded)) words.add(folded);
      }
  }
  return [...words].sort();
}

export function buildShard(name: string, docs: SearchDoc[]): SearchShard {
  const index = lunr(function () {
    useValisePipeline(this);
    this.ref('n');
    this.field('title', { boost: 8 });
    this.field('body');
    docs.forEach((doc, n) =>
      this.add({
        n: String(n),
        title: doc.kicker ? `${doc.kicker} ${doc.title}` : doc.title,
        body: `${doc.aliases}\n${doc.body}`,
      }),
    );
  });
  capPostings(index, POSTINGS_CAP);
  return {
    name,
    docs: docs.map(({ body: _body, aliases: _aliases, kicker, ...meta }) => (kicker ? { ...meta, kicker } : meta)),
    index: { ...index.toJSON(), words: surfaceWords(docs) },
  };
}

/**
 * Most documents a term's postings keep, in each field. Lunr scores every document a query term is in: at
 * 200 issues "trafficking" is in 4,000 sections, and scoring them held the p95. A term in more
 * documents keeps those where it weighs most (its BM25 weight in the document's field vector, as
 * Lunr itself would score it); the others still carry the term in their vectors, so a document
 * found by another word of the query is scored with it. The bundled archive (160 documents) is
 * far below the cap.
 */
export const POSTINGS_CAP = 300;
const FIELDS = ['title', 'body'] as const;

/** Parts of lunr.Index that its typings leave out. */
interface IndexInternals {
  invertedIndex: Record<string, Record<string, Record<string, object>> & { _index: number }>;
  fieldVectors: Record<string, lunr.Vector & { elements: number[]; positionForIndex(index: number): number }>;
}

function capPostings(index: lunr.Index, cap: number): void {
  const { invertedIndex, fieldVectors } = index as unknown as IndexInternals;
  for (const term in invertedIndex) {
    const posting = invertedIndex[term]!;
    for (const field of FIELDS) {
      const refs = posting[field] ? Object.keys(posting[field]) : [];
      if (refs.length <= cap) continue;
      const weight = (ref: string) => {
        const vector = fieldVectors[`${field}/${ref}`];
        if (!vector) return 0;
        const at = vector.positionForIndex(posting._index);
        return vector.elements[at] === posting._index ? vector.elements[at + 1]! : 0;
      };
      const kept = refs
        .map((ref) => ({ ref, w: weight(ref) }))
        .sort((a, b) => b.w - a.w)
        .slice(0, cap);
      posting[field] = Object.fromEntries(kept.map(({ ref }) => [ref, posting[field]![ref]!]));
    }
  }
}

/** The bundled archive's one shard. */
export const buildSearchShards = (issues: ExtractedIssue[], entities: EntityRecord[]): SearchShard[] => [
  buildShard(ARCHIVE_SHARD, archiveDocs(issues, entities)),
];
