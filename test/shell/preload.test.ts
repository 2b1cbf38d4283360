// The preload, loaded with stand-ins for contextBridge and ipcRenderer (no Electron binary here):
// it exposes one `ehpc` object made of the contract's operations and onState, and the page can
// reach neither ipcRenderer nor the IPC event.
import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { contract, operations, STATE_CHANNEL, type AppState } from '../../preload/shared/contract';

const exposed = new Map<string, unknown>();
const invoked: { channel: string; payload: unknown }[] = [];
const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: async (channel: string, payload: unknown) => {
    invoked.push({ channel, payload });
    return { ok: true, value: channel };
  },
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
  },
  ipcRenderer,
}));

type Bridge = Record<string, (arg?: unknown) => unknown>;
let bridge: Bridge;

beforeAll(async () => {
  // What scripts/preload-build.mjs injects with esbuild's `define`.
  vi.stubGlobal('__EHPC_OPERATIONS__', operations);
  await import('../../preload/index');
  bridge = exposed.get('ehpc') as Bridge;
});

describe('preload', () => {
  it('exposes only `ehpc`, with one function per operation and onState', () => {
    expect([...exposed.keys()]).toEqual(['ehpc']);
    expect(Object.keys(bridge).sort()).toEqual([...operations, 'onState'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.values(bridge)).not.toContain(ipcRenderer);
    expect(Object.values(bridge)).not.toContain(ipcRenderer.invoke);
  });

  it('invokes each operation on its contract channel', async () => {
    invoked.length = 0;
    await expect(bridge.stopVnc?.({ clusterId: 'ehpc-hz-000001' })).resolves.toEqual({
      ok: true,
      value: contract.stopVnc.channel,
    });
    await bridge.getState?.();
    expect(invoked).toEqual([
      { channel: 'ehpc:stopVnc', payload: { clusterId: 'ehpc-hz-000001' } },
      { channel: 'ehpc:getState', payload: {} },
    ]);
  });

  it('passes pushed state, never the IPC event, and unsubscribes exactly one listener', () => {
    const seen: unknown[][] = [];
    const unsubscribe = bridge.onState?.((...args: unknown[]) => seen.push(args)) as () => void;
    const other = bridge.onState?.(() => undefined) as () => void;
    const state: AppState = { vnc: { c1: 'running' }, busy: {} };
    const fakeEvent = { sender: ipcRenderer, senderId: 0 };
    ipcRenderer.emit(STATE_CHANNEL, fakeEvent, state);
    expect(seen).toEqual([[state]]);
    expect(ipcRenderer.listenerCount(STATE_CHANNEL)).toBe(2);
    unsubscribe();
    expect(ipcRenderer.listenerCount(STATE_CHANNEL)).toBe(1);
    ipcRenderer.emit(STATE_CHANNEL, fakeEvent, state);
    expect(seen).toHaveLength(1);
    other();
    expect(ipcRenderer.listenerCount(STATE_CHANNEL)).toBe(0);
    expect(() => bridge.onState?.('not a function')).toThrow(TypeError);
  });
});
