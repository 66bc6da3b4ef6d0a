/**
 * What can wait until the first screen is shown (#26): reading the bookmarks and telling main the
 * interface's language are not needed to show the library, and each is an IPC call (and a render)
 * that the page would make before the library is ready. When the app opens on the library, the
 * bootstrap holds them until the library's data is shown (or its failure); opened on any other
 * screen, nothing is held.
 */
let settle: () => void = () => {};
let settled: Promise<void> = Promise.resolve();

/** Called by the bootstrap when the app opens on the library: what waits for the first screen waits for it. */
export function holdForFirstScreen(): void {
  settled = new Promise((done) => (settle = done));
}

/** Called by the library once its data, or its failure, is shown. */
export function firstScreenSettled(): void {
  settle();
}

/** Resolves once the first screen is shown: at once if the app did not open on the library. */
export function afterFirstScreen(): Promise<void> {
  return settled;
}
