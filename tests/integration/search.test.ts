/** Search finds at the first try: forgiving, fast, and never failing on what a person types. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchQuery, SearchResult } from '../../common/contract/contract.std';
import { openContentDatabase } from '../../main/services/library/content.node';
import { contentSearch, type SearchService } from '../../main/services/search/search.node';
import { extractIssue } from '../../db/pipeline/extract-issue.std';
import { readSource } from '../../db/pipeline/source/source.node';
import { buildShard } from '../../db/search/search-build.std';
import { searchDocsOf } from '../../db/search/search-docs.std';
import { ASSETS, contentDb } from '../support/content';
import { runTs } from '../support/run-ts';

let search: SearchService;
beforeAll(() => {
  search = contentSearch(openContentDatabase(contentDb()));
});
const run = (query: string, more: Partial<SearchQuery> = {}) => search.search({ query, typing: false, ...more });
const keys = (query: string, more: Partial<SearchQuery> = {}) => run(query, more).hits.map((h) => h.key);
const marked = (hit: { snippet: string; highlights: [number, number][] }) =>
  hit.highlights.map(([s, e]) => hit.snippet.slice(s, e));

describe('forgiving search', () => {
  it('folds accents both ways', () => {
    expect(keys('Wallstrom')[0]).toBe('person/margot-wallstrom');
    expect(keys('Wallström')[0]).toBe('person/margot-wallstrom');
    expect(keys('Francois')).toContain('person/francois-delattre');
    expect(keys('geneviève colas')[0]).toBe('person/genevieve-colas');
  });

  it('treats hyphens and spaces alike', () => {
    expect(keys('moiron braud')[0]).toBe('person/elisabeth-moiron-braud');
    expect(keys('Moiron-Braud')[0]).toBe('person/elisabeth-moiron-braud');
  });

  it('stems English words', () => {
    const hit = run('negotiation').hits.find((h) => h.snippet.includes('negotiations'))!;
    expect(marked(hit)).toContain('negotiations');
  });

  it('tolerates typos, and highlights the real word', () => {
    const result = run('trafficing');
    expect(result.total).toBeGreaterThan(10);
    expect(result.hits.slice(0, 5).every((h) => marked(h).some((w) => /^traffick/i.test(w)))).toBe(true);
    expect(keys('Charpentiere')[0]).toBe('person/caroline-charpentier');
  });

  it('matches the last word as a prefix while typing', () => {
    expect(search.search({ query: 'Charp', typing: true }).hits[0]?.key).toBe('person/caroline-charpentier');
    expect(search.search({ query: 'Charp', typing: false }).hits[0]?.key).not.toBe('person/caroline-charpentier');
  });

  it('treats an acronym and its expansion as the same', () => {
    const byName = run('United Nations Office on Drugs and Crime');
    expect(byName.hits[0]?.key).toBe('org/unodc');
    const byAcronym = run('UNODC');
    expect(byAcronym.hits.map((h) => h.key)).toContain('org/unodc');
    // A passage that spells out the name is found by the acronym.
    expect(run('ICMPD').hits.some((h) => h.key.startsWith('2018-no-10/frances-multilateral'))).toBe(true);
  });

  it('handles the French words of the newsletter', () => {
    expect(run('À venir').hits[0]?.snippet).toBe('À venir');
    expect(run('a venir').hits[0]?.snippet).toBe('À venir');
    expect(run('traite').hits.some((h) => marked(h).some((w) => /^traffick/i.test(w)))).toBe(true);
  });

  it('finds names, places and dates', () => {
    expect(keys('Sarajevo').some((k) => k.startsWith('event/2018-10-02'))).toBe(true);
    expect(keys('Chisinau')[0]).toBe('2018-no-10/the-seminar-organised-by-unodc-in');
    expect(keys('June 2018').slice(0, 3)).toContain('event/2018-06-05-an-interregional-seminar');
  });

  it('ranks titles and names above passing mentions', () => {
    expect(run('Chisinau').hits[0]?.type).toBe('section');
    expect(run('Ghada Waly').hits[0]?.key).toBe('person/ghada-waly');
  });
});

describe('power syntax and odd input', () => {
  it('understands Lunr syntax', () => {
    expect(keys('title:kyoto').every((k) => k.startsWith('event/2021-03'))).toBe(true);
    expect(keys('title:kyoto').length).toBeGreaterThan(0);
    const required = run('+child -labour');
    expect(required.hits.length).toBeGreaterThan(0);
    expect(required.hits.every((h) => !/labour/i.test(h.snippet))).toBe(true);
  });

  it.each([':', '~~~', '"', '🙂', '((((', '+', '-', '*', '   '])(
    'answers %j, which has no word, with no result and a hint to type one',
    (input) => {
      const result = run(input);
      expect(result.hits).toEqual([]);
      expect(result.hint).toMatch(/^Type a word/);
    },
  );

  it.each(['مرحبا بالعالم', 'title:'])('answers %j, whose words are nowhere, with no result and a hint', (input) => {
    const result = run(input);
    expect(result.hits).toEqual([]);
    expect(result.hint).toMatch(/^Nothing found/);
  });

  it('reads broken syntax around a number as plain words, and says so', () => {
    const result = run('^2');
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hint).toMatch(/syntax was not understood/);
  });

  it('cuts a 10,000-character query, and says so', () => {
    const result = run('trafficking '.repeat(900).slice(0, 10_000));
    expect(result.hint).toMatch(/first 500 characters/);
    expect(result.hits.length).toBeGreaterThan(0);
  });
});

describe('filters and sorting', () => {
  it('filters by type, issue, year and country', () => {
    const people = run('trafficking', { types: ['person'] }).hits;
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((h) => h.type === 'person')).toBe(true);
    const of2018 = run('trafficking', { issue: '2018-no-10' }).hits;
    expect(of2018.length).toBeGreaterThan(0);
    expect(of2018.every((h) => h.issue === '2018-no-10')).toBe(true);
    const in2021 = run('trafficking', { year: 2021 }).hits;
    expect(in2021.length).toBeGreaterThan(0);
    expect(in2021.every((h) => h.issue === null || h.issue.startsWith('2021-'))).toBe(true);
    const albania = run('workshop', { country: 'country/albania' });
    expect(albania.hits.length).toBeGreaterThan(0);
    expect(run('Kyoto', { country: 'country/albania' }).hits).toEqual([]);
  });

  it('sorts by date, newest first', () => {
    const dated = run('seminar', { types: ['event'], sort: 'date' }).hits.map((h) => h.key.slice(6, 16));
    expect(new Set(dated).size, 'several dates to order').toBeGreaterThan(1);
    expect(dated).toEqual([...dated].sort().reverse());
  });
});

describe('an issue imported later', () => {
  it('is searchable at once, without a restart', () => {
    const source = readSource(join(ASSETS, '003_6d049a98c5d0dabf.txt'));
    const { issue } = extractIssue({ ...source, text: source.text.replace(/Kyoto/g, 'Valparaiso') }, { firstPage: 3 });
    issue.key = '2099-imported';
    expect(run('Valparaiso').hits).toEqual([]);
    search.addShard(
      buildShard(
        'issue/2099-imported',
        searchDocsOf(issue, [], [], () => []),
      ),
    );
    expect(run('Valparaiso').hits.some((h) => h.issue === '2099-imported')).toBe(true);
    search.removeShard('issue/2099-imported');
    expect(run('Valparaiso').hits).toEqual([]);
  });
});

describe('ranking by all the words (#15)', () => {
  it('puts the passage that has all four words above titles that have two', () => {
    const result = run('financial investigations migrant smuggling');
    const first = result.hits[0]!;
    expect(first.key).toBe('2018-no-10/and-parallel-events/ambassador-jean-louis-falconi-underlined');
    expect(marked(first).map((w) => w.toLowerCase())).toEqual(
      expect.arrayContaining(['financial', 'investigations', 'migrant', 'smuggling']),
    );
    // The four titles that name two of the words come after it.
    const titles = [
      'event/2018-07-04-the-migrant-smuggling-working-group',
      'org/htmss',
      '2018-no-10/support-of-the-unodc-human-trafficking',
    ];
    for (const key of titles)
      expect(
        result.hits.findIndex((h) => h.key === key || h.section === key),
        key,
      ).toBeGreaterThan(0);
  });

  it('shows, for a section, the passage with the most of the words', () => {
    const hit = run('financial investigations migrant smuggling', { issue: '2018-no-10' }).hits.find(
      (h) => h.section === '2018-no-10/and-parallel-events',
    )!;
    // Not the parallel event's title line, which has three of the four words.
    expect(hit.key).toBe('2018-no-10/and-parallel-events/ambassador-jean-louis-falconi-underlined');
  });

  it('ranks a title that names the words above passing mentions when both have them all', () => {
    const hits = run('migrant smuggling').hits;
    const named = hits.map((h) => /migrant/i.test(h.title) && /smuggl/i.test(h.title));
    expect(named.filter(Boolean).length, 'titles that name both words').toBeGreaterThan(2);
    expect(named.includes(false), 'passing mentions too').toBe(true);
    expect(named.slice(named.indexOf(false))).not.toContain(true);
  });

  it('finds an organisation first by its acronym', () => {
    expect(run('UNODC').hits[0]?.key).toBe('org/unodc');
    expect(run('HTMSS').hits[0]?.key).toBe('org/htmss');
  });
});

describe('npm run cli -- search (#15)', () => {
  const cli = join(__dirname, '..', '..', 'main', 'cli', 'cli.node.ts');
  const json = (...args: string[]) => {
    const out = runTs(cli, ['search', ...args, '--json'], { env: { ...process.env, VALISE_CONTENT_DB: contentDb() } });
    expect(out.stderr).toBe('');
    return JSON.parse(out.stdout) as { hits: { key: string; issue: string | null }[]; total: number } & Record<
      string,
      unknown
    >;
  };

  it('--typing matches the last word as a prefix, as the search box does', () => {
    expect(json('fedot', '--typing').hits[0]?.key).toBe('person/yuri-fedotov');
    expect(json('fedot').hits.map((h) => h.key)).not.toContain('person/yuri-fedotov');
  });

  // One CLI run takes seconds on a busy machine: each case runs at most three.
  const byKey = () => json('workshop', '--country', 'country/albania');

  it('--country filters by a key, and keeps the JSON shape', () => {
    const filtered = byKey();
    expect(filtered.hits.length).toBeGreaterThan(0);
    expect(filtered.total).toBeLessThan(json('workshop').total);
    expect(Object.keys(filtered)).toEqual(expect.arrayContaining(['query', 'tookMs', 'hits', 'total', 'hint']));
    expect(Object.keys(filtered.hits[0]!)).toEqual(
      expect.arrayContaining(['type', 'key', 'title', 'snippet', 'score', 'issue', 'highlights', 'section']),
    );
  });

  it.each(['Albania', 'Albanie'])('--country %j, a name in English or French, filters as its key does', (name) => {
    const filtered = byKey();
    expect(filtered.hits.length).toBeGreaterThan(0);
    expect(json('workshop', '--country', name).hits).toEqual(filtered.hits);
  });

  it('--country leaves nothing where the query has no hit in that country', () => {
    expect(json('Kyoto').hits.length).toBeGreaterThan(0);
    expect(json('Kyoto', '--country', 'Albanie').hits).toEqual([]);
  });
});

describe('numbers and symbols as printed (#28)', () => {
  it.each(['163,500', '163 500', '163\u202f500', '163\u00a0500', '163.500', '€163,500', '163500', '163 500 euros'])(
    '%j finds the €163,500 figure first',
    (query) => {
      expect(keys(query)[0]).toBe('figure/2018-no-10/163-500');
    },
  );

  it('finds SDG 16.2 as one number, not 16 and 2', () => {
    const hit = run('16.2').hits[0]!;
    expect(hit.key).toMatch(/16-2-end-abuse/);
    expect(marked(hit)).toEqual(['16.2']);
  });

  it.each(['E/CN.15/2018/L.8/Rev.1', 'ecn.15 l.8 rev1', 'ECN15 2018 L8 REV1', 'e/cn.15/2018/l.8'])(
    '%j finds the resolution L.8 first',
    (query) => {
      expect(keys(query)[0]).toBe('document/e-cn-15-2018-l-8-rev-1');
    },
  );

  it('marks a symbol once in its snippet', () => {
    const hit = run('ecn15 2018 l3 rev1').hits.find((h) => h.key === 'document/e-cn-15-2018-l-3-rev-1')!;
    expect(marked(hit)).toEqual(['E/CN.15/2018/L.3/REV.1']);
  });
});

describe('typos anywhere in a word (#28)', () => {
  it.each([
    ['exploitaton', /^exploit/i],
    ['exploitatoin', /^exploit/i],
    ['exploitatio', /^exploit/i],
    ['protecion', /^protect/i],
    ['prostituion', /^prostitut/i],
  ])('%j, one typo near the end of a long word, finds and marks a word of its stem, %s', (query, word) => {
    // A card's snippet is its name (a UN document's is its symbol): those with marks say what matched.
    const withMarks = run(query)
      .hits.slice(0, 5)
      .filter((h) => h.highlights.length > 0);
    expect(withMarks.length).toBeGreaterThanOrEqual(2);
    for (const hit of withMarks)
      expect(
        marked(hit).some((w) => word.test(w)),
        `${hit.key} marks ${marked(hit).join(', ')}`,
      ).toBe(true);
  });

  it('still finds typos in a shard built before the words were kept (its stems stand in)', () => {
    const source = readSource(join(ASSETS, '003_6d049a98c5d0dabf.txt'));
    const { issue } = extractIssue({ ...source, text: source.text.replace(/Kyoto/g, 'Valparaiso') }, { firstPage: 3 });
    issue.key = '2098-old';
    const shard = buildShard(
      'issue/2098-old',
      searchDocsOf(issue, [], [], () => []),
    );
    delete shard.index.words;
    search.addShard(shard);
    try {
      expect(run('Valparaisso').hits.some((h) => h.issue === '2098-old')).toBe(true);
    } finally {
      search.removeShard('issue/2098-old');
    }
  });
});

describe('no confident look-alikes (#28)', () => {
  const looseOnly = (hit: SearchResult['hits'][number]) =>
    hit.highlights.length > 0 && (hit.loose?.length ?? 0) === hit.highlights.length;

  it('says which marks answer only through a translation or a typo', () => {
    const french = run('réunions').hits[0]!;
    expect(marked(french).map((w) => w.toLowerCase())).toEqual(
      expect.arrayContaining([expect.stringMatching(/^meetings?$/)]),
    );
    expect(french.loose).toEqual(
      french.highlights.map((_, highlight) => ({ highlight, query: 'réunions', via: 'translation' })),
    );
    const typo = run('Charpentiar').hits[0]!;
    expect(typo.key).toBe('person/caroline-charpentier');
    expect(typo.loose).toEqual([{ highlight: 0, query: 'Charpentiar', via: 'typo' }]);
    expect(run('Charpentier').hits[0]?.loose).toBeUndefined();
  });

  it('never ranks a result that answers no word as typed above one that does', () => {
    const hits = run('Moldova juin').hits;
    const firstLoose = hits.findIndex(looseOnly);
    expect(firstLoose, 'a result found only through « juin » → June').toBeGreaterThan(0);
    expect(hits.slice(0, firstLoose).every((h) => marked(h).some((w) => /^moldova$/i.test(w)))).toBe(true);
    expect(hits.slice(firstLoose).some((h) => marked(h).some((w) => /^moldova$/i.test(w)))).toBe(false);
  });

  it.each([
    ['fudn', 'fund'],
    ['expoitatoin', 'exploitation'],
  ])('lists no look-alike of %j (a short word, or two edits) but offers %j in the hint', (query, suggestion) => {
    const result = run(query);
    expect(result.hits).toEqual([]);
    expect(result.hintId).toBe('search.look-alike');
    expect(result.hintParams).toEqual({ query, suggestion });
  });

  it('says which word is found nowhere when the others are', () => {
    const result = run('Moldova cryptomonnaies');
    expect(result.hits[0]?.key).toBe('country/moldova');
    expect(result.hintId).toBe('search.missing');
    expect(result.hintParams).toEqual({ query: 'cryptomonnaies' });
  });

  it('says the filters alone leave nothing, not to check the spelling', () => {
    const result = run('Kyoto', { country: 'country/albania' });
    expect(result.hits).toEqual([]);
    expect(result.hintId).toBe('search.filtered');
    expect(Number(result.hintParams?.count)).toBe(run('Kyoto').total);
  });
});

describe('questions (#28)', () => {
  it.each(['qui', 'quand', 'combien', 'quelles', 'où', 'what', 'which', 'who'])(
    'drops the question word %j like a function word',
    (word) => {
      const result = run(`${word} Chisinau`);
      expect(result.hits[0]?.key).toBe(run('Chisinau').hits[0]?.key);
      expect(result.hint).toBeNull();
    },
  );

  it('answers “who” with the person the best passage names (“chaired by Mr Jean-Claude Brunet”)', () => {
    const top = keys('qui a présidé le 6e comité de pilotage ?').slice(0, 3);
    expect(top).toContain('person/jean-claude-brunet');
    expect(top).toContain('event/2020-12-17-6th-steering-committee');
    // Without a question word, no person is put forward.
    expect(keys('présidé le 6e comité de pilotage').slice(0, 3)).not.toContain('person/jean-claude-brunet');
  });

  it('lifts the card of a country the question names: “what does France fund in Moldova?”', () => {
    const top = keys('what does France fund in Moldova?').slice(0, 3);
    expect(top).toContain('country/moldova');
    expect(keys('que finance la France en Moldavie ?').slice(0, 3)).toContain('country/moldova');
  });
});

describe('a figure hit (#28)', () => {
  it('shows the passage it is read from as its snippet, the figure marked', () => {
    const hit = run('330,000').hits.find((h) => h.key === 'figure/2018-no-10/over-330-000-dollars')!;
    expect(hit.title).toBe('over 330,000 dollars');
    expect(hit.snippet).toMatch(
      /^France has voluntarily contributed over 330,000 dollars to the UNVTF fund since 2011/,
    );
    expect(marked(hit)).toEqual(['330,000']);
  });
});
