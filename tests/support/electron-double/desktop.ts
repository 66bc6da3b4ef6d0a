/**
 * The desktop around the window: menus built from templates (roles checked against Electron's
 * list, radio items checked before their click runs), dialogs answered by the test (each call
 * recorded; without an answer, a dialog is cancelled), shell, nativeTheme and screen.
 */
import { EventEmitter } from 'node:events';
import type { Display } from './windows';

/** The roles Electron's MenuItem knows; any other throws when the template is built. */
const ROLES = new Set([
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'pasteAndMatchStyle',
  'delete',
  'selectAll',
  'reload',
  'forceReload',
  'toggleDevTools',
  'resetZoom',
  'zoomIn',
  'zoomOut',
  'toggleSpellChecker',
  'togglefullscreen',
  'window',
  'minimize',
  'close',
  'help',
  'about',
  'services',
  'hide',
  'hideOthers',
  'unhide',
  'quit',
  'showSubstitutions',
  'toggleSmartQuotes',
  'toggleSmartDashes',
  'toggleTextReplacement',
  'startSpeaking',
  'stopSpeaking',
  'zoom',
  'front',
  'appMenu',
  'fileMenu',
  'editMenu',
  'viewMenu',
  'shareMenu',
  'recentDocuments',
  'toggleTabBar',
  'selectNextTab',
  'selectPreviousTab',
  'showAllTabs',
  'mergeAllWindows',
  'clearRecentDocuments',
  'moveTabToNewWindow',
  'windowMenu',
]);
/** Labels Electron gives the menus its roles make. */
const ROLE_LABELS: Record<string, string> = {
  appMenu: 'Valise',
  fileMenu: 'File',
  editMenu: 'Edit',
  viewMenu: 'View',
  windowMenu: 'Window',
  help: 'Help',
  quit: 'Quit',
};

type Click = (item: MenuItemDouble, window: unknown, event: object) => unknown;

export interface MenuItemTemplate {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  checked?: boolean;
  enabled?: boolean;
  click?: Click;
  submenu?: MenuItemTemplate[];
}

export class MenuItemDouble {
  readonly label: string;
  readonly role: string | undefined;
  readonly type: string;
  readonly accelerator: string | undefined;
  checked: boolean;
  readonly submenu: MenuDouble | null;
  private readonly onClick: Click | undefined;

  constructor(
    template: MenuItemTemplate,
    private readonly siblings: () => MenuItemDouble[],
    private readonly focusedWindow: () => unknown,
  ) {
    if (template.role && !ROLES.has(template.role)) throw new Error(`Invalid role: ${template.role}`);
    this.role = template.role;
    this.label = template.label ?? (template.role ? (ROLE_LABELS[template.role] ?? template.role) : '');
    this.type = template.type ?? (template.submenu ? 'submenu' : 'normal');
    this.accelerator = template.accelerator;
    this.checked = !!template.checked;
    this.onClick = template.click;
    this.submenu = template.submenu ? new MenuDouble(template.submenu, focusedWindow) : null;
  }

  /** What a user's click does: a radio item becomes the checked one of its group, then `click` runs. */
  click(): unknown {
    if (this.type === 'radio')
      for (const item of this.siblings()) if (item.type === 'radio') item.checked = item === this;
    if (this.type === 'checkbox') this.checked = !this.checked;
    return this.onClick?.(this, this.focusedWindow(), {});
  }
}

export class MenuDouble {
  readonly items: MenuItemDouble[];

  constructor(template: MenuItemTemplate[], focusedWindow: () => unknown) {
    this.items = template.map((item) => new MenuItemDouble(item, () => this.items, focusedWindow));
  }

  /** The item at a path of labels, as a user reads them (`&` mnemonics left out). */
  find(...path: string[]): MenuItemDouble {
    const [first, ...rest] = path;
    const item = this.items.find((i) => i.label.replace(/&/g, '') === first);
    if (!item) throw new Error(`No menu item “${first}” among ${this.items.map((i) => i.label).join(', ')}`);
    return rest.length ? item.submenu!.find(...rest) : item;
  }
}

export function menuModule(focusedWindow: () => unknown) {
  let applicationMenu: MenuDouble | null = null;
  return {
    buildFromTemplate: (template: MenuItemTemplate[]) => new MenuDouble(template, focusedWindow),
    setApplicationMenu: (menu: MenuDouble | null) => void (applicationMenu = menu),
    getApplicationMenu: () => applicationMenu,
  };
}

export interface DialogCall {
  method: string;
  window: unknown;
  options: Record<string, unknown>;
}

type DialogMethod = 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox';
const CANCELLED: Record<DialogMethod, (options: Record<string, unknown>) => object> = {
  showOpenDialog: () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: () => ({ canceled: true, filePath: '' }),
  showMessageBox: (options) => ({ response: (options.cancelId as number | undefined) ?? 0, checkboxChecked: false }),
};

export class DialogDouble extends EventEmitter {
  readonly calls: DialogCall[] = [];
  private readonly answers: Record<DialogMethod, object[]> = {
    showOpenDialog: [],
    showSaveDialog: [],
    showMessageBox: [],
  };

  /** The user's next answer to a dialog of this kind. */
  answer(method: DialogMethod, response: object): void {
    this.answers[method].push(response);
  }

  showOpenDialog = (window: unknown, options?: Record<string, unknown>) => this.show('showOpenDialog', window, options);
  showSaveDialog = (window: unknown, options?: Record<string, unknown>) => this.show('showSaveDialog', window, options);
  showMessageBox = (window: unknown, options?: Record<string, unknown>) => this.show('showMessageBox', window, options);

  showErrorBox = (title: string, content: string): void => {
    this.record({ method: 'showErrorBox', window: null, options: { title, content } });
  };

  private async show(method: DialogMethod, window: unknown, options?: Record<string, unknown>) {
    // Electron's dialogs take the parent window first, or only the options.
    const [parent, opts] = options === undefined ? [null, window as Record<string, unknown>] : [window, options];
    this.record({ method, window: parent, options: opts });
    return this.answers[method].shift() ?? CANCELLED[method](opts);
  }

  private record(call: DialogCall): void {
    this.calls.push(call);
    this.emit('dialog', call);
  }
}

export class NativeThemeDouble extends EventEmitter {
  private source: 'system' | 'light' | 'dark' = 'system';
  get themeSource() {
    return this.source;
  }
  set themeSource(value) {
    if (!['system', 'light', 'dark'].includes(value)) throw new TypeError(`Invalid themeSource: ${String(value)}`);
    this.source = value;
    this.emit('updated');
  }
  get shouldUseDarkColors() {
    return this.source === 'dark';
  }
}

export function screenModule(isReady: () => boolean, displays: () => Display[]) {
  const ready = () => {
    if (!isReady()) throw new Error("The 'screen' module can't be used before the app 'ready' event");
  };
  return {
    getAllDisplays: () => (ready(), displays()),
    getPrimaryDisplay: () => (ready(), displays()[0]!),
  };
}

export function shellModule() {
  const opened: string[] = [];
  return { opened, openExternal: async (url: string) => void opened.push(url), openPath: async () => '' };
}
