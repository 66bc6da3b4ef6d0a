/**
 * The built Electron app (out/main, out/preload) under the Electron double: every contract
 * channel, sent by the page through the preload bridge, reaches ipcMain and answers as the
 * dispatcher does; from any other sender it answers FORBIDDEN and nothing runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../common/contract/channels.std';
import { contract } from '../../common/contract/contract.std';
import { openServices } from '../../main/services/create.node';
import { PROJECT_ROOT } from '../support/boot-main';
import { ASSETS, tempDir } from '../support/content';
import { appPerTest, type PageBridge } from '../support/electron-app';
import type { IpcRendererDouble } from '../support/electron-double/ipc';

const launch = appPerTest();
const CONTENT_DB = join(PROJECT_ROOT, 'out', 'content', 'content.sqlite');
const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const ISSUE_TEXT = readFileSync(join(ASSETS, '000_1e644c5006785efa.txt'));
const ENTITY = 'person/jean-yves-le-drian';

type Invoke = (channel: Channel, args: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
interface Step {
  channel: Channel;
  args: (ctx: Record<string, string>) => unknown;
  /** What a later step needs from this one's answer. */
  keep?: (value: never, ctx: Record<string, string>) => void;
  /** The part of the answer that must agree, where the rest is keyed by a random secret. */
  view?: (value: never) => unknown;
}

/** A session that uses every channel of the contract once at least, each answer feeding the next. */
const SESSION: Step[] = [
  { channel: 'app:info', args: () => ({}) },
  { channel: 'app:reportError', args: () => ({ message: 'a test error', where: 'electron-ipc.test' }) },
  { channel: 'app:setLanguage', args: () => ({ language: 'fr' }) },
  { channel: 'content:listIssues', args: () => ({}) },
  { channel: 'content:getIssue', args: () => ({ key: '2018-no-10' }) },
  { channel: 'content:getEntity', args: () => ({ key: ENTITY }) },
  { channel: 'content:listEntities', args: () => ({ types: ['organisation'] }) },
  {
    channel: 'content:exportEvents',
    args: () => ({ keys: ['event/2018-06-05-an-interregional-seminar'] }),
    view: (v: { fileName: string; count: number; content: string }) => ({
      fileName: v.fileName,
      count: v.count,
      uid: /UID:.*/.exec(v.content)?.[0],
    }),
  },
  { channel: 'search:query', args: () => ({ query: 'trafficking victims', limit: 5 }) },
  {
    channel: 'bookmarks:add',
    args: () => ({ key: ENTITY }),
    keep: (v: { id: number }, ctx) => void (ctx.id = String(v.id)),
  },
  { channel: 'bookmarks:update', args: (ctx) => ({ id: Number(ctx.id), note: 'meet in Vienna', tags: ['trip'] }) },
  { channel: 'bookmarks:tag', args: (ctx) => ({ ids: [Number(ctx.id)], add: ['contacts'] }) },
  { channel: 'bookmarks:list', args: () => ({}) },
  {
    channel: 'bookmarks:export',
    args: () => ({ format: 'json' }),
    keep: (v: { content: string }, ctx) => void (ctx.exported = v.content),
  },
  { channel: 'bookmarks:remove', args: (ctx) => ({ ids: [Number(ctx.id)] }) },
  { channel: 'bookmarks:restore', args: (ctx) => ({ ids: [Number(ctx.id)] }) },
  { channel: 'bookmarks:import', args: (ctx) => ({ content: ctx.exported }) },
  { channel: 'bookmarks:status', args: () => ({}) },
  {
    channel: 'import:begin',
    args: () => ({ name: 'summer-2018.txt', size: ISSUE_TEXT.length }),
    keep: (v: { uploadId: string }, ctx) => void (ctx.uploadId = v.uploadId),
  },
  {
    channel: 'import:chunk',
    args: (ctx) => ({ uploadId: ctx.uploadId, index: 0, data: ISSUE_TEXT.toString('base64') }),
  },
  {
    channel: 'import:analyse',
    args: (ctx) => ({ uploadId: ctx.uploadId }),
    keep: (v: { jobId: string }, ctx) => void (ctx.jobId = v.jobId),
  },
  { channel: 'import:progress', args: (ctx) => ({ jobId: ctx.jobId }) },
  {
    channel: 'import:save',
    args: (ctx) => ({ jobId: ctx.jobId, onDuplicate: 'keep-both' }),
    keep: (v: { keys: string[] }, ctx) => void (ctx.saved = v.keys[0]!),
  },
  { channel: 'import:list', args: () => ({}) },
  {
    channel: 'packs:export',
    args: () => ({}),
    view: (v: { fileName: string; count: number }) => ({ fileName: v.fileName, count: v.count }),
  },
  { channel: 'import:cancel', args: (ctx) => ({ jobId: ctx.jobId }) },
  { channel: 'import:remove', args: (ctx) => ({ key: ctx.saved }) },
];

