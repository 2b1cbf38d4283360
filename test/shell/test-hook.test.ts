import { describe, expect, it } from 'vitest';
import type { BuildProfile } from '../../main/shell/debug-switches';
import {
  installTestHook,
  testHookEnabled,
  TEST_HOOK_KEY,
  type TestHook,
} from '../../main/shell/test-hook';
import type { Notice } from '../../main/shell/tray-labels';
import type { TrayAction, TrayMenuItem } from '../../main/shell/tray-menu';

const items: TrayMenuItem[] = [
  { id: 'status', label: 'x', enabled: false },
  { id: 'stop-selected', label: 'Stop', enabled: true, action: { kind: 'stop', clusterId: 'c1' } },
  { id: 'stop-all', label: 'Stop all', enabled: false, action: { kind: 'stopAll' } },
  {
    id: 'switch-cluster',
    type: 'submenu',
    submenu: [{ id: 'select:c2', type: 'radio', action: { kind: 'select', clusterId: 'c2' } }],
  },
];

function deps() {
  const dispatched: TrayAction[] = [];
  const notifications: Notice[] = [{ title: 't', body: 'b' }];
  return {
    dispatched,
    deps: {
      items: () => items,
      dispatch: async (a: TrayAction) => {
        dispatched.push(a);
      },
      notifications,
    },
  };
}

const DEV_RUN: BuildProfile = { isPackaged: false, e2eBuild: false };
const E2E_BUILD: BuildProfile = { isPackaged: true, e2eBuild: true };
const RELEASE: BuildProfile = { isPackaged: true, e2eBuild: false };

describe('the e2e test hook', () => {
  it('is not installed without EHPC_VNC_E2E=1', () => {
    const target = {};
    expect(installTestHook(target, {}, DEV_RUN, deps().deps)).toBe(false);
    expect(installTestHook(target, { EHPC_VNC_E2E: 'true' }, DEV_RUN, deps().deps)).toBe(false);
    expect(TEST_HOOK_KEY in target).toBe(false);
  });

  it('is never installed in a release build, whatever the environment says', () => {
    const target = {};
    expect(installTestHook(target, { EHPC_VNC_E2E: '1' }, RELEASE, deps().deps)).toBe(false);
    expect(TEST_HOOK_KEY in target).toBe(false);
    expect(testHookEnabled({ EHPC_VNC_E2E: '1' }, E2E_BUILD)).toBe(true);
    expect(testHookEnabled({ EHPC_VNC_E2E: '1' }, RELEASE)).toBe(false);
  });

  it('clicks enabled items by id, also in submenus, and refuses the rest', async () => {
    const target: Record<string, unknown> = {};
    const { deps: d, dispatched } = deps();
    expect(installTestHook(target, { EHPC_VNC_E2E: '1' }, DEV_RUN, d)).toBe(true);
    const hook = target[TEST_HOOK_KEY] as TestHook;
    await hook.clickTrayItem('stop-selected');
    await hook.clickTrayItem('select:c2');
    await expect(hook.clickTrayItem('stop-all')).rejects.toThrow('disabled');
    await expect(hook.clickTrayItem('status')).rejects.toThrow('No tray item');
    expect(dispatched).toEqual([
      { kind: 'stop', clusterId: 'c1' },
      { kind: 'select', clusterId: 'c2' },
    ]);
    expect(hook.notifications()).toEqual([{ title: 't', body: 'b' }]);
    expect(hook.trayMenu()).toEqual(items);
    expect(hook.trayMenu()).not.toBe(items);
  });
});
