// A door for the Electron end-to-end test, opened only when EHPC_VNC_E2E=1 in a build that allows
// debugging (a development run or the packaged e2e build, see debug-switches.ts): a release build
// never opens it, whatever its environment says. Playwright's
// `electronApp.evaluate` runs in this process and reaches `globalThis.__ehpcTest` to click tray
// items (which no driver can click on a real tray) and to read the notifications shown.
import { debuggingAllowed, type BuildProfile } from './debug-switches';
import type { Notice } from './tray-labels';
import { findTrayItem, type TrayAction, type TrayMenuItem } from './tray-menu';

export const TEST_HOOK_ENV = 'EHPC_VNC_E2E';
export const TEST_HOOK_KEY = '__ehpcTest';

export interface TestHook {
  /** Ids and labels of the current tray menu (no functions: it crosses to the test). */
  trayMenu(): TrayMenuItem[];
  /** Runs the item's action and resolves when it has finished and been notified. */
  clickTrayItem(id: string): Promise<void>;
  notifications(): Notice[];
}

export interface TestHookDeps {
  items(): TrayMenuItem[];
  dispatch(action: TrayAction): Promise<unknown>;
  notifications: Notice[];
}

export function testHookEnabled(env: NodeJS.ProcessEnv, profile: BuildProfile): boolean {
  return env[TEST_HOOK_ENV] === '1' && debuggingAllowed(profile);
}

export function createTestHook(deps: TestHookDeps): TestHook {
  return {
    trayMenu: () => structuredClone(deps.items()),
    async clickTrayItem(id) {
      const item = findTrayItem(deps.items(), id);
      if (!item?.action) throw new Error(`No tray item with an action has the id ${id}.`);
      if (item.enabled === false) throw new Error(`The tray item ${id} is disabled.`);
      await deps.dispatch(item.action);
    },
    notifications: () => [...deps.notifications],
  };
}

/** Installs the hook on `target` (globalThis) only when enabled (above); says whether it did. */
export function installTestHook(
  target: object,
  env: NodeJS.ProcessEnv,
  profile: BuildProfile,
  deps: TestHookDeps,
): boolean {
  if (!testHookEnabled(env, profile)) return false;
  Object.defineProperty(target, TEST_HOOK_KEY, {
    value: Object.freeze(createTestHook(deps)),
    configurable: false,
    enumerable: false,
    writable: false,
  });
  return true;
}
