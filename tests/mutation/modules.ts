/**
 * The modules whose promises matter most, each with the tests that should notice when it is
 * broken (#27). `npm run mutate` breaks every one of them in many small ways (StrykerJS) and
 * counts how many of those breakages a test catches.
 *
 * A group lists its tests explicitly: several of them boot the built app (`out/main/index.js`)
 * rather than import the source, which Vitest's "related tests" cannot see. A group whose tests
 * run the build has `build: true`: the mutated sources are built in Stryker's sandbox first, and
 * the mutant switch compiled into the bundle is the one the test process sets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * `file:first-last`: the lines from the first holding `from` to the first after it holding `to`,
 * found in the file as it is now, so that a group's range follows its code when lines move (the
 * formatter, an edit above it). A missing anchor throws: a stale range must not mutate other lines.
 */
export function span(file: string, from: string, to: string): string {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const first = lines.findIndex((line) => line.includes(from));
  const last = first < 0 ? -1 : lines.findIndex((line, n) => n > first && line.includes(to));
  if (last < 0) throw new Error(`${file}: no lines from “${from}” to “${to}”; update tests/mutation/modules.ts`);
  return `${file}:${first + 1}-${last + 1}`;
}

export interface MutationGroup {
  /** Short name: the report files are `tests/bench/results/mutation/<name>.*`. */
  name: string;
  /** What the group guards, as the README promises it. */
  promise: string;
  /** Source files to mutate. */
  mutate: string[];
  /** Test files that guard them (Vitest), run in this order: the quickest first. */
  tests: string[];
  /** Build the app (`npm run build`: the content database, then electron-vite) in the sandbox before testing: for tests that boot `out/`. */
  build?: boolean;
  /** The tsconfig the type checker uses to skip mutants that do not compile. */
  tsconfig?: string;
  /** Environment of the test processes (a time zone far from UTC, for instance). */
  env?: Record<string, string>;
  /**
   * Build the content database once per run and give every test run the same file
   * (`tests/support/content.ts`): only for groups whose mutated modules the build does not use, or
   * the mutants would never reach the database the tests read.
   */
  reuseContent?: boolean;
}

