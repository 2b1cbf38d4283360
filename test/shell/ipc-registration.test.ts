import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contract,
  operations,
  type HandlerTable,
  type Result,
  channelOf,
} from '../../preload/shared/contract';
import {
  UNTRUSTED_SENDER,
  registerIpcHandlers,
  senderRefusal,
  type InvokeEventLike,
} from '../../main/shell/ipc-registration';
import { APP_ORIGIN } from '../../main/shell/security';
import { startAppFixture, type AppFixture } from '../support/app-fixture';
// Electron's ipcMain as the shell meets it: one handler per channel, payloads and answers cloned.
import { FakeIpcMain } from './fake-electron-app';

const WINDOW_ID = 7;
const policy = { origin: APP_ORIGIN, webContentsId: () => WINDOW_ID };

function eventFrom(url: string, opts: { id?: number; subframe?: boolean } = {}): InvokeEventLike {
  const top = { url: 'app://bundle/index.html', parent: null };
  return {
    sender: { id: opts.id ?? WINDOW_ID },
    senderFrame: opts.subframe ? { url, parent: top } : { url, parent: null },
  };
}

/** A payload that records every property read: refused senders must not cause any. */
function watchedPayload(): { payload: object; reads: (string | symbol)[] } {
  const reads: (string | symbol)[] = [];
  const payload = new Proxy(
    { refresh: true },
    {
      get(target, key, receiver) {
        reads.push(key);
        return Reflect.get(target, key, receiver);
      },
      ownKeys(target) {
        reads.push('ownKeys');
        return Reflect.ownKeys(target);
      },
      getPrototypeOf(target) {
        reads.push('getPrototypeOf');
        return Reflect.getPrototypeOf(target);
      },
    },
  );
  return { payload, reads };
}

/** A table that records what reached it. */
function recordingTable(): { table: HandlerTable; calls: { op: string; payload: unknown }[] } {
  const calls: { op: string; payload: unknown }[] = [];
  const table = Object.fromEntries(
    operations.map((op) => [
      op,
      async (payload: unknown): Promise<Result<unknown>> => {
        calls.push({ op, payload });
        return { ok: true, value: `answer of ${op}` };
      },
    ]),
  ) as unknown as HandlerTable;
  return { table, calls };
}

describe('registerIpcHandlers with a recording table', () => {
  it('registers exactly one handler per contract channel and removes them all', () => {
    const ipcMain = new FakeIpcMain();
    const dispose = registerIpcHandlers({ ipcMain, table: recordingTable().table, policy });
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      operations.map((op) => contract[op].channel).sort(),
    );
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('passes a message from our window’s top frame to the table', async () => {
    const ipcMain = new FakeIpcMain();
    const { table, calls } = recordingTable();
    registerIpcHandlers({ ipcMain, table, policy, log: () => undefined });
    const result = await ipcMain.invoke(
      channelOf('listClusters'),
      eventFrom('app://bundle/index.html'),
      {
        refresh: false,
      },
    );
    expect(result).toEqual({ ok: true, value: 'answer of listClusters' });
    expect(calls).toEqual([{ op: 'listClusters', payload: { refresh: false } }]);
  });

  const refusedSenders: [string, InvokeEventLike, string][] = [
    ['another origin', eventFrom('https://evil.example/'), 'another origin'],
    ['a file:// page', eventFrom('file:///tmp/x.html'), 'another origin'],
    [
      'a subframe of our page',
      eventFrom('app://bundle/frame.html', { subframe: true }),
      'a subframe',
    ],
    ['another webContents', eventFrom('app://bundle/index.html', { id: 99 }), 'not the app window'],
    [
      'a frame that is gone',
      { sender: { id: WINDOW_ID }, senderFrame: null },
      'the sending frame is gone',
    ],
  ];

  it.each(refusedSenders)(
    'refuses %s without touching the payload',
    async (_name, event, reason) => {
      const ipcMain = new FakeIpcMain();
      const { table, calls } = recordingTable();
      const logged: string[] = [];
      registerIpcHandlers({ ipcMain, table, policy, log: (l) => logged.push(l) });
      const { payload, reads } = watchedPayload();
      // Straight to the listener: a Proxy cannot cross IPC's clone, and what is checked here is
      // the listener's own order (the sender first, the payload never read when refused).
      const listener = ipcMain.handlers.get(channelOf('stopVnc'));
      const result = await listener?.(event as never, payload);
      expect(result).toEqual({ ok: false, error: UNTRUSTED_SENDER });
      expect(calls).toEqual([]);
      expect(reads).toEqual([]);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain(reason);
      expect(logged[0]).not.toContain('refresh');
    },
  );

  it('refuses everything while there is no window', async () => {
    const ipcMain = new FakeIpcMain();
    const { table, calls } = recordingTable();
    registerIpcHandlers({
      ipcMain,
      table,
      policy: { origin: APP_ORIGIN, webContentsId: () => undefined },
      log: () => undefined,
    });
    const result = await ipcMain.invoke(
      channelOf('getPreferences'),
      eventFrom('app://bundle/'),
      {},
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'Ipc.UntrustedSender' } });
    expect(calls).toEqual([]);
  });

  it('turns a throwing table into a typed error without a stack', async () => {
    const ipcMain = new FakeIpcMain();
    const table = recordingTable().table;
    table.getState = () => Promise.reject(new Error('boom at /home/me/secret/path.ts:1'));
    registerIpcHandlers({ ipcMain, table, policy, log: () => undefined });
    const result = (await ipcMain.invoke(
      channelOf('getState'),
      eventFrom('app://bundle/'),
      {},
    )) as Result<unknown>;
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('gives the reason for a refusal from the event alone', () => {
    expect(senderRefusal(eventFrom('app://bundle/index.html'), policy)).toBeUndefined();
    expect(senderRefusal(eventFrom('app://bundle.evil/index.html'), policy)).toBe('another origin');
  });
});

describe('registerIpcHandlers with the real core (emulator, keychain, settings file)', () => {
  let fixture: AppFixture;
  beforeAll(async () => {
    fixture = await startAppFixture();
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('lists the emulator’s clusters for our window, validates payloads, refuses others', async () => {
    const ipcMain = new FakeIpcMain();
    registerIpcHandlers({ ipcMain, table: fixture.handlers, policy, log: () => undefined });
    const ours = eventFrom('app://bundle/index.html');

    const listed = (await ipcMain.invoke(channelOf('listClusters'), ours, {
      refresh: true,
    })) as Result<{
      clusters: { id: string; name: string }[];
    }>;
    expect(listed.ok).toBe(true);
    if (listed.ok) expect(listed.value.clusters.map((c) => c.name)).toContain('cfd-prod-001');

    const invalid = await ipcMain.invoke(channelOf('listClusters'), ours, {
      refresh: 'yes',
      extra: 1,
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });

    const before = fixture.emulator.count();
    const refused = await ipcMain.invoke(
      channelOf('listClusters'),
      eventFrom('https://evil.example/'),
      {
        refresh: true,
      },
    );
    expect(refused).toEqual({ ok: false, error: UNTRUSTED_SENDER });
    expect(fixture.emulator.count()).toBe(before);
  });
});
