// The tray's model follows the real core from what it pushes alone: sign-in, selection, recent
// clusters, names and VNC states arrive in the AppState snapshot, and a push never makes the
// tray call back into the handler table (which would read the keychain).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerTable, Operation } from '../../preload/shared/contract';
import { createTrayModelSource } from '../../main/shell/tray-model-source';
import type { TrayModel } from '../../main/shell/tray-menu';
import { clusterIdFor, EMULATOR_KEY } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

const id = (n: number) => clusterIdFor('cn-hangzhou', n);
let fixture: AppFixture;

beforeEach(async () => {
  fixture = await startAppFixture();
});
afterEach(async () => {
  await fixture?.close();
});

/** The fixture's handler table, counting every call made through it. */
function countingTable(): { table: HandlerTable; calls: Operation[] } {
  const calls: Operation[] = [];
  const table = new Proxy(fixture.handlers, {
    get(target, op: Operation) {
      const handler = target[op];
      return (payload: unknown) => {
        calls.push(op);
        return handler(payload);
      };
    },
  });
  return { table, calls };
}

function source() {
  const { table, calls } = countingTable();
  const models: TrayModel[] = [];
  const waiters: { test: (m: TrayModel) => boolean; resolve: () => void }[] = [];
  const src = createTrayModelSource({
    table,
    initialState: fixture.service.getState(),
    onChange: (m) => {
      models.push(m);
      for (const w of waiters.splice(0)) {
        if (w.test(m)) w.resolve();
        else waiters.push(w);
      }
    },
  });
  fixture.service.onState((s) => src.applyState(s));
  /** Resolves once a pushed state gives a model that passes `test`. */
  const until = (test: (m: TrayModel) => boolean) =>
    test(src.current())
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiters.push({ test, resolve }));
  return { src, models, calls, until };
}

describe('createTrayModelSource', () => {
  it('asks who is signed in and for names once at start, then learns from pushes', async () => {
    const { src, models, calls, until } = source();
    expect(src.current().signedIn).toBe(false);
    await src.start();
    await until((m) => m.signedIn);
    // Nothing was cached: the one fetch of the list, for names.
    expect(calls).toEqual(['getSession', 'listClusters']);
    expect(fixture.emulator.count('ListClusters')).toBe(1);
    expect(src.clusterName(id(2))).toBe('render-farm-01');

    await fixture.handlers.selectCluster({ clusterId: id(1) });
    await until((m) => m.selected?.name === 'cfd-prod-001');
    expect(src.current()).toMatchObject({
      signedIn: true,
      selected: { id: id(1), name: 'cfd-prod-001' },
      recent: [{ id: id(1), name: 'cfd-prod-001' }],
      vnc: 'unknown',
    });
    expect(src.clusterName(id(1))).toBe('cfd-prod-001');
    expect(src.language()).toBe('system');

    await fixture.handlers.getVncStatus({ clusterId: id(1) });
    await until((m) => m.vnc === 'running' && m.busy === undefined);
    // While the status call ran, the tray was told the cluster was busy.
    expect(models.some((m) => m.busy === 'status')).toBe(true);

    await fixture.handlers.setPreferences({ language: 'zh-CN' });
    await until(() => src.language() === 'zh-CN');
    expect(calls).toEqual(['getSession', 'listClusters']);
  });

  it('makes no handler call for a push', async () => {
    await fixture.handlers.listClusters({ refresh: true });
    await fixture.handlers.selectCluster({ clusterId: id(1) });
    const { src, calls, until } = source();
    expect(src.current().selected?.name).toBe('cfd-prod-001');
    // The snapshot says who is signed in, so start-up asks only for the (cached) names.
    await src.start();
    expect(calls).toEqual(['listClusters']);
    calls.length = 0;
    const pushes: unknown[] = [];
    fixture.service.onState((s) => pushes.push(s));

    const stop = fixture.service.stopVnc({ clusterId: id(1), cidrIp: '203.0.113.0/24' });
    await until((m) => m.busy === 'stopping');
    await stop;
    await until((m) => m.vnc === 'stopped' && m.busy === undefined);
    expect(pushes.length).toBeGreaterThanOrEqual(2);
    expect(src.current().signedIn).toBe(true);
    expect(calls).toEqual([]);
  });

  it('marks the last failed action until one succeeds', () => {
    const { src, models } = source();
    src.setLastActionFailed(true);
    expect(src.current().lastActionFailed).toBe(true);
    const count = models.length;
    src.setLastActionFailed(true);
    expect(models.length).toBe(count);
    src.setLastActionFailed(false);
    expect(src.current().lastActionFailed).toBe(false);
  });

  it('knows a signed-out user, and follows signing in and out', async () => {
    await fixture.vault.deleteAccessKey();
    const { src, until } = source();
    await src.start();
    expect(src.current().signedIn).toBe(false);

    await fixture.handlers.signIn({
      accessKeyId: EMULATOR_KEY.accessKeyId,
      accessKeySecret: EMULATOR_KEY.accessKeySecret,
      regionId: 'cn-hangzhou',
    });
    await until((m) => m.signedIn);
    await fixture.handlers.signOut({});
    await until((m) => !m.signedIn);
  });
});
