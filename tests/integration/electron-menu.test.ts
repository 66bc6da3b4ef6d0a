/**
 * The native menus of the built app under the double: File, Edit, View and Help are built, and
 * each item's action runs against the double's dialogs, cancelled and chosen.
 */
import { closeSync, existsSync, ftruncateSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_CHUNK_BYTES, MAX_IMPORT_BYTES } from '../../common/contract/import.std';
import { ASSETS, tempDir } from '../support/content';
import { appPerTest, type Launched } from '../support/electron-app';
import type { MenuDouble } from '../support/electron-double/desktop';

const launch = appPerTest();
const settle = () => new Promise((resolve) => setImmediate(resolve));
const ISSUE = join(ASSETS, '000_1e644c5006785efa.txt');

/** Launches, and records what main sends the page. */
async function launchWithEvents(): Promise<{ app: Launched; menu: MenuDouble; events: unknown[] }> {
  const app = await launch();
  const events: unknown[] = [];
  app.page().onEvent((event) => events.push(event));
  const menu = app.double.Menu.getApplicationMenu();
  if (!menu) throw new Error('no application menu');
  return { app, menu, events };
}

/** Clicks an item and waits for what it started (dialogs, files) to finish. */
async function click(menu: MenuDouble, ...path: string[]): Promise<void> {
  await menu.find(...path).click();
  await settle();
}

describe('the application menu', () => {
  it('has File, Edit, View and Help, with their items', async () => {
    const { menu } = await launchWithEvents();
    expect(menu.items.map((i) => i.label.replace('&', ''))).toEqual([
      ...(process.platform === 'darwin' ? ['Valise'] : []),
      'File',
      'Edit',
      'View',
      'Help',
    ]);
    const labels = (name: string) =>
      menu
        .find(name)
        .submenu!.items.filter((i) => i.type !== 'separator')
        .map((i) => i.label);
    expect(labels('File')).toEqual([
      'Import issue…',
      'Export imported issues as a pack…',
      'Print…',
      'Save as PDF…',
      'Export bookmarks…',
      'Quit',
    ]);
    expect(labels('Edit')).toEqual(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Select All']);
    expect(
      menu
        .find('Edit')
        .submenu!.items.filter((i) => i.type !== 'separator')
        .map((i) => i.role),
    ).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(labels('View')).toEqual([
      'Library',
      'Bookmarks',
      'Zoom In',
      'Zoom Out',
      'Actual Size',
      'Theme',
      'Toggle Full Screen',
    ]);
    expect(labels('Help')).toEqual(['Keyboard shortcuts', 'About Valise']);
    expect(menu.find('File', 'Import issue…').accelerator).toBe('CmdOrCtrl+O');
  });
});

describe('File › Import issue…', () => {
  it('does nothing when the dialog is cancelled', async () => {
    const { app, menu, events } = await launchWithEvents();
    await click(menu, 'File', 'Import issue…');
    expect(app.double.dialog.calls.map((c) => c.method)).toEqual(['showOpenDialog']);
    expect(app.double.dialog.calls[0]!.options).toMatchObject({ properties: ['openFile'] });
    expect(events).toEqual([]);
  });

  it('stages the chosen file and opens the import screen on it, which the page can analyse', async () => {
    const { app, menu, events } = await launchWithEvents();
    app.double.dialog.answer('showOpenDialog', { canceled: false, filePaths: [ISSUE] });
    await click(menu, 'File', 'Import issue…');
    expect(events).toEqual([{ type: 'navigate', to: expect.stringMatching(/^\/import\?upload=u[0-9a-f]{16}$/) }]);
    const uploadId = /upload=(u[0-9a-f]{16})/.exec((events[0] as { to: string }).to)![1];
    expect(await app.page().invoke('import:analyse', { uploadId })).toMatchObject({
      ok: true,
      value: { jobId: expect.stringMatching(/^j/) },
    });
  });

  it(`refuses a file over ${MAX_IMPORT_BYTES / 1048576} MB with a message, and stages nothing`, async () => {
    const { app, menu, events } = await launchWithEvents();
    const big = join(tempDir(), 'huge.pdf');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, MAX_IMPORT_BYTES + 1);
    closeSync(fd);
    app.double.dialog.answer('showOpenDialog', { canceled: false, filePaths: [big] });
    await click(menu, 'File', 'Import issue…');
    expect(app.double.dialog.calls.map((c) => c.method)).toEqual(['showOpenDialog', 'showMessageBox']);
    expect(app.double.dialog.calls[1]!.options.message).toBe(
      'huge.pdf is larger than 50 MB: Valise does not import it.',
    );
    expect(events).toEqual([]);
  });
});

