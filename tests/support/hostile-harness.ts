/**
 * Runs generated hostile requests (tests/support/hostile-requests.ts) against the real services,
 * through the dispatcher (as Electron IPC delivers them: a structured clone) and through the
 * development web host over HTTP, and checks after every one:
 *  - the reply is an envelope, never INTERNAL, never a stack trace; nothing was thrown, and no
 *    promise was left rejected;
 *  - no prototype was polluted (`({}).polluted`, and no new key on Object, Array or Function's);
 *  - a refused request (ok: false) changed nothing in the user database: every table is dumped
 *    (through a read-only connection of its own) before and after, and compared (taken again
 *    whenever SQLite's data_version shows a commit);
 *  - an accepted request's value matches the contract's result schema;
 *  - it was answered within SLOW_MS (main serves the window: a slow answer is a hang).
 * Shared by tests/integration/hostile-ipc.test.ts (1,000s a run) and tests/bench/soak.ts (100,000).
 */
import Database from 'better-sqlite3';
import { z } from 'zod';
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { isChannel, MAX_REQUEST_BYTES, type Channel } from '../../common/contract/channels.std';
import { contract } from '../../common/contract/contract.std';
import { isEnvelope, type Envelope } from '../../common/contract/errors.std';
import { ItemKey } from '../../common/contract/item-key.std';
import { openServices } from '../../main/services/create.node';
import { USER_DB_FILE } from '../../main/services/user-data/user-db.node';
import { IPC_PATH, startWebHost, type WebHost } from '../../main/webhost/server.node';
import { ASSETS, contentDb, tempDir } from './content';
import { describeValue, type HostileOptions, type HostileRequest, type JsonSchema } from './hostile-requests';

export type Via = 'dispatcher' | 'http';

/** The web host's body limit (twice the contract's); bodies past it are sent to see the 413. */
const MAX_BODY = 2 * MAX_REQUEST_BYTES;

/** Longest a request may take: main serves the window, so a slow answer is a hang. */
const SLOW_MS = Number(process.env.VALISE_HOSTILE_SLOW_MS ?? 5_000);

/** How an HTTP request is framed around `{ channel, args }`. */
export type Frame = 'plain' | 'polluting-key' | 'no-args' | 'in-an-array';
export const FRAMES: Frame[] = [
  'plain',
  'plain',
  'plain',
  'plain',
  'plain',
  'plain',
  'polluting-key',
  'no-args',
  'in-an-array',
];

export interface ChannelStats {
  sent: number;
  accepted: number;
  refused: number;
  codes: Record<string, number>;
  ms: number;
  /** The slowest single answer, in ms. */
  slowest: number;
}

export class InvariantBroken extends Error {
  override name = 'InvariantBroken';
}

/** The contract's item-key pattern, as the generator sees it. */
const itemKeyPattern = (z.toJSONSchema(ItemKey) as JsonSchema).pattern;

const PROTOTYPES: object[] = [Object.prototype, Array.prototype, Function.prototype, String.prototype];

/** Own property names of the prototypes a pollution would touch. */
function prototypeKeys(): string {
  return PROTOTYPES.map((proto) => Reflect.ownKeys(proto).map(String).sort().join(',')).join('|');
}

/** Takes out what a pollution added, so that the next request (and fast-check's shrinking) starts clean. */
function cleanPrototypes(baseline: Map<object, Set<PropertyKey>>): void {
  for (const proto of PROTOTYPES) {
    for (const key of Reflect.ownKeys(proto)) if (!baseline.get(proto)!.has(key)) Reflect.deleteProperty(proto, key);
  }
}

function polluted(): string | null {
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'x', 'isAdmin', 'a'])
    if (probe[key] !== undefined) return `({}).${key} is ${String(probe[key])}`;
  if (Object.getPrototypeOf(probe) !== Object.prototype) return 'a new object has another prototype';
  return null;
}

