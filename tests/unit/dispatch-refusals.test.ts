/**
 * The dispatcher alone, with handlers that only record their calls: what each refusal says, and
 * that no handler runs when one is refused (#27). `dispatch.test.ts` drives it through the real
 * services; here every branch of `dispatch.node.ts` and the envelope check are pinned one by one.
 */
import { describe, expect, it, vi } from 'vitest';
import { ContractError, isEnvelope } from '../../common/contract/errors.std';
import { createDispatcher } from '../../main/ipc/dispatch.node';
import type { Handlers } from '../../main/ipc/handlers.node';

function dispatcherWith(answer: (channel: string, args: unknown) => unknown) {
  const calls: string[] = [];
  const handlers = new Proxy(
    {},
    { get: (_, channel: string) => (args: unknown) => (calls.push(channel), answer(channel, args)) },
  ) as Handlers;
  const log = vi.fn();
  return { dispatch: createDispatcher(handlers, log), calls, log };
}
const failingWith = (error: unknown) =>
  dispatcherWith(() => {
    throw error;
  });
const ok = () => dispatcherWith((_, args) => ({ echoed: args }));

describe('the dispatcher refuses, with nothing run', () => {
  it('a channel outside the contract, naming it (cut to 80 characters) or its type', async () => {
    const { dispatch, calls } = ok();
    const long = `x:${'y'.repeat(200)}`;
    const reply = await dispatch(long, {});
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'UNKNOWN_CHANNEL',
        message: `“${long.slice(0, 80)}” is not a channel of the Valise contract.`,
        messageId: 'contract.unknown-channel',
      },
    });
    expect(await dispatch(42, {})).toMatchObject({
      error: { message: '“number” is not a channel of the Valise contract.' },
    });
    expect(calls).toEqual([]);
  });

  it('arguments that are not plain data: a function, a cycle', async () => {
    const { dispatch, calls } = ok();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const args of [() => 1, cyclic]) {
      expect(await dispatch('content:getIssue', args)).toMatchObject({
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message: 'Arguments for content:getIssue are not plain data.',
          messageId: 'contract.not-plain-data',
        },
      });
    }
    expect(calls).toEqual([]);
  });

  it('arguments failing the schema, naming each field (three at most) or "arguments" for the whole', async () => {
    const { dispatch, calls } = ok();
    const field = await dispatch('content:getIssue', { key: 42 });
    expect(field).toMatchObject({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^Invalid arguments for content:getIssue: key: .+\.$/),
      },
    });
    const whole = await dispatch('content:getIssue', 'x');
    expect(whole).toMatchObject({
      error: {
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^Invalid arguments for content:getIssue: arguments: /),
      },
    });
    const nested = await dispatch('bookmarks:update', { id: 1, tags: [5] });
    expect(nested).toMatchObject({ error: { message: expect.stringMatching(/: tags\.0: /) } });
    const many = await dispatch('bookmarks:update', { id: -1, note: 5, tags: 'x', a: 1, b: 2 });
    const detail = (many as { error: { message: string } }).error.message.replace(
      /^Invalid arguments for bookmarks:update: /,
      '',
    );
    expect(detail.split('; ')).toHaveLength(3);
    expect(calls).toEqual([]);
  });

  it('takes missing arguments as an empty object', async () => {
    const { dispatch, calls } = ok();
    expect(await dispatch('content:listIssues', undefined)).toEqual({ ok: true, value: { echoed: {} } });
    expect(calls).toEqual(['content:listIssues']);
  });
});

describe('the dispatcher answers a handler’s failure', () => {
  it('as the handler’s own ContractError', async () => {
    const { dispatch, log } = failingWith(new ContractError('NOT_FOUND', 'No issue has the key 1999-no-1.'));
    expect(await dispatch('content:getIssue', { key: '1999-no-1' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No issue has the key 1999-no-1.' },
    });
    expect(log).not.toHaveBeenCalled();
  });

  it.for(['SQLITE_FULL', 'ENOSPC'])('as DISK_FULL for %s, a catalogued message, unlogged', async (code) => {
    const { dispatch, log } = failingWith(Object.assign(new Error('full'), { code }));
    const reply = await dispatch('bookmarks:add', { key: 'person/someone' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'DISK_FULL', messageId: 'error.disk-full' } });
    expect(log).not.toHaveBeenCalled();
  });

  it.for([new Error('boom'), null, 'a string', { code: 'SQLITE_BUSY' }])(
    'as INTERNAL, logged with its channel, without a stack: %s',
    async (thrown) => {
      const { dispatch, log } = failingWith(thrown);
      const reply = await dispatch('content:listIssues', {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL', messageId: 'error.internal' } });
      expect(JSON.stringify(reply)).not.toMatch(/boom|at .*\.ts/);
      expect(log).toHaveBeenCalledWith('IPC content:listIssues failed', thrown);
    },
  );
});

describe('isEnvelope', () => {
  it('takes a success with a value and a failure with a known code and a message', () => {
    expect(isEnvelope({ ok: true, value: null })).toBe(true);
    expect(isEnvelope({ ok: false, error: { code: 'NOT_FOUND', message: 'x' } })).toBe(true);
  });

  it.for([
    ['a success without a value', { ok: true }],
    ['an unknown code', { ok: false, error: { code: 'NOPE', message: 'x' } }],
    ['a failure without a message', { ok: false, error: { code: 'NOT_FOUND' } }],
    ['a failure without an error', { ok: false }],
    ['ok neither true nor false', { ok: 'yes', value: 1 }],
    ['ok neither true nor false, with a well-formed error', { ok: 'no', error: { code: 'NOT_FOUND', message: 'x' } }],
    ['no ok', { value: 1 }],
    ['null', null],
    ['a string', 'ok'],
  ] as const)('refuses %s', ([, value]) => {
    expect(isEnvelope(value)).toBe(false);
  });
});