export const GROUPS: MutationGroup[] = [
  {
    name: 'sender-check',
    promise: 'Only the app’s own top frame at app://valise reaches a handler; app:// serves only its files',
    mutate: ['main/electron/ipc.main.ts', 'main/electron/protocol.main.ts'],
    tests: [
      'tests/integration/electron-ipc.test.ts',
      'tests/integration/electron-shell.test.ts',
      'tests/unit/protocol.test.ts',
    ],
    build: true,
  },
  {
    name: 'dispatch',
    promise: 'Every request is validated against the contract; over 64 KiB is TOO_LARGE; no stack trace leaves main',
    mutate: ['main/ipc/dispatch.node.ts', 'common/contract/channels.std.ts', 'common/contract/errors.std.ts'],
    // hostile-ipc.test.ts sends 2,000 generated requests in one test: a minute per mutant.
    tests: ['tests/integration/dispatch.test.ts', 'tests/unit/dispatch-refusals.test.ts'],
  },
  {
    name: 'user-db',
    promise: 'Bookmarks are durable: migrations in one transaction, backups, damaged files moved aside and restored',
    // Only the lines that keep the promise (each mutant reruns tests that open databases, 20–45 s a
    // mutant at a load of 20): moving a damaged file aside and restoring the newest good backup,
    // whole, again after a crash (user-db.node.ts, restoreFrom to resumeRestore), and migrations in one
    // transaction (migrate.node.ts, migrate). Not yet: a backup's health check, opening, the rotating backups.
    mutate: [
      span('main/services/user-data/user-db.node.ts', 'function restoreFrom(', "'db.restore-resumed'"),
      span('db/user/migrate.node.ts', 'export function migrate(', 'return pending.map('),
    ],
    // crash.test.ts kills 100 writers (four minutes): run by npm test, too slow once per mutant.
    tests: ['tests/unit/user-db.test.ts', 'tests/integration/corruption.test.ts'],
    reuseContent: true,
  },
  {
    name: 'packs',
    promise: 'A pack is imported only when its signature and every item’s hash check out',
    // Only readPack's checks, from the text's decoding to every item's hash: each mutant
    // reruns tests that import a whole issue (45 s a mutant at a load of 20; 103 mutants in lines
    // 112–159). The size and encoding checks, writing a pack and keeping the keys are not mutated.
    mutate: [span('main/services/import/packs.node.ts', 'new TextDecoder(', "'pack.wrong-item'")],
    tests: ['tests/integration/packs.test.ts'],
    reuseContent: true,
  },
  {
    name: 'event-dates',
    promise: 'Coming or past against today on the machine’s own clock and time zone',
    mutate: ['common/content/event-dates.std.ts'],
    tests: ['tests/unit/event-dates.test.ts'],
    // A day read with UTC getters is another day at some hours here; in UTC it is the same day.
    env: { TZ: 'America/New_York' },
  },
  {
    name: 'import-refusals',
    promise: 'A file Valise will not take in is refused with its reason, and nothing changes',
    // pdf-text.node.ts: only its refusals (the size, the header, the end marker, the password, the
    // damage, the scan), not the reading of a page's runs, rectangles
    // and hyphens, which is layout, nor the cancelling; each mutant reruns PDF imports.
    mutate: [
      span('main/services/import/pdf-text.node.ts', 'export const MAX_PDF_BYTES', "includes('%PDF-')"),
      span('main/services/import/pdf-text.node.ts', 'export async function readPdfText(', "'import.damaged', {"),
      span('main/services/import/pdf-text.node.ts', 'p.runs.length === 0', "'import.scan'"),
      'main/services/import/import-error.node.ts',
      'main/services/import/review-rules.node.ts',
    ],
    tests: ['tests/integration/import.test.ts', 'tests/unit/overlay-rules.test.ts'],
    reuseContent: true,
  },
  {
    name: 'word-accounting',
    promise: 'Every word of a PDF is kept, or listed as dropped with its reason; the import says how many',
    mutate: ['db/pipeline/accounting.std.ts'],
    tests: ['tests/unit/import-accounting.test.ts', 'tests/unit/accounting.test.ts'],
  },
  {
    name: 'search-rules',
    promise: 'Typos, the French vocabulary and the ranking rules find what the reader meant',
    // The vocabulary and the ranking are read at query time only: the content database the tests
    // search is built once. search-text.std.ts is also used by the build: its own group below.
    mutate: ['db/search/search-vocabulary.std.ts', 'db/search/search-rank.std.ts'],
    // Run in this order, quickest first (see run.node.mts): the rules on small vocabularies, then the
    // tests that read the archive, then those that start the CLI.
    tests: [
      'tests/unit/search-vocabulary-rules.test.ts',
      'tests/unit/search-helpers.test.ts',
      'tests/unit/search-rank.test.ts',
      'tests/unit/search-vocabulary.test.ts',
      'tests/unit/search-french.test.ts',
      'tests/integration/search.test.ts',
    ],
    reuseContent: true,
  },
  {
    name: 'search-text',
    promise: 'Typos, accents and French stems are folded alike in the index and in the query',
    // The index is made with this module as well as the query, so a mutant must reach both: only
    // tests that build a small index in their own process with buildShard (or read text with the
    // module alone), never the content database, which would have to be built again for every
    // mutant (the archive's build, seconds to a minute under load) or, built once, would hold the
    // unmutated index and count as killed a mutant that changes index and query alike.
    mutate: ['db/search/search-text.std.ts'],
    tests: [
      'tests/unit/search-text.test.ts',
      'tests/unit/search-folding.test.ts',
      'tests/unit/search-title.test.ts',
      'tests/unit/search-helpers.test.ts',
      'tests/unit/search-shards.test.ts',
      // A name with an apostrophe inside, in its own small index (#28 round 7: joinedName, indexWord).
      'tests/unit/search-french-apostrophe.test.ts',
    ],
  },
  {
    name: 'i18n-catalogue',
    promise: 'Every string the interface shows is in English and in French',
    mutate: ['renderer/src/i18n/fr.dom.ts', 'common/contract/messages.std.ts'],
    tests: [
      'tests/unit/i18n-catalogue.test.ts',
      'tests/unit/messages.test.ts',
      'tests/integration/messages-fr.test.ts',
    ],
    tsconfig: 'tsconfig.web.json',
  },
];