/** Every table of the user database, its schema and version, as one string. */
function dumpOf(db: Database.Database): string {
  const tables = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'index', 'trigger', 'view') ORDER BY name",
    )
    .all();
  const dump: Record<string, unknown> = { user_version: db.pragma('user_version', { simple: true }), schema: tables };
  for (const { name } of tables.filter((t) => t.sql?.startsWith('CREATE TABLE'))) {
    dump[name] = db
      .prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`)
      .raw()
      .all();
  }
  return JSON.stringify(dump);
}

function differingTables(before: string, after: string): string[] {
  const a = JSON.parse(before) as Record<string, unknown>;
  const b = JSON.parse(after) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
}

const show = (value: unknown, max = 300): string => describeValue(value, max);

export interface Harness {
  /** Sends one request and checks every invariant; throws InvariantBroken when one fails. */
  check(req: HostileRequest, via: Via, frame?: Frame): Promise<Envelope<unknown>>;
  /** Valid requests answer ok through both paths (after the storm). */
  stillServes(): Promise<void>;
  /** Fields the running app has values for (for the generator). */
  known: NonNullable<HostileOptions['known']>;
  /** Requests, acceptances and refusals by channel, for each path. */
  stats: Record<Via, Map<string, ChannelStats>>;
  /** The errors the services logged (an INTERNAL's cause). */
  logged: string[];
  userDataDir: string;
  /** The services behind both paths, to set up what a request needs (a finished import job). */
  services: ReturnType<typeof openServices>['services'];
  host: WebHost;
  close(): Promise<void>;
}

/** Opens the services over the real content database, seeds bookmarks and an imported issue, and starts the web host. */
export async function openHarness(): Promise<Harness> {
  const userDataDir = tempDir('valise-hostile-');
  const logged: string[] = [];
  const opened = openServices({
    contentDbPath: contentDb(),
    userDataDir,
    appVersion: 'hostile',
    host: 'web',
    log: (message, error) =>
      logged.push(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : show(error)}`),
  });
  const { dispatch, services } = opened;

  // Something to reach: bookmarks of every kind of item (some tagged, some removed), and an imported issue.
  const issues = services.content.listIssues();
  const entities = services.content.listEntities([
    'person',
    'organisation',
    'event',
    'figure',
    'contact',
    'document',
    'country',
  ]);
  const firstIssue = services.content.getIssue(issues[0]!.key)!;
  const passageKeys = firstIssue.sections.flatMap((s) => s.paragraphs.map((p) => p.key)).slice(0, 10);
  const sectionKeys = issues.flatMap((i) => i.sections.map((s) => s.key));
  const byType = new Map<string, string[]>();
  for (const e of entities) byType.set(e.type, [...(byType.get(e.type) ?? []), e.key]);
  const seedKeys = [
    ...sectionKeys.slice(0, 4),
    ...passageKeys.slice(0, 3),
    ...[...byType.values()].flatMap((keys) => keys.slice(0, 3)),
  ];
  for (const [i, key] of seedKeys.entries()) {
    const added = await dispatch('bookmarks:add', { key });
    if (!added.ok) throw new Error(`seeding: bookmarks:add ${key}: ${added.error.message}`);
    const { id } = added.value as { id: number };
    if (i % 3 === 0) await dispatch('bookmarks:update', { id, note: `seed note ${i}`, tags: ['seed', `t${i % 4}`] });
    if (i % 7 === 6) await dispatch('bookmarks:remove', { ids: [id] });
  }
  const sourceFile = join(ASSETS, '000_1e644c5006785efa.txt');
  const newsletter = readFileSync(sourceFile);
  const { jobId, finished } = services.imports.analyse(services.imports.stage('seed.txt', newsletter));
  await finished;
  const saved = await dispatch('import:save', { jobId, onDuplicate: 'keep-both' });
  if (!saved.ok) throw new Error(`seeding: import:save: ${saved.error.message}`);
  const importedKeys = (saved.value as { keys: string[] }).keys;
  // A finished job left unsaved, for import:save and import:cancel to find.
  const unsaved = services.imports.analyse(services.imports.stage('again.txt', newsletter));
  await unsaved.finished;

  const reader = new Database(join(userDataDir, USER_DB_FILE), { readonly: true, fileMustExist: true });
  const itemKeys = [
    ...new Set([
      ...issues.map((i) => i.key),
      ...sectionKeys,
      ...passageKeys,
      ...entities.map((e) => e.key),
      ...importedKeys,
    ]),
  ];
  const uploads: string[] = [];
  const jobs: string[] = [unsaved.jobId];
  const remember = (pool: string[], value: string) => {
    pool.push(value);
    if (pool.length > 8) pool.shift();
  };
  const bookmarkIds = () =>
    reader
      .prepare<[], { id: number }>('SELECT id FROM bookmarks')
      .all()
      .map((r) => r.id);
  const last = (path: readonly string[]) => path.filter((p) => p !== '[]').at(-1) ?? '';
  const known = (path: readonly string[], schema: JsonSchema): readonly unknown[] | undefined => {
    const field = last(path);
    // A complete upload of a real issue, staged now (the service keeps only the last four), so
    // that import:analyse also runs the whole pipeline under hostile corrections.
    if (field === 'uploadId') return [services.imports.stage('issue.txt', newsletter), ...uploads.slice(-2)];
    if (field === 'jobId') return jobs;
    if (field === 'id' || field === 'ids') return bookmarkIds();
    if (field === 'size') return [1, 2, 3, 4, 8, 16, 64];
    if (field === 'index') return [0, 1];
    if (field === 'data') return ['', 'QQ==', 'YWJj', 'AAAA', 'JVBERi0='];
    if (field === 'issue' || field === 'issueKey') return [...issues.map((i) => i.key), ...importedKeys];
    if (field === 'sectionKey') return sectionKeys;
    if (field === 'country' || field === 'countries') return byType.get('country') ?? [];
    if (schema.pattern === itemKeyPattern || field === 'key' || field === 'keys') return itemKeys;
    return undefined;
  };

  const renderer = tempDir('valise-hostile-renderer-');
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Valise</title>');
  const host = await startWebHost({ rendererDir: renderer, dispatch });
  const origin = new URL(host.url).origin;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });

  function overHttp(body: string): Promise<{ status: number; body: string }> {
    const url = new URL(host.url);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: IPC_PATH,
          method: 'POST',
          agent,
          headers: { origin, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  function framed(req: HostileRequest, frame: Frame): string {
    const message: [string, unknown][] = [['channel', req.channel]];
    if (frame !== 'no-args') message.push(['args', req.args]);
    if (frame === 'polluting-key')
      message.push(['__proto__', { polluted: true }], ['constructor', { prototype: { polluted: true } }]);
    const object: Record<string, unknown> = {};
    for (const [k, v] of message)
      Object.defineProperty(object, k, { value: v, enumerable: true, writable: true, configurable: true });
    return JSON.stringify(frame === 'in-an-array' ? [object] : object);
  }

  const problems: string[] = [];
  const onRejection = (reason: unknown) =>
    problems.push(`unhandled rejection: ${show(reason instanceof Error ? reason.stack : reason)}`);
  const onException = (error: Error) => problems.push(`uncaught exception: ${error.stack ?? error.message}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);

  // A dump is taken again only when SQLite's data_version (on this reader) says another
  // connection committed something since the last one: an unchanged data_version is an unchanged
  // database. Whenever anything was committed, the whole dump is taken and compared.
  let cached: { version: number; dump: string } | null = null;
  const dataVersion = () => reader.pragma('data_version', { simple: true }) as number;
  function currentDump(): string {
    const version = dataVersion();
    if (!cached || cached.version !== version) cached = { version, dump: dumpOf(reader) };
    return cached.dump;
  }

  const baseline = prototypeKeys();
  const baselineKeys = new Map(PROTOTYPES.map((proto) => [proto, new Set(Reflect.ownKeys(proto))]));
  const stats: Record<Via, Map<string, ChannelStats>> = { dispatcher: new Map(), http: new Map() };

  async function send(req: HostileRequest, via: Via, frame: Frame): Promise<Envelope<unknown>> {
    if (via === 'dispatcher') {
      // What Electron's IPC hands main: a structured clone of what the page sent. A value too
      // deep to clone never leaves the page; it is sent as it is, for the dispatcher to cope.
      let args: unknown;
      try {
        args = structuredClone(req.args);
      } catch {
        args = req.args;
      }
      let reply: Envelope<unknown>;
      try {
        reply = await dispatch(req.channel, args);
      } catch (error) {
        throw new InvariantBroken(
          `the dispatcher threw on ${show(req.channel)}: ${(error as Error).stack ?? String(error)}`,
        );
      }
      return reply;
    }
    const body = framed(req, frame);
    if (body.length > 16 * MAX_BODY)
      throw new Error(`the generator made a request of ${body.length} characters: keep them under ${16 * MAX_BODY}`);
    let res: { status: number; body: string };
    try {
      res = await overHttp(body);
    } catch (error) {
      throw new InvariantBroken(`the web host failed the HTTP exchange for ${show(req.channel)}: ${String(error)}`);
    }
    let envelope: unknown;
    try {
      envelope = JSON.parse(res.body);
    } catch {
      throw new InvariantBroken(`the web host answered ${res.status} with a body that is not JSON: ${show(res.body)}`);
    }
    if (![200, 400, 413].includes(res.status))
      throw new InvariantBroken(`the web host answered status ${res.status}: ${show(res.body)}`);
    if (!isEnvelope(envelope))
      throw new InvariantBroken(`the web host answered something that is not an envelope: ${show(res.body)}`);
    return envelope;
  }

  /**
   * Saved imports pile up over a soak, and every save rebuilds the library from all of them: past
   * three, the oldest are taken out again (between requests, through the dispatcher).
   */
  async function keepImportsFew(): Promise<void> {
    const imported = services.imports.list();
    for (const { key } of imported.slice(0, Math.max(0, imported.length - 3))) {
      const removed = await dispatch('import:remove', { key });
      if (!removed.ok)
        throw new InvariantBroken(
          `import:remove of ${key}, to keep the library small, answered ${removed.error.code}: ${removed.error.message}`,
        );
    }
  }

  async function check(req: HostileRequest, via: Via, frame: Frame = 'plain'): Promise<Envelope<unknown>> {
    const channel = via === 'http' && frame === 'in-an-array' ? null : req.channel;
    const label = isChannel(channel) ? channel : '(not a channel)';
    const started = performance.now();
    const before = currentDump();
    const loggedBefore = logged.length;
    const reply = await send(req, via, frame);
    const ms = performance.now() - started;
    const what = () =>
      `${via} ${show(req.channel, 60)} (${req.kind}${via === 'http' ? `, ${frame}` : ''}) args ${show(req.args)}`;

    if (!isEnvelope(reply)) throw new InvariantBroken(`not an envelope from ${what()}: ${show(reply)}`);
    if (!reply.ok && reply.error.code === 'INTERNAL') {
      throw new InvariantBroken(
        `INTERNAL from ${what()}; logged: ${logged.slice(loggedBefore).join('\n') || '(nothing)'}`,
      );
    }
    if (!reply.ok && /\.[cm]?[jt]s:\d+|\n\s+at /.test(reply.error.message))
      throw new InvariantBroken(`a stack trace in the reply to ${what()}: ${reply.error.message}`);
    if (ms > SLOW_MS)
      throw new InvariantBroken(
        `${Math.round(ms)} ms (over ${SLOW_MS}) to answer ${what()}: main is blocked while it works`,
      );
    const pollution = polluted() ?? (prototypeKeys() !== baseline ? 'a prototype has new or lost keys' : null);
    if (pollution) {
      const added = PROTOTYPES.flatMap((proto) =>
        Reflect.ownKeys(proto)
          .filter((k) => !baselineKeys.get(proto)!.has(k))
          .map(String),
      );
      cleanPrototypes(baselineKeys);
      throw new InvariantBroken(
        `prototype pollution after ${what()}: ${pollution} (added: ${added.join(', ') || 'none'})`,
      );
    }
    if (problems.length) throw new InvariantBroken(`after ${what()}: ${problems.splice(0).join('\n')}`);
    const after = currentDump();
    if (!reply.ok) {
      if (after !== before)
        throw new InvariantBroken(
          `refused (${reply.error.code}: ${reply.error.message}) but the user database changed (${differingTables(before, after).join(', ')}) after ${what()}`,
        );
    } else if (isChannel(channel)) {
      const result = contract[channel].result.safeParse(reply.value);
      if (!result.success)
        throw new InvariantBroken(
          `accepted, but the answer breaks the contract's result (${result.error.issues[0]?.path.join('.')}: ${result.error.issues[0]?.message}) for ${what()}`,
        );
      if (channel === 'import:begin') remember(uploads, (reply.value as { uploadId: string }).uploadId);
      if (channel === 'import:analyse') remember(jobs, (reply.value as { jobId: string }).jobId);
      if (channel === 'import:save') await keepImportsFew();
    }

    const entry = stats[via].get(label) ?? { sent: 0, accepted: 0, refused: 0, codes: {}, ms: 0, slowest: 0 };
    entry.sent++;
    entry.ms += ms;
    entry.slowest = Math.max(entry.slowest, ms);
    if (reply.ok) entry.accepted++;
    else {
      entry.refused++;
      entry.codes[reply.error.code] = (entry.codes[reply.error.code] ?? 0) + 1;
    }
    stats[via].set(label, entry);
    return reply;
  }

  async function stillServes(): Promise<void> {
    const probes: [Channel, unknown][] = [
      ['content:listIssues', {}],
      ['bookmarks:list', {}],
      ['app:info', {}],
      ['search:query', { query: 'trafficking' }],
      ['content:getIssue', { key: issues[0]!.key }],
    ];
    for (const via of ['dispatcher', 'http'] as const) {
      for (const [channel, args] of probes) {
        const reply = await check({ channel, args, kind: 'valid' }, via);
        if (!reply.ok)
          throw new InvariantBroken(
            `after the hostile requests, ${channel} over ${via} answers ${reply.error.code}: ${reply.error.message}`,
          );
      }
    }
  }

  return {
    check,
    stillServes,
    known,
    stats,
    logged,
    userDataDir,
    services,
    host,
    async close() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
      agent.destroy();
      await host.close();
      reader.close();
      await opened.close();
    },
  };
}

