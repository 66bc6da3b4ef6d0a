/**
 * Crash and power-loss safety of the user database. A writer process adds bookmarks and sets
 * their notes and tags as fast as it can, acknowledging each change once it has returned; it is
 * cut at a seeded random moment. After a kill (SIGKILL: the OS keeps what was written) and after
 * a power cut (only what was fsynced is kept), the database passes integrity_check and holds every
 * acknowledged change, notes and tags included.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openUserDatabase } from '../../main/services/user-data/user-db.node';
import { tempDir } from '../support/content';
import { cutPower, durableEnv, powerCutShim } from '../support/power-cut/power-cut';

const ROOT = join(__dirname, '..', '..');
const KILLS = 100;
const POWER_CUTS = 20;
const MAX_ACKS_BEFORE_CUT = 40;
const SEED = Number(process.env.VALISE_CRASH_SEED ?? 20261123);

/** mulberry32: the same cuts on every run of the same seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the writer until `afterAcks` acknowledgements, kills it, and returns every ack it printed. */
function writeThenKill(
  dir: string,
  run: number,
  afterAcks: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'tests', 'support', 'crash-writer.ts'), dir, String(run)],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const acked: string[] = [];
    let buffer = '';
    const read = (text: string) => {
      buffer += text;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('ack ')) acked.push(line.slice(4));
        if ((line === 'ready' && afterAcks === 0) || acked.length === afterAcks) child.kill('SIGKILL');
      }
    };
    child.stdout.on('data', (chunk: Buffer) => read(chunk.toString()));
    // 'close', not 'exit': every ack the writer printed has been read by then.
    child.on('close', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`writer ended without being killed (${signal})`)),
    );
  });
}

interface Row {
  item_key: string;
  note: string;
  tags: string | null;
}

/** Each acknowledged key missing, or present without the note and tags the writer set. */
function lostChanges(dir: string, run: number, acked: string[]): string[] {
  const db = new Database(join(dir, 'valise-user.sqlite'));
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const rows = db
    .prepare<[], Row>(
      `SELECT b.item_key, b.note, (SELECT json_group_array(t.name) FROM bookmark_tags bt JOIN tags t ON t.id = bt.tag_id WHERE bt.bookmark_id = b.id) AS tags FROM bookmarks b`,
    )
    .all();
  db.close();
  const byKey = new Map(rows.map((r) => [r.item_key, r]));
  return acked.filter((key) => {
    const n = Number(key.split('/').pop());
    const row = byKey.get(key);
    const tags = row ? (JSON.parse(row.tags ?? '[]') as string[]).sort() : [];
    return !row || row.note !== `note ${n}` || tags.join() !== [n % 2 ? 'odd' : 'even', `run-${run}`].sort().join();
  });
}

describe('the user database', () => {
  it('is open with WAL, synchronous FULL and foreign keys in force', () => {
    const userDb = openUserDatabase(tempDir());
    expect(userDb.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(userDb.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(userDb.db.pragma('foreign_keys', { simple: true })).toBe(1);
    void userDb.close();
  });
});

describe('crash safety', () => {
  it(`keeps every acknowledged change through ${KILLS} kills (seed ${SEED})`, async () => {
    const random = seeded(SEED);
    const dir = tempDir();
    let acknowledged = 0;
    for (let run = 0; run < KILLS; run++) {
      const acked = await writeThenKill(dir, run, Math.floor(random() * MAX_ACKS_BEFORE_CUT));
      acknowledged += acked.length;
      expect(lostChanges(dir, run, acked), `lost after kill ${run}`).toEqual([]);
    }
    expect(openUserDatabase(dir).notices).toEqual([]);
    expect(acknowledged).toBeGreaterThan(KILLS);
  }, 240_000);
});

// The power cut preloads a C shim into the writer (LD_PRELOAD, /proc/self/fd): Linux only.
describe.skipIf(process.platform !== 'linux')('power-loss safety', () => {
  const shim = powerCutShim();
  /** Power cuts on the database as the app opens it, or with its synchronous pragma overridden. */
  const cuts = async (synchronous?: 'OFF') => {
    if (!('path' in shim)) throw new Error(shim.why);
    const random = seeded(SEED + 1);
    const lost: string[] = [];
    let acknowledged = 0;
    for (let run = 0; run < POWER_CUTS; run++) {
      const dir = tempDir();
      const env = { ...durableEnv(shim.path, dir), ...(synchronous ? { VALISE_TEST_SYNCHRONOUS: synchronous } : {}) };
      const acked = await writeThenKill(dir, run, 1 + Math.floor(random() * MAX_ACKS_BEFORE_CUT), env);
      acknowledged += acked.length;
      cutPower(dir);
      lost.push(...lostChanges(dir, run, acked));
    }
    expect(acknowledged).toBeGreaterThan(POWER_CUTS);
    return lost;
  };

  it(`keeps every acknowledged change through ${POWER_CUTS} power cuts`, async () => {
    expect(await cuts()).toEqual([]);
  }, 120_000);

  it('would lose acknowledged changes with synchronous OFF: the power cut tells the two apart', async () => {
    expect((await cuts('OFF')).length).toBeGreaterThan(0);
  }, 120_000);
});