describe('File › Save as PDF… and Print…', () => {
  it('writes nothing when cancelled, and the bytes printToPDF gave when a file is chosen', async () => {
    const { app, menu, events } = await launchWithEvents();
    app.window().webContents.setPageTitle('Issue 10 (2018): a brief — Valise');
    await click(menu, 'File', 'Save as PDF…');
    expect(app.double.dialog.calls[0]!.options).toMatchObject({ defaultPath: 'Issue 10 (2018)- a brief.pdf' });
    expect(app.window().webContents.pdfRequests).toEqual([]);

    const target = join(tempDir(), 'brief.pdf');
    app.double.state.pdfBytes = Buffer.from('%PDF-1.7\n% a brief printed by the double\n%%EOF\n');
    app.double.dialog.answer('showSaveDialog', { canceled: false, filePath: target });
    await click(menu, 'File', 'Save as PDF…');
    await settle();
    expect(readFileSync(target)).toEqual(app.double.state.pdfBytes);
    expect(app.window().webContents.pdfRequests).toEqual([
      expect.objectContaining({ pageSize: 'A4', preferCSSPageSize: true }),
    ]);
    expect(events).toEqual([
      { type: 'notice', message: `Saved ${target}`, messageId: 'notice.saved-pdf', params: { file: target } },
    ]);
  });

  it('Print… opens the system print dialog', async () => {
    const { app, menu } = await launchWithEvents();
    await click(menu, 'File', 'Print…');
    expect(app.window().webContents.printed).toEqual([{ silent: false, printBackground: false }]);
  });
});

