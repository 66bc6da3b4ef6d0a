/** The native menus: File, Edit, View, Help. Actions that change the page go to it as AppEvents. */
import { app, BrowserWindow, dialog, Menu, nativeTheme, type MenuItemConstructorOptions } from 'electron';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { APP_EVENT_CHANNEL, type AppEvent } from '../../common/app-events.std';
import { MAX_IMPORT_BYTES } from '../../common/import.std';
import type { Dispatch } from '../ipc/dispatch.node';

function send(event: AppEvent): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  window?.webContents.send(APP_EVENT_CHANNEL, event);
}

async function saveAsPdf(window: BrowserWindow): Promise<void> {
  const { canceled, filePath } = await dialog.showSaveDialog(window, {
    title: 'Save as PDF',
    defaultPath: `${window.webContents.getTitle().replace(/ — Valise$/, '').replace(/[\\/:*?"<>|]/g, '-')}.pdf`,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (canceled || !filePath) return;
  const pdf = await window.webContents.printToPDF({ printBackground: false, pageSize: 'A4', displayHeaderFooter: false, preferCSSPageSize: true });
  writeFileSync(filePath, pdf);
  send({ type: 'notice', message: `Saved ${filePath}` });
}

async function exportBookmarks(window: BrowserWindow, dispatch: Dispatch): Promise<void> {
  const reply = await dispatch('bookmarks:export', { format: 'json' });
  if (!reply.ok) {
    await dialog.showMessageBox(window, { type: 'info', message: reply.error.message });
    return;
  }
  const file = reply.value as { fileName: string; content: string; count: number };
  const { canceled, filePath } = await dialog.showSaveDialog(window, { title: 'Export bookmarks', defaultPath: file.fileName, filters: [{ name: 'Valise bookmarks', extensions: ['json'] }] });
  if (canceled || !filePath) return;
  writeFileSync(filePath, file.content);
  send({ type: 'notice', message: `Exported ${file.count} bookmarks to ${filePath}` });
}

/** The native dialog picks the file; the import screen reviews it (the same screen as a drop or a pick in the page). */
async function importIssue(window: BrowserWindow, stage: (name: string, bytes: Uint8Array) => string): Promise<void> {
  const { canceled, filePaths } = await dialog.showOpenDialog(window, {
    title: 'Import issue',
    properties: ['openFile'],
    filters: [{ name: 'Newsletter (PDF, text, Valise pack)', extensions: ['pdf', 'txt', 'valise'] }, { name: 'All files', extensions: ['*'] }],
  });
  const [path] = filePaths;
  if (canceled || !path) return;
  if (statSync(path).size > MAX_IMPORT_BYTES) {
    await dialog.showMessageBox(window, { type: 'warning', message: `${basename(path)} is larger than ${MAX_IMPORT_BYTES / 1048576} MB: Valise does not import it.` });
    return;
  }
  send({ type: 'navigate', to: `/import?upload=${stage(basename(path), readFileSync(path))}` });
}

async function exportPack(window: BrowserWindow, dispatch: Dispatch): Promise<void> {
  const reply = await dispatch('packs:export', {});
  if (!reply.ok) {
    await dialog.showMessageBox(window, { type: 'info', message: reply.error.message });
    return;
  }
  const file = reply.value as { fileName: string; content: string; count: number; signer: string };
  const { canceled, filePath } = await dialog.showSaveDialog(window, { title: 'Export imported issues as a pack', defaultPath: file.fileName, filters: [{ name: 'Valise pack', extensions: ['valise'] }] });
  if (canceled || !filePath) return;
  writeFileSync(filePath, file.content);
  send({ type: 'notice', message: `Saved ${file.count} issue(s), signed with key ${file.signer}, to ${filePath}` });
}

export function installMenu(options: { dispatch: Dispatch; archiveVersion: string; stageImport: (name: string, bytes: Uint8Array) => string }): void {
  const focused = (run: (window: BrowserWindow) => unknown) => () => {
    const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    if (window) void run(window);
  };
  const theme = (source: 'light' | 'dark' | 'system'): MenuItemConstructorOptions => ({
    label: { light: 'Light', dark: 'Dark', system: 'Follow the system' }[source],
    type: 'radio',
    checked: nativeTheme.themeSource === source,
    click: () => {
      nativeTheme.themeSource = source;
      send({ type: 'theme', theme: source });
    },
  });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import issue…', accelerator: 'CmdOrCtrl+O', click: focused((w) => importIssue(w, options.stageImport)) },
        { label: 'Export imported issues as a pack…', click: focused((w) => exportPack(w, options.dispatch)) },
        { type: 'separator' },
        { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: focused((w) => w.webContents.print({ silent: false, printBackground: false })) },
        { label: 'Save as PDF…', accelerator: 'CmdOrCtrl+Shift+S', click: focused((w) => saveAsPdf(w)) },
        { type: 'separator' },
        { label: 'Export bookmarks…', click: focused((w) => exportBookmarks(w, options.dispatch)) },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Library', accelerator: 'Alt+Home', click: () => send({ type: 'navigate', to: '/' }) },
        { label: 'Bookmarks', accelerator: 'CmdOrCtrl+Shift+B', click: () => send({ type: 'navigate', to: '/bookmarks' }) },
        { type: 'separator' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        { type: 'separator' },
        { label: 'Theme', submenu: [theme('light'), theme('dark'), theme('system')] },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [
        { label: 'Keyboard shortcuts', accelerator: 'F1', click: () => send({ type: 'navigate', to: '/help' }) },
        {
          label: 'About Valise',
          click: focused((w) =>
            dialog.showMessageBox(w, {
              type: 'info',
              title: 'About Valise',
              message: `Valise ${app.getVersion()}`,
              detail: `Archive version ${options.archiveVersion}\nFight against human trafficking in South-East Europe — the newsletter of the Permanent Mission of France in Vienna, offline.`,
            }),
          ),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
