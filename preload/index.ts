// The preload of the sandboxed page: installs `window.ehpc` (one function per contract operation
// and a state subscription) and nothing else. ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from './shared/bridge';
import { STATE_CHANNEL } from './shared/channels';
import type { AppState } from './shared/contract';

contextBridge.exposeInMainWorld(
  'ehpc',
  createBridge({
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
