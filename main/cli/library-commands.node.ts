/**
 * The CLI's commands on the user's library and on content packs:
 *   import FILE [--dry-run] [--json] [--replace | --keep-both] [--confirm-unaccounted] [--number N] [--year Y] [--date D] [--title T] [--first-page N]
 *   keygen --out DIR                      a new Ed25519 signing key pair for packs
 *   trust PUBLIC.pem                      accept packs signed with this key
 *   pack FILE [--key PRIVATE.pem] [ISSUE-KEY…]   sign the imported issues (all, or those named) into FILE
 * The library is the one in VALISE_USER_DATA, else the app's own data folder.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { Corrections } from '../../common/contract/import.std';
import { openServices } from '../services/create.node';
import { accountWords, keptPercent, type WordAccount } from '../../db/pipeline/accounting.std';
import { analyseFile, corrected, dumpOf, extractCandidate, unaccountedWords } from '../services/import/import.node';
import { generateSigningKey, keyIdOf, packItemOf, privateKeyFrom, writePack } from '../services/import/packs.node';
import { trustedKeysIn, trustKey } from '../services/import/signing-keys.node';
import { ImportError } from '../services/import/import-error.node';
import { importedIssueStore } from '../services/library/imported-issues.node';
import { openUserDatabase } from '../services/user-data/user-db.node';

/** Where Electron's app.getPath('userData') puts Valise's data on each system. */
export function defaultUserDataDir(): string {
  if (process.env.VALISE_USER_DATA) return process.env.VALISE_USER_DATA;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Valise');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Valise');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Valise');
}

