/** The Bookmarks screen's selection (BookmarksScreen.dom.tsx), pure: ticking a row, and which chosen rows an action applies to. */

/** The selection with `id` ticked or not, as a new set (React state is never changed in place). */
export function toggled(selected: ReadonlySet<number>, id: number, on: boolean): Set<number> {
  const next = new Set(selected);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** The selected ids that the filters still show, in the order they were selected: an action never reaches a hidden bookmark. */
export function selectedShown(selected: ReadonlySet<number>, shown: readonly { id: number }[]): number[] {
  return [...selected].filter((id) => shown.some((b) => b.id === id));
}
