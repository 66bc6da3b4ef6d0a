/** What the preload exposes to the page (main/preload/index.preload.ts); absent in a plain browser. */
interface Window {
  valise?: {
    invoke: (channel: string, args: unknown) => Promise<unknown>;
    onEvent?: (listener: (event: unknown) => void) => () => void;
  };
}
