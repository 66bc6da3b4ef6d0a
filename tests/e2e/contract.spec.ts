/** Bad requests over the real transport of each host get typed errors, never a crash or a stack. */
import { expect, test } from './support/fixtures';

test('a request of the wrong type is refused as BAD_REQUEST', async ({ valise }) => {
  await valise.screen('library');
  const reply = await valise.rawInvoke('content:getIssue', { key: 42 });
  expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  expect(JSON.stringify(reply)).not.toMatch(/at .*\.(ts|js):\d+/);
});

test('an unknown channel is refused as UNKNOWN_CHANNEL', async ({ valise }) => {
  await valise.screen('library');
  const reply = await valise.rawInvoke('fs:readFile', { path: '/etc/passwd' });
  expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
});

test('an oversized argument is refused as TOO_LARGE', async ({ valise }) => {
  await valise.screen('library');
  const reply = await valise.rawInvoke('content:getIssue', { key: 'a'.repeat(200_000) });
  expect(reply).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
});

test('a well-formed request still works after bad ones', async ({ valise }) => {
  await valise.screen('library');
  expect(await valise.rawInvoke('content:getIssue', { key: null })).toMatchObject({
    ok: false,
    error: { code: 'BAD_REQUEST' },
  });
  expect(await valise.rawInvoke('fs:readFile', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  const reply = (await valise.rawInvoke('app:info', {})) as { ok: boolean; value: { host: string } };
  expect(reply.ok).toBe(true);
  expect(reply.value.host).toBe(valise.host === 'electron' ? 'electron' : 'web');
});
