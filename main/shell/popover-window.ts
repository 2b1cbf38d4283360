// The popover: one small frameless window that opens next to the tray and hides when it loses
// focus or on Esc. Created once and reused, so the page keeps its state between openings.
import { app, BrowserWindow, screen, type Rectangle } from 'electron';
import { debuggingAllowed, readBuildProfile } from './debug-switches';
import { APP_ENTRY_URL, isHideShortcut, webPreferences } from './security';
import { placeWindow } from './window-placement';

export const POPOVER_SIZE = { width: 380, height: 600 } as const;

/**
 * A click on the tray icon first blurs (and so hides) an open popover, then arrives as a
 * click: without this window the click would reopen what the user meant to close.
 */
const REOPEN_GUARD_MS = 300;

export interface PopoverOptions {
  preloadPath: string;
  platform: NodeJS.Platform;
  /** Off for the e2e run, where the test driver takes focus. */
  hideOnBlur: boolean;
  /** Shown at start (the e2e run); otherwise the tray opens it. */
  showOnStart: boolean;
  log(line: string): void;
}

export class Popover {
  private window?: BrowserWindow;
  private quitting = false;
  private hiddenByBlurAt = 0;
  /** Native dialogs parented to the window now: it must not hide when they take the focus. */
  private dialogsOpen = 0;

  constructor(private readonly opts: PopoverOptions) {}

  create(): BrowserWindow {
    if (this.window && !this.window.isDestroyed()) return this.window;
    const win = new BrowserWindow({
      ...POPOVER_SIZE,
      show: false,
      frame: false,
      resizable: false,
      movable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      title: 'E-HPC VNC Tray',
      backgroundColor: '#ffffff',
      webPreferences: webPreferences(this.opts.preloadPath, {
        devTools: debuggingAllowed(readBuildProfile(app)),
      }),
    });
    win.setMenu(null);
    win.on('blur', () => {
      if (!this.opts.hideOnBlur || this.dialogsOpen > 0 || win.webContents.isDevToolsOpened()) {
        return;
      }
      this.hiddenByBlurAt = Date.now();
      win.hide();
    });
    win.on('close', (event) => {
      // Closing (Alt+F4, Cmd+W) hides: the app lives in the tray until Quit.
      if (this.quitting) return;
      event.preventDefault();
      win.hide();
    });
    win.webContents.on('before-input-event', (_event, input) => {
      if (isHideShortcut(input)) win.hide();
    });
    win.webContents.on('render-process-gone', (_event, details) => {
      this.opts.log(`renderer gone (${details.reason}); reloading`);
      if (!win.isDestroyed()) void win.loadURL(APP_ENTRY_URL);
    });
    win.once('ready-to-show', () => {
      if (this.opts.showOnStart) this.show();
    });
    void win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
      this.opts.log(`could not load the page: ${error instanceof Error ? error.message : error}`);
    });
    this.window = win;
    return win;
  }

  webContentsId(): number | undefined {
    const win = this.window;
    return win && !win.isDestroyed() ? win.webContents.id : undefined;
  }

  send(channel: string, payload: unknown): void {
    const win = this.window;
    if (!win || win.isDestroyed() || win.webContents.isLoading()) return;
    win.webContents.send(channel, payload);
  }

  show(trayBounds?: Rectangle): void {
    const win = this.create();
    const anchor = trayBounds && trayBounds.width > 0 ? trayBounds : undefined;
    const point = anchor
      ? { x: anchor.x + anchor.width / 2, y: anchor.y + anchor.height / 2 }
      : screen.getCursorScreenPoint();
    const { workArea } = screen.getDisplayNearestPoint(point);
    const { x, y } = placeWindow({
      trayBounds: anchor,
      workArea,
      windowSize: POPOVER_SIZE,
      platform: this.opts.platform,
    });
    win.setPosition(x, y, false);
    win.show();
    win.focus();
  }

  hide(): void {
    if (this.window && !this.window.isDestroyed()) this.window.hide();
  }

  toggle(trayBounds?: Rectangle): void {
    const win = this.window;
    if (win && !win.isDestroyed() && win.isVisible()) {
      win.hide();
      return;
    }
    if (Date.now() - this.hiddenByBlurAt < REOPEN_GUARD_MS) return;
    this.show(trayBounds);
  }

  /** Runs `ask` with the visible window as a dialog's parent (none if hidden), kept open meanwhile. */
  async whileDialog<T>(ask: (parent: BrowserWindow | undefined) => Promise<T>): Promise<T> {
    const win = this.window;
    const parent = win && !win.isDestroyed() && win.isVisible() ? win : undefined;
    this.dialogsOpen++;
    try {
      return await ask(parent);
    } finally {
      this.dialogsOpen--;
    }
  }

  /** From now on closing really closes (Quit). */
  allowClose(): void {
    this.quitting = true;
  }
}
