// Builds the `window.ehpc` object from two transport functions. The preload passes ipcRenderer's
// invoke/on; the Chromium test harness passes Playwright bindings. Both thus expose the very same
// surface: one function per operation, one subscription, never the transport itself.
import { CHANNELS, operations } from './channels';
import type { AppState, EhpcBridge } from './contract';

export interface BridgeTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  subscribe(listener: (state: AppState) => void): () => void;
}

export function createBridge(transport: BridgeTransport): EhpcBridge {
  const api: Record<string, unknown> = {};
  for (const op of operations) {
    const channel = CHANNELS[op];
    // Only the request crosses; the response is whatever main's handler table returned.
    api[op] = (request: unknown) => transport.invoke(channel, request ?? {});
  }
  api.onState = (listener: (state: AppState) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onState expects a function');
    return transport.subscribe(listener);
  };
  return Object.freeze(api) as EhpcBridge;
}
