// A stop reads the keychain once (for the AccessKey it is sent with), however many states it
// pushes: the snapshot carries the session from memory, and the tray builds its menu from the
// snapshot alone. Counted on the real keyring (test/with-keyring.sh) against the emulator, with
// the shell's listeners (the window's and the tray's) attached.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppState } from '../../preload/shared/contract';
import { keytarKeychain, type Keychain } from '../../main/core/keychain';
import { createTrayModelSource } from '../../main/shell/tray-model-source';
import { clusterIdFor } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

const cfd = clusterIdFor('cn-hangzhou', 1); // VNC running at the start
let fx: AppFixture;
let reads = 0;

/** The real keychain, counting what is read from it. */
function countingKeychain(): Keychain {
  const real = keytarKeychain();
  return {
    getPassword: (service, account) => {
      reads++;
      return real.getPassword(service, account);
    },
    setPassword: (service, account, password) => real.setPassword(service, account, password),
    deletePassword: (service, account) => real.deletePassword(service, account),
    findCredentials: (service) => real.findCredentials(service),
  };
}

beforeEach(async () => {
  fx = await startAppFixture({ keychain: countingKeychain() });
});
afterEach(async () => {
  await fx?.close();
});

describe('keychain reads', () => {
  it('one stop, with the window and the tray listening, reads the keychain at most once', async () => {
    await fx.handlers.listClusters({ refresh: true });
    await fx.handlers.selectCluster({ clusterId: cfd });
    const pushed: AppState[] = [];
    const tray = createTrayModelSource({
      table: fx.handlers,
      initialState: fx.service.getState(),
      onChange: () => undefined,
    });
    await tray.start();
    fx.service.onState((state) => {
      pushed.push(state);
      tray.applyState(state);
    });
    await fx.quiet();
    reads = 0;
    const before = pushed.length;

    const stopped = await fx.handlers.stopVnc({ clusterId: cfd, cidrIp: '203.0.113.0/24' });
    expect(stopped.ok).toBe(true);
    await fx.quiet();
    // The last push (the stop's end) goes out on the next turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));

    expect(fx.emulator.cluster(cfd)?.vnc).toBe('stopped');
    expect(pushed.length - before).toBeGreaterThanOrEqual(2);
    expect(pushed.at(-1)).toMatchObject({
      vnc: { [cfd]: 'stopped' },
      busy: {},
      session: { signedIn: true, source: 'keychain' },
      clusterNames: { [cfd]: 'cfd-prod-001' },
    });
    expect(tray.current()).toMatchObject({ signedIn: true, vnc: 'stopped' });
    expect(reads).toBeLessThanOrEqual(1);
    // And not zero: the AccessKey is read for the request, never kept in memory.
    expect(reads).toBe(1);
  });
});
