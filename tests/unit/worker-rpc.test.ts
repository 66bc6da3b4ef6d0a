/**
 * Errors across a worker's port (#25): the transport knows no error class. An error's own plain
 * fields cross with it (SQLite's `code`, by which a full disk is told apart and answered DISK_FULL),
 * what is not plain data stays behind, and a client's `revive` makes its own kind again (the
 * analysis worker's client: an ImportError with its problem and catalogue message, shown in French).
 */
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../main/services/import/import-error.node';
import { reviveImportError } from '../../main/services/workers/off-thread.node';
import { reviveError, serialiseError, settle, type Pending } from '../../main/services/workers/worker-rpc.node';

/** As a port carries it: structured clone. */
const across = (error: unknown) => reviveError(structuredClone(serialiseError(error)));

describe('an error across the worker transport', () => {
  it('keeps its name, message and plain fields, and leaves what is not data', () => {
    const full = Object.assign(new Error('database or disk is full'), {
      name: 'SqliteError',
      code: 'SQLITE_FULL',
      detail: { page: 3 },
      handle: () => 1,
    });
    const revived = across(full) as Error & Record<string, unknown>;
    expect(revived).toBeInstanceOf(Error);
    expect(revived.name).toBe('SqliteError');
    expect(revived.message).toBe('database or disk is full');
    expect(revived.code).toBe('SQLITE_FULL');
    expect(revived.detail).toEqual({ page: 3 });
    expect('handle' in revived).toBe(false);
  });

  it('gives the analysis worker an ImportError again, with its problem and catalogue message', () => {
    const refused = ImportError.fromCatalogue('no-issue', 'import.pack-as-signed');
    const revived = reviveError(structuredClone(serialiseError(refused)), reviveImportError);
    expect(revived).toBeInstanceOf(ImportError);
    expect((revived as ImportError).problem).toBe('no-issue');
    expect((revived as ImportError).localised.messageId).toBe('import.pack-as-signed');
    expect(revived.message).toBe(refused.message);
    // Any other error is no ImportError, whatever its fields.
    expect(
      reviveError(serialiseError(Object.assign(new Error('x'), { problem: 'no-issue' })), reviveImportError),
    ).not.toBeInstanceOf(ImportError);
  });

  it('carries a thrown value that is not an Error as its text', () => {
    expect(across('plain text').message).toBe('plain text');
  });
});

describe('a reply settling what waits for it', () => {
  it('gives progress, then the value, to its own request only; a told message that failed is returned', () => {
    const seen: unknown[] = [];
    const pending = new Map<number, Pending>([
      [
        1,
        {
          resolve: (v) => seen.push(['1 resolved', v]),
          reject: (e) => seen.push(['1 rejected', e.message]),
          onProgress: (d, t) => seen.push(['1 progress', d, t]),
        },
      ],
      [2, { resolve: (v) => seen.push(['2 resolved', v]), reject: (e) => seen.push(['2 rejected', e.message]) }],
    ]);
    expect(settle(pending, { id: 1, progress: [3, 11] })).toBeNull();
    expect(settle(pending, { id: 2, error: serialiseError(new Error('refused')) })).toBeNull();
    expect(settle(pending, { id: 1, value: 'read' })).toBeNull();
    expect(settle(pending, { id: 9, value: 'nobody waits' })).toBeNull();
    expect(seen).toEqual([
      ['1 progress', 3, 11],
      ['2 rejected', 'refused'],
      ['1 resolved', 'read'],
    ]);
    expect(pending.size).toBe(0);
    expect(settle(pending, { id: 0, error: serialiseError(new Error('the shard could not be added')) })?.message).toBe(
      'the shard could not be added',
    );
  });
});
