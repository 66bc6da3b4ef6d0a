/** The palette's keyboard (Palette.dom.tsx), pure: which hit the arrows make active. */

/** The keys that move through the hits (Enter opens the active one). */
export type PaletteMove = 'ArrowDown' | 'ArrowUp';

export function isPaletteMove(key: string): key is PaletteMove {
  return key === 'ArrowDown' || key === 'ArrowUp';
}

/** The active hit after a move: down stops at the last of `count` hits, up at the first. */
export function movedActive(move: PaletteMove, active: number, count: number): number {
  return move === 'ArrowDown' ? Math.min(active + 1, count - 1) : Math.max(active - 1, 0);
}
