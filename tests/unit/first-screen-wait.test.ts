/**
 * The bootstrap's short wait for the library's data before React first renders (#26, round 5,
 * renderer/src/app/first-screen.dom.ts): it ends as soon as the data has come, or failed, and after
 * its time in any case, so that a slow or held request never keeps the page blank; it never rejects.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settledOrAfter } from '../../renderer/src/app/first-screen.dom';

const WAIT_MS = 100;

/** Whether `promise` has settled once the pending microtasks have run. */
async function hasSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await vi.advanceTimersByTimeAsync(0);
  return settled;
}

describe('settledOrAfter: the first render waits for the data, briefly', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ends when the data comes, before its time is up', async () => {
    let answer!: (value: string) => void;
    const data = new Promise<string>((done) => (answer = done));
    const waited = settledOrAfter(data, WAIT_MS);
    expect(await hasSettled(waited)).toBe(false);
    await vi.advanceTimersByTimeAsync(WAIT_MS / 4);
    expect(await hasSettled(waited)).toBe(false);
    answer('issues');
    expect(await hasSettled(waited)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends when the data fails, and does not fail itself: the screen shows the failure', async () => {
    let fail!: (error: Error) => void;
    const data = new Promise<string>((_done, reject) => (fail = reject));
    const waited = settledOrAfter(data, WAIT_MS);
    fail(new Error('no answer'));
    expect(await hasSettled(waited)).toBe(true);
    await expect(waited).resolves.toBeUndefined();
  });

  it('ends after its time when the data never comes, so the frame is drawn', async () => {
    const waited = settledOrAfter(new Promise(() => {}), WAIT_MS);
    await vi.advanceTimersByTimeAsync(WAIT_MS - 1);
    expect(await hasSettled(waited)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await hasSettled(waited)).toBe(true);
  });
});
