// A stop finished later (a pending stop retried) closes that cluster in the persisted exposure
// and the tray's count at once, as a stop that went through first time does: the next offline
// stop-all does not journal it again and the tray does not say it is open. Real handler table,
// emulator (VNC opened elsewhere in two regions), real keychain.
import { afterEach, describe, expect, it } from 'vitest';
import { elsewhereClusters } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

let fx: AppFixture;
afterEach(async () => {
  await fx?.close();
});

const OPEN_WORLD = 'ehpc-hz-000001'; // cfd-open-world: VNC open to 0.0.0.0/0

describe('exposure after a pending stop is retried', () => {
  it('shows the cluster closed and the open count down by one', async () => {
    fx = await startAppFixture({ clusters: elsewhereClusters(), timeoutMs: 3000 });
    const first = await fx.handlers.getExposure({ refresh: true });
    if (!first.ok) throw new Error(first.error.code);
    expect(fx.service.getState().exposure?.openCount).toBe(4);

    fx.emulator.inject({
      action: 'StopVisualService',
      clusterId: OPEN_WORLD,
      fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' },
    });
    const failed = await fx.handlers.stopVnc({ clusterId: OPEN_WORLD });
    expect(failed.ok).toBe(false);
    expect(fx.settings.pendingStops().map((p) => p.clusterId)).toEqual([OPEN_WORLD]);
    expect(fx.service.getState().exposure?.openCount).toBe(4);

    fx.emulator.clearFaults();
    const retried = await fx.handlers.retryPendingStops({});
    if (!retried.ok) throw new Error(retried.error.code);
    expect(fx.emulator.cluster(OPEN_WORLD)?.vnc).toBe('stopped');
    expect(fx.service.getState().exposure?.openCount).toBe(3);
    const cached = await fx.handlers.getExposure({ refresh: false });
    if (!cached.ok) throw new Error(cached.error.code);
    expect(cached.value.clusters.find((c) => c.clusterId === OPEN_WORLD)).toMatchObject({
      vnc: 'stopped',
      reachableFrom: [],
      wide: false,
    });
  });
});
