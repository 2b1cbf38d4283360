// `app` and `ipcMain` as Electron runs them: quitting in Electron's order (before-quit, the
// windows close, will-quit, quit; a prevented step cancels the quit), and one `handle` per
// channel with payloads and answers crossing a structured clone.
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App, IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  PreventableEvent,
  ROOT,
  calls,
  changed,
  cloneForIpc,
  openWindows,
} from './fake-electron-core';

type AppPart = Pick<
  App,
  | 'whenReady'
  | 'requestSingleInstanceLock'
  | 'setPath'
  | 'getPath'
  | 'getVersion'
  | 'getAppPath'
  | 'getLocale'
  | 'enableSandbox'
  | 'quit'
  | 'exit'
  | 'setLoginItemSettings'
  | 'isPackaged'
  | 'dock'
>;

export class FakeApp extends EventEmitter implements AppPart {
  gotLock = true;
  lockData: unknown;
  readonly paths: Record<string, string> = { userData: path.join(tmpdir(), 'ehpc-fake-userdata') };
  readonly isPackaged = false;
  readonly dock = undefined;
  exitCode?: number;
  /** Set when the `quit` event has been emitted: the process would end here. */
  quitted = false;
  readonly loginItemSettings: unknown[] = [];
  /** Electron's is_quitting_: set once before-quit went through, until the quit is cancelled. */
  private quitting = false;
  private markReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  whenReady(): Promise<void> {
    return this.ready;
  }
  becomeReady(): void {
    calls.push('ready');
    this.markReady();
  }
  requestSingleInstanceLock(data?: Record<string, unknown>): boolean {
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
  /**
   * Electron's Browser::Quit: ignored while a quit is under way; `before-quit` (preventable)
   * synchronously; then, asynchronously, every window is asked to close (one that refuses
   * cancels the quit), `will-quit` (preventable, cancels too) and `quit`.
   */
  quit(): void {
    calls.push('quit');
    if (this.quitting || this.quitted) return;
    const beforeQuit = new PreventableEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.quitting = true;
    setImmediate(() => this.closeWindowsThenQuit());
  }
  private closeWindowsThenQuit(): void {
    for (const win of [...openWindows]) {
      if (!win.isDestroyed() && !win.close()) {
        calls.push('quit cancelled by a window');
        this.quitting = false;
        return;
      }
    }
    const willQuit = new PreventableEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      calls.push('quit cancelled by will-quit');
      this.quitting = false;
      return;
    }
    this.emit('quit', new PreventableEvent(), 0);
    this.quitted = true;
    calls.push('quitted');
    changed();
  }
  exit(code = 0): void {
    this.exitCode = code;
    calls.push(`exit:${code}`);
    changed();
  }
  setLoginItemSettings(settings: unknown): void {
    this.loginItemSettings.push(settings);
  }
}

export const app = new FakeApp();

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export class FakeIpcMain extends EventEmitter implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    if (typeof listener !== 'function') {
      throw new TypeError(`Expected handler to be a function, but found type '${typeof listener}'`);
    }
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /**
   * `ipcRenderer.invoke` from the page, as main sees it: the payload is cloned on the way in (and
   * the invoke rejects when it cannot be), the answer on the way out; no handler rejects as in
   * Electron.
   */
  async invoke(channel: string, event: unknown, payload: unknown): Promise<unknown> {
    const request = cloneForIpc(payload);
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return cloneForIpc(await handler(event as IpcMainInvokeEvent, request));
  }
}

export const ipcMain = new FakeIpcMain();
