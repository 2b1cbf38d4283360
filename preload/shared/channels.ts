// IPC channel names, a pure function of the operation's name: the sandboxed preload derives them
// from the operation names esbuild injects at build time, so it needs neither the contract nor zod.

/** The IPC channel of an operation. */
export const channelOf = (operation: string): string => `ehpc:${operation}`;

/** The channel main pushes `AppState` on. */
export const STATE_CHANNEL = 'state:changed';
