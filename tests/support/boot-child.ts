/**
 * One launch of the built app under the Electron double in a process of its own, for what
 * cannot be arranged inside the test's process (running as another user, so that file
 * permissions hold even where the tests run as root). Reads its options as JSON from argv[2],
 * prints a JSON report of what the user would see, and quits.
 */
import { bootMain, mainWindow } from './boot-main';

/** Marks the report's line among what the app itself prints. */
export const REPORT_PREFIX = 'valise-child-report ';

export interface Report {
  exitCode: number | null;
  windows: number;
  dialogs: { method: string; options: Record<string, unknown> }[];
  status?: unknown;
  bookmarks?: unknown;
  addBookmark?: unknown;
}

type Invoke = (channel: string, args: unknown) => Promise<unknown>;

async function report(): Promise<Report> {
  const { env } = JSON.parse(process.argv[2] ?? '{}') as { env: Record<string, string> };
  const booted = bootMain({ env });
  await booted.settled;
  const { double } = booted;
  const result: Report = { exitCode: double.app.exitCode, windows: double.BrowserWindow.getAllWindows().length, dialogs: double.dialog.calls.map(({ method, options }) => ({ method, options })) };
  if (result.windows > 0) {
    const page = mainWindow(double).webContents.mainWorld.valise as { invoke: Invoke };
    result.status = await page.invoke('bookmarks:status', {});
    result.bookmarks = await page.invoke('bookmarks:list', {});
    result.addBookmark = await page.invoke('bookmarks:add', { key: 'person/alexis-lamek' });
  }
  await booted.quit();
  return result;
}

if (process.argv[1]?.endsWith('boot-child.ts')) void report().then(
  (result) => {
    process.stdout.write(`${REPORT_PREFIX}${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
    process.exit(2);
  },
);
