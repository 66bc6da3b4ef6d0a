/**
 * The native menus: File, Edit, View, Help, in the interface language the page chose (rebuilt when
 * it changes), with their dialogs. Actions that change the page go to it as AppEvents.
 */
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  nativeTheme,
  type MenuItemConstructorOptions,
  type SaveDialogOptions,
} from 'electron';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { APP_EVENT_CHANNEL, type AppEvent } from '../../common/contract/app-events.std';
import { MAX_IMPORT_BYTES } from '../../common/contract/import.std';
import {
  formatMessage,
  localised,
  type MessageId,
  type MessageLanguage,
  type MessageParams,
} from '../../common/contract/messages.std';
import type { Dispatch } from '../ipc/dispatch.node';

/** Main's words in the language chosen now. */
type Say = (id: MessageId, params?: MessageParams) => string;

function send(event: AppEvent): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  window?.webContents.send(APP_EVENT_CHANNEL, event);
}

/** A notice for the page: the English text with its id, which the page shows in its language. */
function notice(id: MessageId, params: MessageParams): void {
  send({ type: 'notice', ...localised(id, params) });
}

/**
 * The path with the extension added when the name has none of it ("notes" → "notes.json"; "notes.v2"
 * → "notes.v2.json"; "NOTES.JSON" kept). Linux's save dialogs return exactly what the user typed
 * (electron/electron#21935), where macOS's and Windows' add the filter's extension.
 */
function withExtension(path: string, extension: string): string {
  return path.toLowerCase().endsWith(`.${extension}`) ? path : `${path}.${extension}`;
}

/**
 * Asks the user where to save, as `dialog.showSaveDialog` does, and returns the path with its
 * extension (withExtension), or null if the user cancelled. When the extension was added and a file
 * of that name exists, the dialog never asked about it: the user is asked before it is replaced.
 */
async function savePath(
  window: BrowserWindow,
  say: Say,
  extension: string,
  options: SaveDialogOptions,
): Promise<string | null> {
  const { canceled, filePath } = await dialog.showSaveDialog(window, options);
  if (canceled || !filePath) return null;
  const path = withExtension(filePath, extension);
  if (path === filePath || !existsSync(path)) return path;
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    buttons: [say('dialog.replace'), say('dialog.cancel')],
    defaultId: 1,
    cancelId: 1,
    message: say('dialog.replace-file', { file: basename(path) }),
    detail: say('dialog.replace-detail', { extension }),
  });
  return response === 0 ? path : null;
}

