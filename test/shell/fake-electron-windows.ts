// The popover's BrowserWindow and webContents, and the Tray, as Electron behaves: closing emits
// a preventable `close`, a closed window is destroyed (with its webContents) and any use of it
// throws, and `webContents.send` clones what it sends.
import { EventEmitter } from 'node:events';
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Menu,
  NativeImage,
  Tray,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';
import { app } from './fake-electron-app';
import {
  PreventableEvent,
  assertAlive,
  calls,
  changed,
  cloneForIpc,
  openWindows,
  type ClosableWindow,
} from './fake-electron-core';

let nextWebContentsId = 1;

type WebContentsPart = Pick<
  WebContents,
  'id' | 'send' | 'isLoading' | 'isDevToolsOpened' | 'setWindowOpenHandler' | 'isDestroyed'
>;

export class FakeWebContents extends EventEmitter implements WebContentsPart {
  readonly id = nextWebContentsId++;
  url = '';
  destroyed = false;
  readonly sent: { channel: string; payload: unknown }[] = [];
  openHandler?: (details: { url: string }) => WindowOpenHandlerResponse;
  send(channel: string, ...args: unknown[]): void {
    assertAlive(this);
    // What the page would receive; Electron refuses what it cannot serialize.
    const payload = cloneForIpc(args[0], 'Failed to serialize arguments');
    this.sent.push({ channel, payload });
  }
  isLoading(): boolean {
    assertAlive(this);
    return false;
  }
  isDevToolsOpened(): boolean {
    assertAlive(this);
    return false;
  }
  setWindowOpenHandler(handler: Parameters<WebContents['setWindowOpenHandler']>[0]): void {
    assertAlive(this);
    // Tests ask with a URL; Electron would fill in the rest of a window.open() call.
    this.openHandler = ({ url }) =>
      handler({
        url,
        frameName: '',
        features: '',
        disposition: 'new-window',
        referrer: { url: '', policy: 'strict-origin-when-cross-origin' },
      });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** The window went: so does its page. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
  }
}

type WindowPart = Pick<
  BrowserWindow,
  | 'loadURL'
  | 'setMenu'
  | 'show'
  | 'focus'
  | 'hide'
  | 'isVisible'
  | 'isDestroyed'
  | 'setPosition'
  | 'close'
  | 'destroy'
>;

export class FakeBrowserWindow extends EventEmitter implements WindowPart, ClosableWindow {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  visible = false;
  position?: [number, number];
  private destroyed = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.instances.push(this);
    openWindows.add(this);
    calls.push('new BrowserWindow');
    app.emit('web-contents-created', new PreventableEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    assertAlive(this);
    calls.push(`loadURL:${url}`);
    this.webContents.url = url;
    return Promise.resolve();
  }
  setMenu(_menu: Menu | null): void {
    assertAlive(this);
  }
  show(): void {
    assertAlive(this);
    this.visible = true;
  }
  focus(): void {
    assertAlive(this);
  }
  hide(): void {
    assertAlive(this);
    this.visible = false;
    this.emit('hide');
  }
  isVisible(): boolean {
    assertAlive(this);
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setPosition(x: number, y: number, _animate?: boolean): void {
    assertAlive(this);
    this.position = [x, y];
  }
  /** Emits `close`; unless a listener prevents it, the window is destroyed. */
  close(): boolean {
    assertAlive(this);
    const event = new PreventableEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroy();
    return true;
  }
  /** Destroys at once, without `close` (as Electron's destroy()). */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    openWindows.delete(this);
    this.webContents.destroy();
    calls.push('window closed');
    this.emit('closed');
    changed();
  }
}

export interface FakeMenu {
  template: { id?: string; label?: string; enabled?: boolean; click?: () => void }[];
}

type TrayPart = Pick<
  Tray,
  'setImage' | 'setToolTip' | 'popUpContextMenu' | 'isDestroyed' | 'destroy' | 'getBounds'
>;

export class FakeTray extends EventEmitter implements TrayPart {
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
  setImage(image: NativeImage | string): void {
    assertAlive(this);
    this.image =
      typeof image === 'string' ? { path: image } : (image as unknown as { path: string });
    changed();
  }
  setToolTip(text: string): void {
    assertAlive(this);
    this.tooltip = text;
    changed();
  }
  setContextMenu(menu: FakeMenu | null): void {
    assertAlive(this);
    this.contextMenu = menu ?? undefined;
    changed();
  }
  /** The attached menu's item with this id. */
  item(id: string): FakeMenu['template'][number] | undefined {
    return this.contextMenu?.template.find((i) => i.id === id);
  }
  popUpContextMenu(): void {
    assertAlive(this);
  }
  getBounds(): { x: number; y: number; width: number; height: number } {
    assertAlive(this);
    return { x: 1800, y: 0, width: 24, height: 24 };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    changed();
  }
}
