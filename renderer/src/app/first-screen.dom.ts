/**
 * What can wait until the first screen is shown (#26): reading the bookmarks and telling main the
 * interface's language are not needed to show the library, and each is an IPC call (and a render)
 * that the page would make before the library is ready. When the app opens on the library, the
 * bootstrap holds them until the library's data is shown (or its failure); opened on any other
 * screen, nothing is held.
 */
let settle: () => void = () => {};
let settled: Promise<void> = Promise.resolve();

/**
 * The hold is an order of work, never a condition for it: if the library neither shows nor leaves
 * (a request that never answers), what waits goes ahead after this long.
 */
export const FIRST_SCREEN_HOLD_MAX_MS = 10_000;

/** Called by the bootstrap when the app opens on the library: what waits for the first screen waits for it. */
export function holdForFirstScreen(): void {
  settled = new Promise((done) => (settle = done));
  setTimeout(firstScreenSettled, FIRST_SCREEN_HOLD_MAX_MS);
}

/**
 * Called by the library once its data, or its failure, is shown, and when it is left before that
 * (the user moved on, or the screen failed): the bookmarks and the language must not wait for a
 * screen that is gone. Calling it again does nothing more.
 */
export function firstScreenSettled(): void {
  settle();
}

/** Resolves once the first screen is shown: at once if the app did not open on the library. */
export function afterFirstScreen(): Promise<void> {
  return settled;
}

/**
 * How long the bootstrap waits for the library's data before React first renders (#26, round 5).
 * Traces showed the data's answers reaching the page while React rendered the empty frame, and
 * then waiting for that frame's render, layout and paint (about 95 ms, quiet, cold) before the
 * page could read them: the frame was drawn, then drawn again with the cards. When the data comes
 * within this time, the first render shows the cards at once; when it does not (a slow or held
 * request), the frame is drawn after it, as before, so that the user never waits on a blank page.
 */
export const FIRST_DATA_WAIT_MS = 100;

/** Resolves once `work` has settled (whether it succeeded or failed) or after `ms`, whichever comes first; it never rejects. */
export function settledOrAfter(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    const finish = () => {
      clearTimeout(timer);
      done();
    };
    work.then(finish, finish);
  });
}