async function saveAsPdf(window: BrowserWindow, say: Say): Promise<void> {
  const filePath = await savePath(window, say, 'pdf', {
    title: say('dialog.save-pdf'),
    defaultPath: `${window.webContents
      .getTitle()
      .replace(/ — Valise$/, '')
      .replace(/[\\/:*?"<>|]/g, '-')}.pdf`,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (!filePath) return;
  const pdf = await window.webContents.printToPDF({
    printBackground: false,
    pageSize: 'A4',
    displayHeaderFooter: false,
    preferCSSPageSize: true,
  });
  writeFileSync(filePath, pdf);
  notice('notice.saved-pdf', { file: filePath });
}

async function exportBookmarks(window: BrowserWindow, dispatch: Dispatch, say: Say): Promise<void> {
  const reply = await dispatch('bookmarks:export', { format: 'json' });
  if (!reply.ok) {
    await dialog.showMessageBox(window, { type: 'info', message: reply.error.message });
    return;
  }
  const file = reply.value as { fileName: string; content: string; count: number };
  const filePath = await savePath(window, say, 'json', {
    title: say('dialog.export-bookmarks'),
    defaultPath: file.fileName,
    filters: [{ name: say('dialog.bookmarks-filter'), extensions: ['json'] }],
  });
  if (!filePath) return;
  writeFileSync(filePath, file.content);
  notice('notice.exported-bookmarks', { count: String(file.count), file: filePath });
}

/** The native dialog picks the file; the import screen reviews it (the same screen as a drop or a pick in the page). */
async function importIssue(
  window: BrowserWindow,
  stage: (name: string, bytes: Uint8Array) => string,
  say: Say,
): Promise<void> {
  const { canceled, filePaths } = await dialog.showOpenDialog(window, {
    title: say('dialog.import'),
    properties: ['openFile'],
    filters: [
      { name: say('dialog.import-filter'), extensions: ['pdf', 'txt', 'valise'] },
      { name: say('dialog.all-files'), extensions: ['*'] },
    ],
  });
  const [path] = filePaths;
  if (canceled || !path) return;
  if (statSync(path).size > MAX_IMPORT_BYTES) {
    await dialog.showMessageBox(window, {
      type: 'warning',
      message: say('dialog.import-too-large', { file: basename(path), max: String(MAX_IMPORT_BYTES / 1048576) }),
    });
    return;
  }
  send({ type: 'navigate', to: `/import?upload=${stage(basename(path), readFileSync(path))}` });
}

async function exportPack(window: BrowserWindow, dispatch: Dispatch, say: Say): Promise<void> {
  const reply = await dispatch('packs:export', {});
  if (!reply.ok) {
    await dialog.showMessageBox(window, { type: 'info', message: reply.error.message });
    return;
  }
  const file = reply.value as { fileName: string; content: string; count: number; signer: string };
  const filePath = await savePath(window, say, 'valise', {
    title: say('dialog.export-pack'),
    defaultPath: file.fileName,
    filters: [{ name: say('dialog.pack-filter'), extensions: ['valise'] }],
  });
  if (!filePath) return;
  writeFileSync(filePath, file.content);
  notice('notice.saved-pack', { count: String(file.count), signer: file.signer, file: filePath });
}

export interface MenuOptions {
  dispatch: Dispatch;
  archiveVersion: string;
  stageImport: (name: string, bytes: Uint8Array) => string;
  /** The interface language now: the menu is built in it. */
  language: () => MessageLanguage;
}

/** Builds the application menu in the language chosen now; call again when it changes. */
export function installMenu(options: MenuOptions): void {
  const language = options.language();
  const say: Say = (id, params = {}) => formatMessage(id, params, language);
  const focused = (run: (window: BrowserWindow) => unknown) => () => {
    const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    if (window) void run(window);
  };
  const theme = (source: 'light' | 'dark' | 'system'): MenuItemConstructorOptions => ({
    label: say(({ light: 'menu.theme-light', dark: 'menu.theme-dark', system: 'menu.theme-system' } as const)[source]),
    type: 'radio',
    checked: nativeTheme.themeSource === source,
    click: () => {
      nativeTheme.themeSource = source;
      send({ type: 'theme', theme: source });
    },
  });
  // Roles keep Electron's behaviour; their labels are ours, so that they follow the chosen language.
  const role = (name: NonNullable<MenuItemConstructorOptions['role']>, id: MessageId): MenuItemConstructorOptions => ({
    role: name,
    label: say(id),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: say('menu.file'),
      submenu: [
        {
          label: say('menu.import'),
          accelerator: 'CmdOrCtrl+O',
          click: focused((w) => importIssue(w, options.stageImport, say)),
        },
        { label: say('menu.export-pack'), click: focused((w) => exportPack(w, options.dispatch, say)) },
        separator,
        {
          label: say('menu.print'),
          accelerator: 'CmdOrCtrl+P',
          click: focused((w) => w.webContents.print({ silent: false, printBackground: false })),
        },
        { label: say('menu.save-pdf'), accelerator: 'CmdOrCtrl+Shift+S', click: focused((w) => saveAsPdf(w, say)) },
        separator,
        { label: say('menu.export-bookmarks'), click: focused((w) => exportBookmarks(w, options.dispatch, say)) },
        separator,
        role('quit', 'menu.quit'),
      ],
    },
    {
      label: say('menu.edit'),
      submenu: [
        role('undo', 'menu.undo'),
        role('redo', 'menu.redo'),
        separator,
        role('cut', 'menu.cut'),
        role('copy', 'menu.copy'),
        role('paste', 'menu.paste'),
        role('selectAll', 'menu.select-all'),
      ],
    },
    {
      label: say('menu.view'),
      submenu: [
        { label: say('menu.library'), accelerator: 'Alt+Home', click: () => send({ type: 'navigate', to: '/' }) },
        {
          label: say('menu.bookmarks'),
          accelerator: 'CmdOrCtrl+Shift+B',
          click: () => send({ type: 'navigate', to: '/bookmarks' }),
        },
        separator,
        role('zoomIn', 'menu.zoom-in'),
        role('zoomOut', 'menu.zoom-out'),
        role('resetZoom', 'menu.reset-zoom'),
        separator,
        { label: say('menu.theme'), submenu: [theme('light'), theme('dark'), theme('system')] },
        role('togglefullscreen', 'menu.full-screen'),
      ],
    },
    {
      role: 'help',
      label: say('menu.help'),
      submenu: [
        { label: say('menu.shortcuts'), accelerator: 'F1', click: () => send({ type: 'navigate', to: '/help' }) },
        {
          label: say('menu.about'),
          click: focused((w) =>
            dialog.showMessageBox(w, {
              type: 'info',
              title: say('menu.about'),
              message: `Valise ${app.getVersion()}`,
              detail: say('dialog.about-detail', { version: options.archiveVersion }),
            }),
          ),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