/** The per-channel figures as a table, and their totals. */
export function summarise(stats: Map<string, ChannelStats>): {
  rows: (ChannelStats & { channel: string })[];
  total: ChannelStats;
  table: string;
} {
  const rows = [...stats.entries()]
    .map(([channel, s]) => ({ channel, ...s, ms: Math.round(s.ms), slowest: Math.round(s.slowest * 10) / 10 }))
    .sort((a, b) => a.channel.localeCompare(b.channel));
  const total = rows.reduce<ChannelStats>(
    (t, r) => {
      for (const [code, n] of Object.entries(r.codes)) t.codes[code] = (t.codes[code] ?? 0) + n;
      return {
        sent: t.sent + r.sent,
        accepted: t.accepted + r.accepted,
        refused: t.refused + r.refused,
        codes: t.codes,
        ms: t.ms + r.ms,
        slowest: Math.max(t.slowest, r.slowest),
      };
    },
    { sent: 0, accepted: 0, refused: 0, codes: {}, ms: 0, slowest: 0 },
  );
  const codes = (c: Record<string, number>) =>
    Object.entries(c)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const table = [
    line(['channel', 'requests', 'accepted', 'refused', 'refusals by code', 'total ms', 'slowest ms']),
    line(['---', '---:', '---:', '---:', '---', '---:', '---:']),
    ...rows.map((r) =>
      line([
        r.channel,
        String(r.sent),
        String(r.accepted),
        String(r.refused),
        codes(r.codes),
        String(r.ms),
        String(r.slowest),
      ]),
    ),
    line([
      '**total**',
      String(total.sent),
      String(total.accepted),
      String(total.refused),
      codes(total.codes),
      String(Math.round(total.ms)),
      String(total.slowest),
    ]),
  ].join('\n');
  return { rows, total, table };
}
