// Builds the `window.ehpc` object from the operation names and two transport functions. The
// preload passes the names esbuild injected from the contract and ipcRenderer's invoke/on; the
// Chromium test harness passes the contract's names and Playwright bindings. Both thus expose the
// very same surface: one function per operation, one subscription, never the transport itself.
// Type-only imports: this file must not pull the contract (and zod) into the preload bundle.
import { channelOf } from './channels';
import type { AppState, EhpcBridge, Operation } from './contract';

export interface BridgeTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  subscribe(listener: (state: AppState) => void): () => void;
}

export function createBridge(
  operations: readonly Operation[],
  transport: BridgeTransport,
): EhpcBridge {
  const api: Record<string, unknown> = {};
  for (const op of operations) {
    const channel = channelOf(op);
    // Only the request crosses; the response is whatever main's handler table returned.
    api[op] = (request: unknown) => transport.invoke(channel, request ?? {});
  }
  api.onState = (listener: (state: AppState) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onState expects a function');
    return transport.subscribe(listener);
  };
  return Object.freeze(api) as EhpcBridge;
}
