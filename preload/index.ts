// The preload of the sandboxed page: installs `window.ehpc` (one function per contract operation
// and a state subscription) and nothing else. ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from './shared/bridge';
import { STATE_CHANNEL } from './shared/channels';
import type { AppState, Operation } from './shared/contract';

/**
 * The contract's operation names, put here by esbuild at build time (scripts/build.mjs reads them
 * from the contract), so the sandboxed bundle holds a list of names instead of zod and the schemas.
 */
declare const __EHPC_OPERATIONS__: readonly Operation[];

contextBridge.exposeInMainWorld(
  'ehpc',
  createBridge(__EHPC_OPERATIONS__, {
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    subscribe: (listener) => {
      // A fresh wrapper per subscription: the page gets the state, never the event (which
      // would carry `sender`), and unsubscribing removes exactly this one.
      const handler = (_event: IpcRendererEvent, state: AppState) => listener(state);
      ipcRenderer.on(STATE_CHANNEL, handler);
      return () => {
        ipcRenderer.removeListener(STATE_CHANNEL, handler);
      };
    },
  }),
);
