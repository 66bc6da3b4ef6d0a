/**
 * A title that answers ranks above a passing mention at equal coverage (#15), even where Lunr
 * scores the mention higher. On the real archive Lunr's title boost already orders titles first,
 * so the rule is tested on a small index of our own, built by the archive's own buildShard: a
 * section whose long title names the word once, and one whose body repeats it in every sentence.
 */
import lunr from 'lunr';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerSearchPipeline, stem } from '../../db/search/search-text.std';
import { buildShard } from '../../db/search/search-build.std';
import type { SearchDoc, SearchShard } from '../../db/search/search-index.std';
import { createSearchService, type Passage, type SearchService } from '../../main/services/search/search.node';

const FILLER =
  'The delegates reviewed the budget, agreed on a calendar of visits and thanked the hosts for their welcome.';
/** Sentences enough that every body is about as long, so Lunr's length normalisation favours no one. */
const SENTENCES = 30;

const TITLED = 'issue/notes-from-the-regional-meeting';
const MENTION = 'issue/report-of-the-regional-meeting';

/** Sections with one-word titles: the long title is many times the average title's length. */
const OTHERS = Array.from({ length: 30 }, (_, i) => `issue/calendar-${i}`);

const passages = new Map<string, Passage[]>([
  [TITLED, Array.from({ length: SENTENCES }, (_, i) => ({ key: `${TITLED}/p${i}`, text: FILLER }))],
  [
    MENTION,
    Array.from({ length: SENTENCES }, (_, i) => ({
      key: `${MENTION}/p${i}`,
      text: `Smuggling across the border was raised again in session ${i + 1}.`,
    })),
  ],
  ...OTHERS.map((ref): [string, Passage[]] => [
    ref,
    Array.from({ length: SENTENCES }, (_, i) => ({ key: `${ref}/p${i}`, text: FILLER })),
  ]),
]);

const section = (ref: string, title: string): SearchDoc => ({
  ref,
  type: 'section',
  title,
  body: passages
    .get(ref)!
    .map((p) => p.text)
    .join('\n'),
  aliases: '',
  issue: 'issue',
  year: 2020,
  date: '2020-01-01',
  countries: [],
});

const DOCS = [
  // A long title that names the word once: its weight in the title field is diluted by its length.
  section(
    TITLED,
    'Notes from the regional meeting of prosecutors, police officers, judges, labour inspectors and social workers on smuggling across the border held in the capital last spring',
  ),
  section(MENTION, 'Report of the regional meeting'),
  ...OTHERS.map((ref) => section(ref, 'Calendar')),
];

let shard: SearchShard;
let search: SearchService;
beforeAll(() => {
  shard = buildShard('own', DOCS);
  search = createSearchService({
    loadShards: () => [shard],
    passagesOf: (key) => passages.get(key) ?? [],
    acronyms: () => [],
  });
});

/** Lunr's own score of each document for a word, by ref. */
function lunrScores(word: string): Map<string, number> {
  registerSearchPipeline();
  const index = lunr.Index.load(shard.index);
  const results = index.query((q) => q.term(stem(word), { usePipeline: false }));
  return new Map(results.map((r) => [DOCS[Number(r.ref)]!.ref, r.score]));
}

describe('a title that answers, at equal coverage (#15)', () => {
  it('ranks above a passing mention that Lunr scores higher', () => {
    const scores = lunrScores('smuggling');
    // The premise: without the rule, Lunr's score would put the mention first.
    expect(scores.get(MENTION)!, 'Lunr: mention above title').toBeGreaterThan(scores.get(TITLED)!);
    const hits = search.search({ query: 'smuggling', typing: false }).hits;
    expect(hits.map((h) => h.section)).toEqual([TITLED, MENTION]);
    expect(hits[0]!.type).toBe('section');
  });

  it('does so for two words both cover side by side, after the passages are read', () => {
    const scores = lunrScores('smuggling');
    const border = lunrScores('border');
    const sum = (ref: string) => scores.get(ref)! + border.get(ref)!;
    expect(sum(MENTION), 'Lunr: mention above title').toBeGreaterThan(sum(TITLED));
    const hits = search.search({ query: 'smuggling border', typing: false }).hits;
    expect(hits.map((h) => h.section).slice(0, 2)).toEqual([TITLED, MENTION]);
  });
});
