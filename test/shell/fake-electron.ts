// Stand-ins for the parts of Electron the shell touches, recording what it did to them. Lets the
// real main/shell/index.ts start in plain Node (no Electron binary here) against the real core.
// Each part is checked against electron.d.ts (a Pick of the real type) and behaves as Electron
// does where the shell could get it wrong: IPC clones (fake-electron-core.ts), quitting runs
// Electron's order and `handle` refuses a second handler (fake-electron-app.ts), destroyed
// windows throw (fake-electron-windows.ts).
import type {
  BaseWindow,
  Clipboard,
  MessageBoxOptions,
  MessageBoxReturnValue,
  Dialog,
  Menu as ElectronMenu,
  NativeImage,
  Net,
  Notification,
  PowerMonitor,
  Protocol,
  Screen,
  Session,
  Shell,
} from 'electron';
import { EventEmitter } from 'node:events';
import { app, ipcMain } from './fake-electron-app';
import { calls, changed } from './fake-electron-core';
import { FakeBrowserWindow, FakeTray, type FakeMenu } from './fake-electron-windows';

export { app, FakeApp, FakeIpcMain, ipcMain } from './fake-electron-app';
export {
  PreventableEvent,
  ROOT,
  calls,
  changed,
  changes,
  cloneForIpc,
  until,
} from './fake-electron-core';
export {
  FakeBrowserWindow,
  FakeTray,
  FakeWebContents,
  type FakeMenu,
} from './fake-electron-windows';

/** powerMonitor: tests emit its events; idle time is what `idleSeconds` says. */
class FakePowerMonitor extends EventEmitter implements Pick<PowerMonitor, 'getSystemIdleTime'> {
  idleSeconds = 0;
  getSystemIdleTime(): number {
    return this.idleSeconds;
  }
}

type SessionPart = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;
type Handler<K extends keyof SessionPart> = Parameters<Session[K]>[0];

/** The default session: it keeps the handlers the shell installs, for tests to call. */
class FakeSession extends EventEmitter implements SessionPart {
  permissionRequest?: Handler<'setPermissionRequestHandler'>;
  permissionCheck?: Handler<'setPermissionCheckHandler'>;
  devicePermission?: Handler<'setDevicePermissionHandler'>;
  setPermissionRequestHandler(h: Handler<'setPermissionRequestHandler'>): void {
    this.permissionRequest = h ?? undefined;
  }
  setPermissionCheckHandler(h: Handler<'setPermissionCheckHandler'>): void {
    this.permissionCheck = h ?? undefined;
  }
  setDevicePermissionHandler(h: Handler<'setDevicePermissionHandler'>): void {
    this.devicePermission = h ?? undefined;
  }
}

export const notifications: { title: string; body: string }[] = [];
export const privilegedSchemes: unknown[] = [];
export const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
export const openedExternally: string[] = [];
export const errorBoxes: string[] = [];
/** Every message box shown (its options, and whether it had a parent window), in order. */
export const messageBoxes: (MessageBoxOptions & { parented: boolean })[] = [];
/**
 * The scripted answers, one per box, in order: the index of the button "clicked". With none left
 * a box is answered with its `cancelId`, as Esc or closing it would.
 */
export const messageBoxAnswers: number[] = [];
export const defaultSession = new FakeSession();
export const powerMonitor = new FakePowerMonitor();
export const net: { online: boolean } & Pick<Net, 'isOnline'> = {
  online: true,
  isOnline(): boolean {
    return this.online;
  },
};

const protocol = {
  registerSchemesAsPrivileged: (schemes) => {
    calls.push('registerSchemesAsPrivileged');
    privilegedSchemes.push(...schemes);
  },
  handle: (scheme, handler) => {
    calls.push(`protocol.handle:${scheme}`);
    protocolHandlers.set(scheme, async (request) => handler(request as GlobalRequest));
  },
} satisfies Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
type GlobalRequest = Parameters<Parameters<Protocol['handle']>[1]>[0];

const clipboard: { text: string } & Pick<Clipboard, 'writeText' | 'readText' | 'clear'> = {
  text: '',
  async writeText(t: string) {
    this.text = t;
  },
  async readText() {
    return this.text;
  },
  clear() {
    calls.push('clipboard.clear');
    this.text = '';
  },
};

class FakeNotification implements Pick<Notification, 'show'> {
  static isSupported(): boolean {
    return true;
  }
  constructor(private readonly opts: { title: string; body: string }) {}
  show(): void {
    notifications.push({ title: this.opts.title, body: this.opts.body });
    changed();
  }
}

export const electronModule = {
  app,
  ipcMain,
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Menu: {
    buildFromTemplate: (template: FakeMenu['template']) =>
      ({ template }) as unknown as ElectronMenu,
  },
  nativeImage: {
    createFromPath: (p: string) =>
      ({ path: p, setTemplateImage: () => undefined }) as unknown as NativeImage,
  },
  Notification: FakeNotification,
  protocol,
  session: { defaultSession },
  powerMonitor,
  net,
  screen: {
    getCursorScreenPoint: () => ({ x: 100, y: 100 }),
    getDisplayNearestPoint: () =>
      ({ workArea: { x: 0, y: 25, width: 1920, height: 1055 } }) as ReturnType<
        Screen['getDisplayNearestPoint']
      >,
  } satisfies Pick<Screen, 'getCursorScreenPoint' | 'getDisplayNearestPoint'>,
  shell: {
    openExternal: async (url: string) => {
      openedExternally.push(url);
    },
  } satisfies Pick<Shell, 'openExternal'>,
  clipboard,
  dialog: {
    showErrorBox: (title: string, message: string) => {
      errorBoxes.push(`${title}: ${message}`);
    },
    showMessageBox: async (
      first: BaseWindow | MessageBoxOptions,
      second?: MessageBoxOptions,
    ): Promise<MessageBoxReturnValue> => {
      const parented = second !== undefined;
      const options = (second ?? first) as MessageBoxOptions;
      messageBoxes.push({ ...options, parented });
      calls.push(`showMessageBox:${options.message}`);
      changed();
      const response = messageBoxAnswers.shift() ?? options.cancelId ?? 0;
      return { response, checkboxChecked: false };
    },
  } satisfies Pick<Dialog, 'showErrorBox' | 'showMessageBox'>,
};

/**
 * electron-store, for `vi.mock('electron-store', ...)`: it is loaded by Node itself (outside
 * vitest's module mocking), where it would reach for the missing Electron binary. conf is what it
 * extends: the same file store, plus the IPC listener electron-store registers, which the shell
 * is expected to remove.
 */
export async function electronStoreModule(): Promise<{ default: unknown }> {
  const { default: Conf } = await import('conf');
  class ElectronStoreStandIn extends Conf<Record<string, unknown>> {
    constructor(options: ConstructorParameters<typeof Conf<Record<string, unknown>>>[0]) {
      ipcMain.on('electron-store-get-data', () => undefined);
      super(options);
    }
  }
  return { default: ElectronStoreStandIn };
}