/** Waits for an analysis to end the way the page does, by asking for its progress. */
async function finished(invoke: Invoke, jobId: string): Promise<void> {
  for (;;) {
    const reply = await invoke('import:progress', { jobId });
    if (!reply.ok || (reply.value as { state: string }).state !== 'running') return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** What may differ between two runs of the same session: times, random ids, durations. */
const comparable = (reply: unknown) =>
  JSON.parse(
    JSON.stringify(reply)
      .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
      .replace(/\b[uj][0-9a-f]{16}\b/g, '<id>')
      .replace(/"tookMs":[\d.e-]+/g, '"tookMs":0'),
  ) as unknown;

async function run(invoke: Invoke): Promise<unknown[]> {
  const ctx: Record<string, string> = {};
  const answers: unknown[] = [];
  for (const step of SESSION) {
    if (step.channel === 'import:progress') await finished(invoke, ctx.jobId!);
    const reply = await invoke(step.channel, step.args(ctx));
    expect(reply, `${step.channel} answered`).toMatchObject({ ok: true });
    expect(contract[step.channel].result.safeParse(reply.value).success, `${step.channel} matches the contract`).toBe(
      true,
    );
    step.keep?.(reply.value as never, ctx);
    answers.push(
      comparable({ channel: step.channel, value: step.view ? step.view(reply.value as never) : reply.value }),
    );
  }
  return answers;
}

function referenceDispatcher(): Invoke {
  const { dispatch } = openServices({
    contentDbPath: CONTENT_DB,
    userDataDir: tempDir(),
    appVersion: VERSION,
    host: 'electron',
  });
  return dispatch as Invoke;
}

describe('the page, through the preload bridge, from app://valise/', () => {
  it('uses every channel of the contract, and each answers as the dispatcher does', async () => {
    const app = await launch();
    expect(new Set(SESSION.map((s) => s.channel))).toEqual(new Set(CHANNELS));
    const page = app.page();
    const throughBridge = await run((channel, args) => page.invoke(channel, args));
    const direct = await run(referenceDispatcher());
    expect(throughBridge).toEqual(direct);
  }, 60_000);

  it('gets the same typed refusal as the dispatcher for a bad request', async () => {
    const page = (await launch()).page();
    const dispatch = referenceDispatcher();
    for (const [channel, args] of [
      ['content:getIssue', { key: 42 }],
      ['bookmarks:add', { key: 'x', sql: 'DROP' }],
      ['search:query', 'a string'],
    ] as const) {
      const reply = await page.invoke(channel, args);
      expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(reply).toEqual(await dispatch(channel, args));
    }
  });

  it('exposes only `valise`, with only invoke and onEvent, and refuses other channels before IPC', async () => {
    const app = await launch();
    const world = app.window().webContents.mainWorld;
    expect(Object.keys(world)).toEqual(['valise']);
    expect(Object.keys(world.valise as object).sort()).toEqual(['invoke', 'onEvent']);
    expect(await app.page().invoke('shell:openExternal', { url: 'https://example.org' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(app.double.ipcMain.channels().sort()).toEqual(CHANNELS.map((c) => `valise:${c}`).sort());
    expect(app.double.ipcMain.eventNames(), 'ipcMain.on listeners').toEqual([]);
  });

  it('carries main’s events to the page’s listener, and stops when it unsubscribes', async () => {
    const app = await launch();
    const received: unknown[] = [];
    const stop = app.page().onEvent((event) => received.push(event));
    app.window().webContents.send('valise:event', { type: 'navigate', to: '/bookmarks' });
    // Unsubscribing hands the page nothing back (not ipcRenderer, with its send and invoke).
    expect(stop()).toBeUndefined();
    app.window().webContents.send('valise:event', { type: 'navigate', to: '/' });
    expect(received).toEqual([{ type: 'navigate', to: '/bookmarks' }]);
  });
});

/** Every channel with a request that would run (and change the user's data) if it were let in. */
const ATTEMPTS: [Channel, unknown][] = [
  ...CHANNELS.map((channel): [Channel, unknown] => [channel, {}]),
  ['bookmarks:add', { key: ENTITY }],
  ['app:reportError', { message: 'forged by another page', where: 'elsewhere' }],
  ['import:begin', { name: 'forged.txt', size: 10 }],
];

async function expectAllRefused(invokeFrom: (channel: Channel, args: unknown) => Promise<unknown>) {
  for (const [channel, args] of ATTEMPTS) {
    expect(await invokeFrom(channel, args), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
}

/** Asked by the app's own page afterwards: no bookmark, no import, no forged log line. */
async function expectNothingRan(page: PageBridge, logFile: string, refusedSender: string) {
  expect(await page.invoke('bookmarks:list', {})).toEqual({ ok: true, value: [] });
  expect(await page.invoke('import:list', {})).toEqual({ ok: true, value: [] });
  const log = readFileSync(logFile, 'utf8');
  expect(log).not.toContain('forged by another page');
  expect(log).toContain(`refused IPC bookmarks:add from ${refusedSender}`);
}

describe('any other sender', () => {
  const raw = (ipc: IpcRendererDouble) => (channel: Channel, args: unknown) => ipc.invoke(`valise:${channel}`, args);
  const logOf = (userData: string) => join(userData, 'logs', 'main.log');

  for (const url of [
    'file:///tmp/valise-evil.html',
    'http://127.0.0.1:5190/',
    'app://other/index.html',
    'app://valise.evil/index.html',
  ]) {
    it(`a page at ${url}, even with the preload, gets FORBIDDEN and nothing runs`, async () => {
      const app = await launch();
      const contents = app.window().webContents;
      contents.commitDocument(url);
      const hostile = app.page();
      expect(hostile, 'the preload runs in any document of the window').toBeDefined();
      await expectAllRefused((channel, args) => hostile.invoke(channel, args));
      await contents.loadAppAgain();
      await expectNothingRan(app.page(), logOf(app.userData), url);
    });
  }

  // The check's two halves, each alone: a document at the app's URL whose origin Chromium made
  // opaque (sandboxed: `Content-Security-Policy: sandbox`, or opened sandboxed), which only the
  // origin comparison refuses; and a document of the app's origin at another URL (a blob: URL the
  // page made), which only the URL comparison refuses.
  it('a sandboxed document at app://valise/ (its origin opaque), even with the preload, gets FORBIDDEN', async () => {
    const app = await launch();
    const contents = app.window().webContents;
    const frame = contents.commitDocument('app://valise/index.html', { sandboxed: true });
    expect([frame.url, frame.origin, frame.parent]).toEqual(['app://valise/index.html', 'null', null]);
    const hostile = app.page();
    await expectAllRefused((channel, args) => hostile.invoke(channel, args));
    await contents.loadAppAgain();
    await expectNothingRan(app.page(), logOf(app.userData), 'app://valise/index.html');
  });

  it('a document of the app’s origin at a blob: URL, even with the preload, gets FORBIDDEN', async () => {
    const app = await launch();
    const contents = app.window().webContents;
    const url = 'blob:app://valise/0b5e61a4-9d3c-4c55-8a53-2b7f1c6c2f10';
    const frame = contents.commitDocument(url);
    expect([frame.origin, frame.parent]).toEqual(['app://valise', null]);
    const hostile = app.page();
    await expectAllRefused((channel, args) => hostile.invoke(channel, args));
    await contents.loadAppAgain();
    await expectNothingRan(app.page(), logOf(app.userData), url);
  });

  it('a sub-frame inside the app’s own page gets FORBIDDEN', async () => {
    const app = await launch();
    const frame = app.window().webContents.attachFrame('app://valise/index.html');
    expect(frame.origin).toBe('app://valise');
    await expectAllRefused(raw(frame.ipcRenderer));
    await expectNothingRan(app.page(), logOf(app.userData), 'app://valise/index.html');
  });

  it('a frame that is gone (navigated away) gets FORBIDDEN', async () => {
    const app = await launch();
    const contents = app.window().webContents;
    const old = contents.mainFrame;
    await contents.loadAppAgain();
    expect(old.detached).toBe(true);
    await expectAllRefused(raw(old.ipcRenderer));
    await expectNothingRan(app.page(), logOf(app.userData), 'a frame that is gone');
  });
});
