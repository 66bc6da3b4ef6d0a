/**
 * A hundred times: a writer process is killed with SIGKILL at a random moment in a stream of
 * bookmark writes; after each kill the database passes integrity_check and holds every write the
 * writer had acknowledged.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openUserDatabase } from '../../main/services/user-db.node';
import { tempDir } from '../support/content';

const ROOT = join(__dirname, '..', '..');
const KILLS = 100;

function writeThenKill(dir: string, run: number, afterAcks: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests', 'support', 'crash-writer.ts'), dir, String(run)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const acked: string[] = [];
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('ack ')) acked.push(line.slice(4));
        if ((line === 'ready' && afterAcks === 0) || acked.length === afterAcks) child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`writer exited without being killed (${signal})`))));
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged write through ${KILLS} kills`, async () => {
    const dir = tempDir();
    const all: string[] = [];
    for (let run = 0; run < KILLS; run++) {
      const acked = await writeThenKill(dir, run, Math.floor(Math.random() * 40));
      all.push(...acked);
      const check = new Database(join(dir, 'valise-user.sqlite'));
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      const present = new Set((check.prepare('SELECT item_key FROM bookmarks').all() as { item_key: string }[]).map((r) => r.item_key));
      check.close();
      for (const key of acked) expect(present.has(key), `${key} was acknowledged but is missing after kill ${run}`).toBe(true);
    }
    const reopened = openUserDatabase(dir);
    expect(reopened.notices).toEqual([]);
    expect(all.length).toBeGreaterThan(KILLS);
  }, 240_000);
});
