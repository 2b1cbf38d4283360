// The tray's model follows the real core: AppState pushed by the service, sign-in and recents
// read through the handler table, names from the cached cluster list.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTrayModelSource } from '../../main/shell/tray-model-source';
import type { TrayModel } from '../../main/shell/tray-menu';
import { clusterIdFor } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

const id = (n: number) => clusterIdFor('cn-hangzhou', n);
let fixture: AppFixture;

beforeEach(async () => {
  fixture = await startAppFixture();
});
afterEach(async () => {
  await fixture?.close();
});

function source() {
  const models: TrayModel[] = [];
  const src = createTrayModelSource({
    table: fixture.handlers,
    initialState: fixture.service.getState(),
    onChange: (m) => models.push(m),
  });
  fixture.service.onState((s) => src.applyState(s));
  return { src, models };
}

describe('createTrayModelSource', () => {
  it('learns sign-in, selection and names, and follows VNC state changes', async () => {
    const { src, models } = source();
    expect(src.current().signedIn).toBe(false);

    await fixture.handlers.selectCluster({ clusterId: id(1) });
    await src.refresh();
    expect(src.current()).toMatchObject({
      signedIn: true,
      selected: { id: id(1), name: 'cfd-prod-001' },
      vnc: 'unknown',
    });
    expect(src.clusterName(id(1))).toBe('cfd-prod-001');
    expect(src.language()).toBe('system');

    await fixture.handlers.getVncStatus({ clusterId: id(1) });
    await src.refresh();
    expect(src.current().vnc).toBe('running');
    // While the status call ran, the tray was told the cluster was busy.
    expect(models.some((m) => m.busy === 'status')).toBe(true);
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

  it('coalesces a burst of changes into few reads, and fetches names once', async () => {
    await fixture.handlers.selectCluster({ clusterId: id(2) });
    let sessionReads = 0;
    const table = {
      ...fixture.handlers,
      getSession: (p: unknown) => {
        sessionReads++;
        return fixture.handlers.getSession(p);
      },
    };
    const src = createTrayModelSource({
      table,
      initialState: fixture.service.getState(),
      onChange: () => undefined,
    });
    await src.refresh();
    expect(src.current().selected?.name).toBe('render-farm-01');
    const listCalls = fixture.emulator.count('ListClusters');
    sessionReads = 0;

    const burst = Array.from({ length: 20 }, () => src.refresh());
    await Promise.all(burst);
    // One read in flight plus one more for everything that came in meanwhile.
    expect(sessionReads).toBeLessThanOrEqual(2);
    expect(fixture.emulator.count('ListClusters')).toBe(listCalls);
  });

  it('knows a signed-out user', async () => {
    await fixture.vault.deleteAccessKey();
    const { src } = source();
    await src.refresh();
    expect(src.current().signedIn).toBe(false);
  });
});