describe('File › Export bookmarks… and Export imported issues as a pack…', () => {
  it('exports the bookmarks to the chosen file, or nothing when cancelled', async () => {
    const { app, menu, events } = await launchWithEvents();
    expect(await app.page().invoke('bookmarks:add', { key: 'person/jean-yves-le-drian' })).toMatchObject({ ok: true });
    await click(menu, 'File', 'Export bookmarks…');
    await settle();
    expect(app.double.dialog.calls.map((c) => c.method)).toEqual(['showSaveDialog']);
    const target = join(tempDir(), 'bookmarks.json');
    app.double.dialog.answer('showSaveDialog', { canceled: false, filePath: target });
    await click(menu, 'File', 'Export bookmarks…');
    await settle();
    const exported = JSON.parse(readFileSync(target, 'utf8')) as { bookmarks: { key: string }[] };
    expect(exported.bookmarks.map((b) => b.key)).toEqual(['person/jean-yves-le-drian']);
    expect(events).toEqual([
      {
        type: 'notice',
        message: `Exported 1 bookmarks to ${target}`,
        messageId: 'notice.exported-bookmarks',
        params: { count: '1', file: target },
      },
    ]);
  });

  it('says there is nothing to pack when no issue was imported, and writes no file', async () => {
    const { app, menu } = await launchWithEvents();
    await click(menu, 'File', 'Export imported issues as a pack…');
    await settle();
    expect(app.double.dialog.calls.map((c) => c.method)).toEqual(['showMessageBox']);
    expect(app.double.dialog.calls[0]!.options.message).toMatch(/import/i);
  });

  it('writes the imported issues, signed, to the chosen pack file, which the app reads back', async () => {
    const { app, menu, events } = await launchWithEvents();
    const page = app.page();
    const text = readFileSync(ISSUE);
    const { value: upload } = (await page.invoke('import:begin', { name: 'summer-2018.txt', size: text.length })) as {
      value: { uploadId: string };
    };
    await page.invoke('import:chunk', { uploadId: upload.uploadId, index: 0, data: text.toString('base64') });
    const { value: job } = (await page.invoke('import:analyse', { uploadId: upload.uploadId })) as {
      value: { jobId: string };
    };
    while (((await page.invoke('import:progress', job)).value as { state: string }).state === 'running') await settle();
    expect(await page.invoke('import:save', { ...job, onDuplicate: 'keep-both' })).toMatchObject({ ok: true });

    const target = join(tempDir(), 'issues.valise');
    app.double.dialog.answer('showSaveDialog', { canceled: false, filePath: target });
    await click(menu, 'File', 'Export imported issues as a pack…');
    await settle();
    expect(app.double.dialog.calls.map((c) => c.method)).toEqual(['showSaveDialog']);
    expect(events).toEqual([
      {
        type: 'notice',
        message: expect.stringMatching(
          new RegExp(
            `^Saved 1 issue\\(s\\), signed with key \\S+, to ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
          ),
        ),
        messageId: 'notice.saved-pack',
        params: expect.objectContaining({ count: '1', file: target }),
      },
    ]);
    const pack = readFileSync(target);
    const { value: staged } = (await page.invoke('import:begin', { name: 'issues.valise', size: pack.length })) as {
      value: { uploadId: string };
    };
    for (let i = 0, index = 0; i < pack.length; i += IMPORT_CHUNK_BYTES, index++) {
      expect(
        await page.invoke('import:chunk', {
          uploadId: staged.uploadId,
          index,
          data: pack.subarray(i, i + IMPORT_CHUNK_BYTES).toString('base64'),
        }),
      ).toMatchObject({ ok: true });
    }
    const { value: read } = (await page.invoke('import:analyse', { uploadId: staged.uploadId })) as {
      value: { jobId: string };
    };
    while (((await page.invoke('import:progress', read)).value as { state: string }).state === 'running')
      await settle();
    expect((await page.invoke('import:progress', read)).value).toMatchObject({
      state: 'done',
      preview: { kind: 'pack', issues: [expect.objectContaining({ year: 2018 })] },
    });
  });
});

describe('a save dialog that returns the name as typed, without its extension (Linux: electron/electron#21935)', () => {
  /** Answers the save dialog with `typed` in a new folder; returns the folder. */
  const answerTyped = (app: Launched, typed: string) => {
    const dir = tempDir();
    app.double.dialog.answer('showSaveDialog', { canceled: false, filePath: join(dir, typed) });
    return dir;
  };

  it('adds the extension to the name (.pdf, .json), and keeps a name that has it, in any case', async () => {
    const { app, menu } = await launchWithEvents();
    expect(await app.page().invoke('bookmarks:add', { key: 'person/jean-yves-le-drian' })).toMatchObject({ ok: true });
    const cases: [string[], string, string][] = [
      [['File', 'Save as PDF…'], 'brief', 'brief.pdf'],
      [['File', 'Export bookmarks…'], 'notes.v2', 'notes.v2.json'],
      [['File', 'Export bookmarks…'], 'NOTES.JSON', 'NOTES.JSON'],
    ];
    for (const [item, typed, written] of cases) {
      const dir = answerTyped(app, typed);
      await click(menu, ...item);
      await settle();
      expect(readdirSync(dir), typed).toEqual([written]);
    }
  });

  it('asks before replacing a file the added extension names, and writes nothing if the user cancels', async () => {
    const { app, menu } = await launchWithEvents();
    expect(await app.page().invoke('bookmarks:add', { key: 'person/jean-yves-le-drian' })).toMatchObject({ ok: true });
    const dir = answerTyped(app, 'bookmarks');
    writeFileSync(join(dir, 'bookmarks.json'), 'kept');
    await click(menu, 'File', 'Export bookmarks…');
    await settle();
    const asked = app.double.dialog.calls.at(-1)!;
    expect(asked).toMatchObject({
      method: 'showMessageBox',
      options: { message: 'bookmarks.json already exists. Replace it?', buttons: ['Replace', 'Cancel'], cancelId: 1 },
    });
    expect(readFileSync(join(dir, 'bookmarks.json'), 'utf8')).toBe('kept');
    app.double.dialog.answer('showSaveDialog', { canceled: false, filePath: join(dir, 'bookmarks') });
    app.double.dialog.answer('showMessageBox', { response: 0 });
    await click(menu, 'File', 'Export bookmarks…');
    await settle();
    expect(JSON.parse(readFileSync(join(dir, 'bookmarks.json'), 'utf8'))).toMatchObject({
      bookmarks: [{ key: 'person/jean-yves-le-drian' }],
    });
  });
});

describe('View and Help', () => {
  it('navigates the page, switches the theme as a radio group, and shows About with both versions', async () => {
    const { app, menu, events } = await launchWithEvents();
    await click(menu, 'View', 'Library');
    await click(menu, 'View', 'Bookmarks');
    await click(menu, 'Help', 'Keyboard shortcuts');
    await click(menu, 'View', 'Theme', 'Dark');
    expect(events).toEqual([
      { type: 'navigate', to: '/' },
      { type: 'navigate', to: '/bookmarks' },
      { type: 'navigate', to: '/help' },
      { type: 'theme', theme: 'dark' },
    ]);
    expect(app.double.electron.nativeTheme.themeSource).toBe('dark');
    expect(menu.find('View', 'Theme').submenu!.items.map((i) => i.checked)).toEqual([false, true, false]);

    await click(menu, 'Help', 'About Valise');
    const about = app.double.dialog.calls.at(-1)!;
    const archive = (await app.page().invoke('app:info', {})).value as { version: string; archiveVersion: string };
    expect(about.options.message).toBe(`Valise ${archive.version}`);
    expect(about.options.detail).toContain(`Archive version ${archive.archiveVersion}`);
  });

  it('File › Quit ends the app, which remembers where its window was', async () => {
    const { app, menu } = await launchWithEvents();
    expect(menu.find('File', 'Quit').role).toBe('quit');
    app.window().setBounds({ x: 100, y: 80, width: 1000, height: 700 });
    expect(existsSync(join(app.userData, 'window-state.json'))).toBe(false);
    const ended = once(app.double.app, 'quit');
    app.double.app.quit();
    await ended;
    expect(app.double.app.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(app.userData, 'window-state.json'), 'utf8'))).toEqual({
      bounds: { x: 100, y: 80, width: 1000, height: 700 },
      maximized: false,
    });
  });
});
