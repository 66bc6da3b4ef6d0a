import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, MAX_REQUEST_BYTES } from '../../common/contract/channels.std';
import { contract } from '../../common/contract/contract.std';
import { openServices } from '../../main/services/create.node';
import { contentDb, tempDir } from '../support/content';

function services(log = vi.fn()) {
  return {
    ...openServices({ contentDbPath: contentDb(), userDataDir: tempDir(), appVersion: '1.2.3', host: 'web', log }),
    log,
  };
}

describe('the IPC boundary', () => {
  it('serves a valid request, and the result matches the contract', async () => {
    const { dispatch } = services();
    const reply = await dispatch('content:getIssue', { key: '2018-no-10' });
    expect(reply.ok).toBe(true);
    if (reply.ok) expect(contract['content:getIssue'].result.safeParse(reply.value).success).toBe(true);
  });

  it('refuses an unknown channel', async () => {
    const { dispatch } = services();
    expect(await dispatch('shell:openExternal', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch(undefined, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses arguments of the wrong type, and unexpected fields', async () => {
    const { dispatch } = services();
    expect(await dispatch('content:getIssue', { key: 42 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await dispatch('content:getIssue', 'x')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await dispatch('content:getIssue', { key: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await dispatch('content:listIssues', { sql: 'DROP TABLE issues' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });

  it('refuses hostile import requests: oversized files, bad chunks, forged ids, unknown jobs', async () => {
    const { dispatch } = services();
    expect(await dispatch('import:begin', { name: 'a.pdf', size: 60 * 1024 * 1024 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    const begun = await dispatch('import:begin', { name: 'a.txt', size: 4 });
    expect(begun).toMatchObject({ ok: true, value: { uploadId: expect.stringMatching(/^u[0-9a-f]{16}$/) } });
    const { uploadId } = (begun as { value: { uploadId: string } }).value;
    expect(await dispatch('import:chunk', { uploadId, index: 0, data: '<script>' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await dispatch('import:chunk', { uploadId, index: 1, data: 'YWJj' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/out of order/) },
    });
    expect(await dispatch('import:chunk', { uploadId, index: 0, data: 'YWJjZGVmZ2g=' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/larger than announced/) },
    });
    expect(await dispatch('import:analyse', { uploadId })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/Only 0 of/) },
    });
    expect(await dispatch('import:analyse', { uploadId: 'u../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await dispatch('import:progress', { jobId: 'j0000000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await dispatch('import:save', { jobId: 'j0000000000000000', onDuplicate: 'overwrite-all' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await dispatch('import:remove', { key: '2018-no-10' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await dispatch('import:analyse', { uploadId, corrections: { title: 'x', sql: 'DROP' } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });

  it('refuses oversized and non-serialisable arguments', async () => {
    const { dispatch } = services();
    const big = { key: 'a'.repeat(MAX_REQUEST_BYTES + 1) };
    expect(await dispatch('content:getIssue', big)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await dispatch('content:getIssue', cyclic)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('takes a request of 65,536 bytes (64 KiB), and refuses one of 65,537 as TOO_LARGE with nothing run', async () => {
    const { dispatch } = services();
    const added = await dispatch('bookmarks:add', { key: 'person/jean-yves-le-drian' });
    const id = (added as { value: { id: number } }).value.id;
    /** An update whose arguments are exactly `bytes` long as JSON: a note of control characters (6 bytes each, "\u0001"), then letters. */
    const update = (bytes: number) => {
      const overhead = Buffer.byteLength(JSON.stringify({ id, note: '' }));
      const escaped = Math.floor((bytes - overhead) / 6);
      const args = { id, note: '\u0001'.repeat(escaped) + 'a'.repeat(bytes - overhead - escaped * 6) };
      expect(Buffer.byteLength(JSON.stringify(args))).toBe(bytes);
      return args;
    };
    const atLimit = update(65_536);
    expect(await dispatch('bookmarks:update', atLimit)).toMatchObject({ ok: true, value: { id, note: atLimit.note } });
    const over = await dispatch('bookmarks:update', { ...update(65_537) });
    expect(over).toMatchObject({
      ok: false,
      error: { code: 'TOO_LARGE', message: 'Arguments for bookmarks:update are 65537 bytes; the limit is 65536.' },
    });
    expect(await dispatch('bookmarks:list', {})).toMatchObject({ ok: true, value: [{ id, note: atLimit.note }] });
  });

  it('reports a missing item as NOT_FOUND', async () => {
    const { dispatch } = services();
    expect(await dispatch('content:getIssue', { key: '1999-no-1' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('turns an unexpected failure into INTERNAL without its stack, and logs it', async () => {
    const { dispatch, close, log } = services();
    close(); // the database is gone: every query now throws
    const reply = await dispatch('content:listIssues', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(reply)).not.toMatch(/\.ts:\d+|at /);
    expect(log).toHaveBeenCalled();
  });

  it('knows every channel the preload lets through', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
  });
});
