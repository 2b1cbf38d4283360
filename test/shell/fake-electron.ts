// Stand-ins for the parts of Electron the shell touches, recording what it did to them. Lets the
// real main/shell/index.ts start in plain Node (no Electron binary here) against the real core.
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every call worth ordering, in order ("enableSandbox", "ready", ...). */
export const calls: string[] = [];

/**
 * Emits 'change' whenever something a test waits for may have changed (a notification, the
 * tray, quitting; tests add the emulator's answers), so waits follow events instead of polling.
 */
export const changes = new EventEmitter();
changes.setMaxListeners(0);
export const changed = (): void => void changes.emit('change');

/**
 * Resolves once `condition` holds, checking it after each change; fails after `timeoutMs` with
 * `what` in the message. Generous by default: a loaded two-core machine is slow, not wrong.
 */
export function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!condition()) return;
      finish();
      resolve();
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${timeoutMs} ms waiting until ${what}`));
    }, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      changes.off('change', check);
    };
    changes.on('change', check);
  });
}

export class PreventableEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

class FakeApp extends EventEmitter {
  gotLock = true;
  lockData: unknown;
  readonly paths: Record<string, string> = { userData: path.join(tmpdir(), 'ehpc-fake-userdata') };
  readonly isPackaged = false;
  readonly dock = undefined;
  exitCode?: number;
  quitted = false;
  readonly loginItemSettings: unknown[] = [];
  private markReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  whenReady(): Promise<void> {
    return this.ready;
  }
  becomeReady(): void {
    calls.push('ready');
    this.markReady();
  }
  requestSingleInstanceLock(data: unknown): boolean {
    calls.push('requestSingleInstanceLock');
    this.lockData = data;
    return this.gotLock;
  }
  setPath(name: string, value: string): void {
    calls.push(`setPath:${name}`);
    this.paths[name] = value;
  }
  getPath(name: string): string {
    return this.paths[name] ?? tmpdir();
  }
  getVersion(): string {
    return '0.1.0';
  }
  getAppPath(): string {
    return ROOT;
  }
  getLocale(): string {
    return 'en-US';
  }
  enableSandbox(): void {
    calls.push('enableSandbox');
  }
  quit(): void {
    calls.push('quit');
    const event = new PreventableEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    this.quitted = true;
    calls.push('quitted');
    changed();
  }
  exit(code: number): void {
    this.exitCode = code;
    calls.push(`exit:${code}`);
    changed();
  }
  setLoginItemSettings(settings: unknown): void {
    this.loginItemSettings.push(settings);
  }
}

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  url = '';
  readonly sent: { channel: string; payload: unknown }[] = [];
  openHandler?: (details: { url: string }) => { action: string };
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isLoading(): boolean {
    return false;
  }
  isDevToolsOpened(): boolean {
    return false;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  visible = false;
  position?: [number, number];
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
    calls.push('new BrowserWindow');
    app.emit('web-contents-created', new PreventableEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    calls.push(`loadURL:${url}`);
    this.webContents.url = url;
    return Promise.resolve();
  }
  setMenu(): void {}
  show(): void {
    this.visible = true;
  }
  focus(): void {}
  hide(): void {
    this.visible = false;
    this.emit('hide');
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return false;
  }
  setPosition(x: number, y: number): void {
    this.position = [x, y];
  }
}

export interface FakeMenu {
  template: { id?: string; label?: string; enabled?: boolean; click?: () => void }[];
}

export class FakeTray extends EventEmitter {
  static readonly instances: FakeTray[] = [];
  image: { path: string };
  tooltip = '';
  contextMenu?: FakeMenu;
  destroyed = false;
  constructor(image: { path: string }) {
    super();
    this.image = image;
    FakeTray.instances.push(this);
    calls.push('new Tray');
  }
  setImage(image: { path: string }): void {
    this.image = image;
    changed();
  }
  setToolTip(text: string): void {
    this.tooltip = text;
    changed();
  }
  setContextMenu(menu: FakeMenu): void {
    this.contextMenu = menu;
    changed();
  }
  /** The attached menu's item with this id. */
  item(id: string): FakeMenu['template'][number] | undefined {
    return this.contextMenu?.template.find((i) => i.id === id);
  }
  popUpContextMenu(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    changed();
  }
}

type Listener = (event: unknown, payload: unknown) => Promise<unknown>;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

/** powerMonitor: tests emit its events; idle time is what `idleSeconds` says. */
class FakePowerMonitor extends EventEmitter {
  idleSeconds = 0;
  getSystemIdleTime(): number {
    return this.idleSeconds;
  }
}

class FakeSession extends EventEmitter {
  permissionRequest?: (
    wc: unknown,
    permission: string,
    cb: (ok: boolean) => void,
    details: { requestingUrl?: string },
  ) => void;
  permissionCheck?: () => boolean;
  devicePermission?: () => boolean;
  setPermissionRequestHandler(h: FakeSession['permissionRequest']): void {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']): void {
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(h: FakeSession['devicePermission']): void {
    this.devicePermission = h;
  }
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const notifications: { title: string; body: string }[] = [];
export const privilegedSchemes: unknown[] = [];
export const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
export const openedExternally: string[] = [];
export const errorBoxes: string[] = [];
export const defaultSession = new FakeSession();
export const powerMonitor = new FakePowerMonitor();
export const net = {
  online: true,
  isOnline(): boolean {
    return this.online;
  },
};

export const electronModule = {
  app,
  ipcMain,
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Menu: { buildFromTemplate: (template: FakeMenu['template']): FakeMenu => ({ template }) },
  nativeImage: {
    createFromPath: (p: string) => ({ path: p, setTemplateImage: () => undefined }),
  },
  Notification: class {
    static isSupported(): boolean {
      return true;
    }
    constructor(private readonly opts: { title: string; body: string }) {}
    show(): void {
      notifications.push({ title: this.opts.title, body: this.opts.body });
      changed();
    }
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      calls.push('registerSchemesAsPrivileged');
      privilegedSchemes.push(...schemes);
    },
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
      calls.push(`protocol.handle:${scheme}`);
      protocolHandlers.set(scheme, handler);
    },
  },
  session: { defaultSession },
  powerMonitor,
  net,
  screen: {
    getCursorScreenPoint: () => ({ x: 100, y: 100 }),
    getDisplayNearestPoint: () => ({ workArea: { x: 0, y: 25, width: 1920, height: 1055 } }),
  },
  shell: {
    openExternal: async (url: string) => {
      openedExternally.push(url);
    },
  },
  clipboard: {
    text: '',
    async writeText(t: string) {
      this.text = t;
    },
    async readText() {
      return this.text;
    },
    clear() {
      this.text = '';
    },
  },
  dialog: {
    showErrorBox: (title: string, message: string) => errorBoxes.push(`${title}: ${message}`),
  },
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
