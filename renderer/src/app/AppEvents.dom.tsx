/**
 * What the page hears from outside it: the native menu's events (Electron only; validated before
 * use), and its own uncaught errors, which are reported to main's log and shown while the app
 * keeps running.
 */
import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { AppEvent } from '../../../common/contract/app-events.std';
import { api } from '../api/client.dom';
import { useMainText } from '../i18n/main-text.dom';

/**
 * The event if it is one main may send, else null (dropped). The schema (and zod with it) is
 * loaded with the first event, not with the first screen (#26); events stay in their order, as
 * each waits for the same module.
 */
async function validated(payload: unknown): Promise<AppEvent | null> {
  const { AppEvent } = await import('../../../common/contract/app-events.std');
  const parsed = AppEvent.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

export function AppEvents({ onTheme }: { onTheme?: (theme: 'light' | 'dark' | 'system') => void }) {
  const { t } = useTranslation();
  const { say } = useMainText();
  const navigate = useNavigate();
  const [messages, setMessages] = useState<string[]>([]);
  useEffect(() => {
    const act = (event: AppEvent) => {
      if (event.type === 'navigate') navigate(event.to);
      if (event.type === 'theme') onTheme?.(event.theme);
      if (event.type === 'notice') setMessages((m) => [...m, say(event)]);
    };
    const off = window.valise?.onEvent?.((payload) => void validated(payload).then((event) => event && act(event)));
    const report = (message: string, stack: string | undefined) => {
      setMessages((m) => [
        ...m,
        t('Something went wrong: {{message}}. Valise kept running; the details are in the log.', { message }),
      ]);
      void api.app
        .reportError({
          message: message.slice(0, 2_000),
          ...(stack ? { stack: stack.slice(0, 8_000) } : {}),
          where: window.location.hash.slice(0, 500),
        })
        .catch(() => {});
    };
    const onError = (event: ErrorEvent) =>
      report(event.message, event.error instanceof Error ? event.error.stack : undefined);
    const onRejection = (event: PromiseRejectionEvent) => {
      const reason = event.reason as unknown;
      report(
        reason instanceof Error ? reason.message : String(reason),
        reason instanceof Error ? reason.stack : undefined,
      );
    };
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      off?.();
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }, [navigate, onTheme, t]);
  if (messages.length === 0) return null;
  return (
    <div className="app-notices" role="status">
      {messages.slice(-3).map((m, i) => (
        <p key={i}>
          {m}{' '}
          <button type="button" className="link-button" onClick={() => setMessages([])}>
            {t('Dismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}
