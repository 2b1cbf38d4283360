// Runs in the page (bundled by the harness, installed as an init script): builds `window.ehpc`
// with the same createBridge the preload uses, over a Playwright binding instead of ipcRenderer.
import { createBridge } from '../../preload/shared/bridge';
import type { AppState, Operation } from '../../preload/shared/contract';

/** Injected by the harness's esbuild `define`, as scripts/build.mjs does for the preload. */
declare const __EHPC_OPERATIONS__: readonly Operation[];

interface HarnessWindow {
  __ehpcInvoke(channel: string, payload: unknown): Promise<unknown>;
  __ehpcPushState?: (state: AppState) => void;
}

const w = window as unknown as HarnessWindow;
const listeners = new Set<(state: AppState) => void>();

w.__ehpcPushState = (state) => {
  for (const listener of listeners) listener(state);
};

Object.defineProperty(window, 'ehpc', {
  value: createBridge(__EHPC_OPERATIONS__, {
    invoke: (channel, payload) => w.__ehpcInvoke(channel, payload),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  }),
  writable: false,
  configurable: false,
});