const option = (args: string[], name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const VALUED = ['--number', '--year', '--date', '--title', '--first-page', '--key', '--out'];
const positional = (args: string[]) =>
  args.filter((a, i) => !a.startsWith('--') && !VALUED.includes(args[i - 1] ?? ''));
const fail = (message: string, code = 1) => {
  process.stderr.write(`${message}\n`);
  return code;
};

function correctionsFrom(args: string[]): Corrections | string {
  const number = option(args, '--number');
  const year = option(args, '--year');
  const firstPage = option(args, '--first-page');
  const parsed = Corrections.safeParse({
    ...(number ? { number: Number(number) } : {}),
    ...(year ? { year: Number(year) } : {}),
    ...(firstPage ? { firstPage: Number(firstPage) } : {}),
    ...(option(args, '--date') ? { date: option(args, '--date') } : {}),
    ...(option(args, '--title') ? { title: option(args, '--title') } : {}),
  });
  return parsed.success
    ? parsed.data
    : parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ');
}

export async function importCommand(args: string[], contentDbPath: string): Promise<number> {
  const [file] = positional(args);
  if (!file) return fail('import needs a file (a PDF, a text file or a .valise pack)', 2);
  if (!existsSync(file)) return fail(`${file}: no such file`);
  const corrections = correctionsFrom(args);
  if (typeof corrections === 'string') return fail(`bad corrections: ${corrections}`, 2);
  const userDataDir = defaultUserDataDir();
  const bytes = readFileSync(file);
  if (args.includes('--dry-run')) {
    try {
      const analysed = await analyseFile(basename(file), bytes, { trustedKeys: trustedKeysIn(userDataDir).keys });
      const candidates = analysed.candidates.map((c) => corrected(c, corrections));
      const issues = candidates.map(extractCandidate);
      const words = issues.map((issue, i) => ({
        issue: issue.key,
        ...accountWords(candidates[i]!.text, issue, firstPageOf(candidates[i]!.overlay)),
      }));
      if (args.includes('--json')) {
        // `words` is added beside the dump's fields (#29): the dump's shape is unchanged.
        process.stdout.write(`${JSON.stringify({ ...dumpOf(issues), words }, null, 2)}\n`);
      } else {
        issues.forEach((issue, i) =>
          process.stdout.write(
            [
              `${issue.key}: ${issue.title} (${issue.sections.length} sections) — not saved (--dry-run)`,
              ...describeAccount(words[i]!),
            ].join('\n') + '\n',
          ),
        );
      }
      return 0;
    } catch (error) {
      return fail(error instanceof ImportError ? error.message : `${file}: ${(error as Error).message}`);
    }
  }
  const opened = openServices({ contentDbPath, userDataDir, appVersion: 'cli', host: 'web' });
  try {
    const imports = opened.services.imports;
    const { jobId, finished } = imports.analyse(
      imports.stage(basename(file), bytes),
      Object.keys(corrections).length ? corrections : undefined,
    );
    await finished;
    const job = imports.progress(jobId);
    if (job.state !== 'done') return fail(job.error ?? 'The import failed.');
    const onDuplicate = args.includes('--replace') ? 'replace' : args.includes('--keep-both') ? 'keep-both' : undefined;
    const unaccounted = unaccountedWords(job.preview);
    if (unaccounted > 0 && !args.includes('--confirm-unaccounted')) {
      const account = job.preview!.issues.find((d) => d.words?.unaccounted.length)!.words!;
      return fail(
        [
          ...describeAccount(account),
          `${unaccounted} words are in no section and were not left out as furniture: nothing saved (look with --dry-run, then add --confirm-unaccounted to save anyway)`,
        ].join('\n'),
      );
    }
    const { keys } = await imports.save(jobId, onDuplicate, unaccounted > 0);
    const result = { saved: keys, userData: userDataDir };
    process.stdout.write(
      args.includes('--json') ? `${JSON.stringify(result, null, 2)}\n` : `saved ${keys.join(', ')} in ${userDataDir}\n`,
    );
    return 0;
  } catch (error) {
    const message = (error as Error).message;
    return fail(/Replace it, or keep both/.test(message) ? `${message} (add --replace or --keep-both)` : message);
  } finally {
    opened.close();
  }
}

const firstPageOf = (overlay: { firstPage?: unknown }) =>
  typeof overlay.firstPage === 'number' ? overlay.firstPage : 1;
const pagesOf = (lines: { page: number }[]) => [...new Set(lines.map((l) => l.page))].join(', ');
/** How many lines of the account a terminal is shown, per reason and for the unaccounted. */
const SHOWN_LINES = 5;

/** The account of an issue's words, in English lines for the terminal: kept, dropped by reason, per page, unaccounted. */
export function describeAccount(account: WordAccount): string[] {
  const lines = [`  kept ${account.kept} of ${account.total} words (${keptPercent(account)} %)`];
  for (const d of account.dropped) lines.push(`  dropped as ${d.reason}: ${d.words} words (p. ${pagesOf(d.lines)})`);
  for (const p of account.pages) {
    const sections =
      p.sections.length === 0
        ? 'no section opens here'
        : `${p.sections.length} section(s) open here: ${p.sections.map((t) => t || '(untitled)').join(' · ')}`;
    lines.push(
      `  p. ${p.page}: kept ${p.kept} of ${p.total} words, dropped ${p.dropped}${p.unaccounted ? `, NOT ACCOUNTED FOR ${p.unaccounted}` : ''}; ${sections}`,
    );
  }
  if (account.unaccounted.length) {
    lines.push(`  not accounted for (${account.unaccounted.reduce((n, u) => n + u.words, 0)} words):`);
    for (const u of account.unaccounted.slice(0, SHOWN_LINES)) lines.push(`    p. ${u.page}: ${u.text}`);
    if (account.unaccounted.length > SHOWN_LINES)
      lines.push(`    … and ${account.unaccounted.length - SHOWN_LINES} more lines`);
  }
  return lines;
}

export function keygenCommand(args: string[]): number {
  const out = option(args, '--out');
  if (!out) return fail('keygen needs --out DIR', 2);
  const privateFile = join(out, 'valise-signing-key.pem');
  if (existsSync(privateFile)) return fail(`${privateFile} exists: a signing key is never overwritten`);
  mkdirSync(out, { recursive: true });
  const key = generateSigningKey();
  writeFileSync(privateFile, key.privatePem, { mode: 0o600 });
  writeFileSync(join(out, 'valise-signing-key.pub.pem'), key.publicPem);
  process.stdout.write(
    `key ${key.keyId}\n  private (keep it in the office): ${privateFile}\n  public (give it to field staff): ${join(out, 'valise-signing-key.pub.pem')}\n`,
  );
  return 0;
}

export function trustCommand(args: string[]): number {
  const [file] = positional(args);
  if (!file || !existsSync(file)) return fail('trust needs a public key file (.pem)', 2);
  try {
    const keyId = trustKey(defaultUserDataDir(), readFileSync(file, 'utf8'));
    process.stdout.write(`packs signed with key ${keyId} are now accepted\n`);
    return 0;
  } catch (error) {
    return fail(`${file}: ${(error as Error).message}`);
  }
}

export function packCommand(args: string[]): number {
  const [out, ...keys] = positional(args);
  if (!out) return fail('pack needs an output file (name.valise)', 2);
  const keyFile = option(args, '--key');
  let signingKey;
  try {
    signingKey = keyFile ? privateKeyFrom(readFileSync(keyFile, 'utf8')) : undefined;
  } catch (error) {
    return fail(`${keyFile}: ${(error as Error).message}`);
  }
  const userDataDir = defaultUserDataDir();
  const userDb = openUserDatabase(userDataDir);
  try {
    const stored = importedIssueStore(userDb.db)
      .list()
      .filter((s) => keys.length === 0 || keys.includes(s.key));
    if (stored.length === 0)
      return fail(`no imported issue${keys.length ? ` with the key ${keys.join(', ')}` : ''} in ${userDataDir}`);
    if (!signingKey) return fail('pack needs --key PRIVATE.pem (see `keygen`)', 2);
    writeFileSync(out, writePack(stored.map(packItemOf), signingKey, new Date()));
    process.stdout.write(`${out}: ${stored.length} issue(s), signed with key ${keyIdOf(signingKey)}\n`);
    return 0;
  } finally {
    userDb.close();
  }
}
