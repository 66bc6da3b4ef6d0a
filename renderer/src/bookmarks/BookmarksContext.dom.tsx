/**
 * The user's bookmarks as the whole renderer sees them: which items are marked (so the mark shows
 * everywhere the item is shown), toggling, and the notices of the user database (recovered from a
 * backup, read-only).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Bookmark } from '../../../common/contract.std';
import { api } from '../api/client.dom';

interface BookmarksState {
  list: Bookmark[];
  readOnly: boolean;
  notices: { kind: string; message: string }[];
  byKey: Map<string, Bookmark>;
  toggle(key: string): Promise<void>;
  refresh(): Promise<void>;
}

const Context = createContext<BookmarksState | null>(null);

export function BookmarksProvider({ children }: { children: ReactNode }) {
  const [list, setList] = useState<Bookmark[]>([]);
  const [status, setStatus] = useState<{ readOnly: boolean; notices: { kind: string; message: string }[] }>({ readOnly: false, notices: [] });
  const refresh = useCallback(async () => setList(await api.bookmarks.list({})), []);
  useEffect(() => {
    void refresh();
    void api.bookmarks.status({}).then(setStatus);
  }, [refresh]);
  const byKey = useMemo(() => new Map(list.map((b) => [b.key, b])), [list]);
  const toggle = useCallback(
    async (key: string) => {
      const existing = byKey.get(key);
      if (existing) await api.bookmarks.remove({ ids: [existing.id] });
      else await api.bookmarks.add({ key });
      await refresh();
    },
    [byKey, refresh],
  );
  const value = useMemo(
    () => ({ list, byKey, toggle, refresh, readOnly: status.readOnly, notices: status.notices }),
    [list, byKey, toggle, refresh, status],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useBookmarks(): BookmarksState {
  const state = useContext(Context);
  if (!state) throw new Error('useBookmarks outside BookmarksProvider');
  return state;
}
