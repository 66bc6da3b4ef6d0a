/**
 * A window whose page fails to load, or whose renderer process goes away, is never left blank:
 * the failure is logged, and the window shows a page of main's own that says what happened, in the
 * interface language, with a link that loads Valise's page again and the path of the log.
 *
 * Handled: `did-fail-load` of the main frame, except ERR_ABORTED (-3: a navigation replaced by
 * another, or refused by the navigation guard, which is no failure); `render-process-gone`, except
 * a clean exit. The error page is a data: URL built here, with no script and a CSP of its own
 * (`default-src 'none'`), so it shows even when the app:// handler or the renderer folder is what
 * failed; a failure of the error page itself is logged and not answered again (no loop).
 */
import type { BrowserWindow } from 'electron';
import {
  formatMessage,
  type MessageId,
  type MessageLanguage,
  type MessageParams,
} from '../../common/contract/messages.std';
import { APP_ORIGIN } from './protocol.main';

/** Chromium's net::ERR_ABORTED: the load was cancelled (another navigation, or one we refused). */
const ERR_ABORTED = -3;
const ERROR_PAGE_PREFIX = 'data:text/html;charset=utf-8,';
const ERROR_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface FailurePage {
  /** 'load': the page did not load; 'gone': the renderer process stopped. */
  kind: 'load' | 'gone';
  reason: string;
  logFile: string;
  language: MessageLanguage;
}

/** The error page's HTML: what happened, the way back, and where the details are. Pure, for tests. */
export function failurePageHtml({ kind, reason, logFile, language }: FailurePage): string {
  const say = (id: MessageId, params: MessageParams = {}) => escapeHtml(formatMessage(id, params, language));
  const detail = say(kind === 'load' ? 'window.load-failed' : 'window.renderer-gone', { reason });
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${ERROR_PAGE_CSP}">
<title>${say('window.failed-title')}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:3em auto;max-width:38em;padding:0 1em;color:#1d1d1b;background:#f7f5f0}a{color:#0b4f8a;font-weight:600}code{word-break:break-all}</style>
</head><body><main><h1>${say('window.failed-title')}</h1><p>${detail}</p>
<p><a href="${APP_ORIGIN}/index.html">${say('window.reload')}</a></p>
<p>${say('window.log')}<br><code>${escapeHtml(logFile)}</code></p></main></body></html>`;
}

export function failurePageUrl(page: FailurePage): string {
  return ERROR_PAGE_PREFIX + encodeURIComponent(failurePageHtml(page));
}

export interface FailureOptions {
  log: (message: string) => void;
  logFile: () => string;
  language: () => MessageLanguage;
}

export function showLoadFailures(window: BrowserWindow, { log, logFile, language }: FailureOptions): void {
  const contents = window.webContents;
  const show = (kind: FailurePage['kind'], reason: string) => {
    if (window.isDestroyed()) return;
    void window
      .loadURL(failurePageUrl({ kind, reason, logFile: logFile(), language: language() }))
      .catch((error: unknown) => log(`the error page did not load either: ${String(error)}`));
  };
  contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (!isMainFrame || code === ERR_ABORTED) return;
    log(`the page did not load: ${url} (${description}, ${code})`);
    if (!url.startsWith(ERROR_PAGE_PREFIX)) show('load', `${description}, ${code}`);
  });
  contents.on('render-process-gone', (_event, details) => {
    log(`the renderer process is gone: ${details.reason} (exit code ${details.exitCode})`);
    if (details.reason !== 'clean-exit') show('gone', details.reason);
  });
}
