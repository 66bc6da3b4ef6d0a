/**
 * `npm run --silent cli -- <command>`: the archive from the command line, for people and tools.
 *   dump    the whole archive as JSON on stdout (nothing else)
 *   stats   counts per kind and per issue
 *   search "query" [--json]   forgiving search, best first
 *   import, keygen, trust, pack   the user's library and content packs (library-commands.node.ts)
 * Exit codes: 0 done, 1 the archive could not be read or the file was refused, 2 bad usage.
 */
import { SearchQuery } from '../../common/contract/contract.std';
import { fold } from '../../db/search/search-text.std';
import { COUNTRY_LIST, countrySlug } from '../../db/pipeline/entities/places.std';
import { archiveStats } from '../services/library/archive-dump.node';
import { openContentDatabase, openContentService } from '../services/library/content.node';
import { contentSearch } from '../services/search/search.node';
import { importCommand, keygenCommand, packCommand, trustCommand } from './library-commands.node';

const USAGE = `usage: npm run --silent cli -- <command> [options]
commands:
  dump            print the whole archive as JSON
  stats [--json]  counts per kind and per issue
  search "query" [--json] [--type T] [--issue KEY] [--year N] [--sort date]
         [--country C] [--typing]
                  search the archive, best first; --country takes a key
                  (country/albania) or a name (Albania, Albanie); --typing
                  matches the last word as a prefix, as the search box does
  import FILE [--dry-run] [--json] [--replace | --keep-both] [--confirm-unaccounted]
         [--number N] [--year Y] [--date YYYY-MM] [--title T] [--first-page N]
                  read a newsletter (PDF, text or signed .valise pack) into your
                  library; --dry-run --json prints what was found in the dump shape,
                  with \`words\`: every word kept or dropped, by reason and page
  keygen --out DIR                 create an Ed25519 key pair to sign packs
  trust PUBLIC.pem                 accept packs signed with this key
  pack FILE.valise --key PRIVATE.pem [ISSUE-KEY...]
                  sign your imported issues (all, or those named) into a pack
environment: VALISE_CONTENT_DB (default out/content/content.sqlite),
             VALISE_USER_DATA (default: the app's data folder)`;

function main(argv: string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    (command ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const path = process.env.VALISE_CONTENT_DB ?? 'out/content/content.sqlite';
  if (command === 'keygen') return keygenCommand(rest);
  if (command === 'trust') return trustCommand(rest);
  if (command === 'pack') return packCommand(rest);
  if (command === 'import') return importCommand(rest, path);
  let content;
  let db;
  try {
    db = openContentDatabase(path);
    content = openContentService(db);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nRun \`npm run build:db\` first.\n`);
    return 1;
  }
  try {
    switch (command) {
      case 'dump':
        process.stdout.write(`${JSON.stringify(content.dump(), null, 2)}\n`);
        return 0;
      case 'stats': {
        const stats = archiveStats(content.dump());
        if (rest.includes('--json')) {
          process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
          return 0;
        }
        const lines = ['Archive', ...Object.entries(stats.totals).map(([k, n]) => `  ${k.padEnd(14)} ${n}`), ''];
        for (const issue of stats.perIssue) {
          lines.push(
            issue.issue,
            ...Object.entries(issue)
              .filter(([k]) => k !== 'issue')
              .map(([k, n]) => `  ${k.padEnd(14)} ${n}`),
            '',
          );
        }
        process.stdout.write(lines.join('\n'));
        return 0;
      }
      case 'search':
        return search(contentSearch(db), rest);
      default:
        process.stderr.write(`unknown command “${command}”\n${USAGE}\n`);
        return 2;
    }
  } finally {
    content.close();
  }
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

const VALUED_OPTIONS = ['--type', '--issue', '--year', '--sort', '--country'];

/** A country as the CLI takes it: its key, or any of its names in the gazetteer (English or French). */
function countryKey(value: string): string {
  if (value.startsWith('country/')) return value;
  const folded = fold(value);
  return COUNTRY_LIST.find((c) => c.aliases.some((a) => fold(a) === folded))?.key ?? `country/${countrySlug(value)}`;
}

function search(service: ReturnType<typeof contentSearch>, args: string[]): number {
  const query = args.find((a, i) => !a.startsWith('--') && !VALUED_OPTIONS.includes(args[i - 1] ?? ''));
  if (query === undefined) {
    process.stderr.write(`search needs a query\n${USAGE}\n`);
    return 2;
  }
  const type = option(args, '--type');
  const parsed = SearchQuery.safeParse({
    query,
    typing: args.includes('--typing'),
    ...(type ? { types: [type] } : {}),
    ...(option(args, '--country') ? { country: countryKey(option(args, '--country')!) } : {}),
    ...(option(args, '--issue') ? { issue: option(args, '--issue') } : {}),
    ...(option(args, '--year') ? { year: Number(option(args, '--year')) } : {}),
    ...(option(args, '--sort') ? { sort: option(args, '--sort') } : {}),
  });
  if (!parsed.success) {
    process.stderr.write(
      `bad search options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`,
    );
    return 2;
  }
  const result = service.search(parsed.data);
  if (args.includes('--json')) {
    const { query: q, tookMs, hits } = result;
    process.stdout.write(
      `${JSON.stringify({ query: q, tookMs, hits: hits.map(({ type, key, title, snippet, score, issue, highlights, section }) => ({ type, key, title, snippet, score, issue, highlights, section })), total: result.total, hint: result.hint }, null, 2)}\n`,
    );
    return 0;
  }
  const lines = [`${result.total} results for “${result.query}” (${result.tookMs} ms)`];
  if (result.hint) lines.push(result.hint);
  for (const hit of result.hits) {
    let marked = '';
    let at = 0;
    for (const [s, e] of hit.highlights) {
      marked += `${hit.snippet.slice(at, s)}[${hit.snippet.slice(s, e)}]`;
      at = e;
    }
    marked += hit.snippet.slice(at);
    lines.push('', `${hit.type.padEnd(12)} ${hit.title}`, `             ${hit.key}`, `             ${marked}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
