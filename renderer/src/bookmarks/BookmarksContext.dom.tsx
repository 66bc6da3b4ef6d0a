/**
 * The user's bookmarks as the whole renderer sees them: which items are marked (so the mark shows
 * everywhere the item is shown), toggling, and the notices of the user database (recovered from a
 * backup, read-only).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Bookmark } from '../../../common/contract/contract.std';
import { ContractError } from '../../../common/contract/errors.std';
import type { LocalisedMessage } from '../../../common/contract/messages.std';
import { api } from '../api/client.dom';
import { afterFirstScreen } from '../app/first-screen.dom';

/** What the user must be told: the database's notices, and a change that could not be saved. */
export type Notice = LocalisedMessage & { kind: string };

interface BookmarksState {
  list: Bookmark[];
  readOnly: boolean;
  notices: Notice[];
  byKey: Map<string, Bookmark>;
  toggle(key: string): Promise<void>;
  refresh(): Promise<void>;
}

const Context = createContext<BookmarksState | null>(null);

export function BookmarksProvider({ children }: { children: ReactNode }) {
  const [list, setList] = useState<Bookmark[]>([]);
  const [status, setStatus] = useState<{ readOnly: boolean; notices: Notice[] }>({ readOnly: false, notices: [] });
  const [failed, setFailed] = useState<Notice | null>(null);
  /** Reads the bookmarks and the notices again (a change elsewhere, such as removing an imported issue, can change both). */
  const refresh = useCallback(async () => {
    const [bookmarks, current] = await Promise.all([api.bookmarks.list({}), api.bookmarks.status({})]);
    setList(bookmarks);
    setStatus(current);
  }, []);
  useEffect(() => {
    // Read once the first screen is shown (app/first-screen.dom.ts).
    let live = true;
    void afterFirstScreen().then(() => (live ? refresh() : undefined));
    return () => {
      live = false;
    };
  }, [refresh]);
  const byKey = useMemo(() => new Map(list.map((b) => [b.key, b])), [list]);
  const toggle = useCallback(
    async (key: string) => {
      const existing = byKey.get(key);
      try {
        if (existing) await api.bookmarks.remove({ ids: [existing.id] });
        else await api.bookmarks.add({ key });
        setFailed(null);
      } catch (error) {
        // A change main refused (a full disk, a read-only database) is said, not thrown away.
        if (!(error instanceof ContractError)) throw error;
        setFailed({ kind: 'change-failed', message: error.message, ...error.localised });
      }
      await refresh();
    },
    [byKey, refresh],
  );
  const notices = useMemo(() => (failed ? [...status.notices, failed] : status.notices), [status, failed]);
  const value = useMemo(
    () => ({ list, byKey, toggle, refresh, readOnly: status.readOnly, notices }),
    [list, byKey, toggle, refresh, status, notices],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useBookmarks(): BookmarksState {
  const state = useContext(Context);
  if (!state) throw new Error('useBookmarks outside BookmarksProvider');
  return state;
}
