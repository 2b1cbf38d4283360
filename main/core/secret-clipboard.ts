// Copying a secret (a generated or remembered VNC password) so that it does not linger on the
// clipboard: cleared after a delay, or at quit, unless the user copied something else since.
import type { Request } from '../../preload/shared/contract';
import { appError } from './app-error';

export interface ClipboardPort {
  writeText(text: string): void;
  readText(): string;
  clear(): void;
}

export class SecretClipboard {
  private timer?: ReturnType<typeof setTimeout>;
  /** The secret last copied, until it is cleared. */
  private copied?: string;

  /** `clipboard` is absent where there is none to use (the CLI). */
  constructor(private readonly clipboard?: ClipboardPort) {}

  available(): boolean {
    return this.clipboard !== undefined;
  }

  /** Copies text that is not secret (an address to paste); false where there is no clipboard. */
  writePlain(text: string): boolean {
    if (!this.clipboard) return false;
    this.clipboard.writeText(text);
    return true;
  }

  /**
   * Clears a secret still on the clipboard now (quitting): the timer would not outlive the app.
   * What the user copied since is left alone.
   */
  clearNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const copied = this.copied;
    this.copied = undefined;
    if (this.clipboard && copied !== undefined && this.clipboard.readText() === copied) {
      this.clipboard.clear();
    }
  }

  /** Copies a secret and clears the clipboard later, unless the user copied something else. */
  copy(req: Request<'copySecret'>): boolean {
    const clipboard = this.clipboard;
    if (!clipboard) {
      throw appError('Unsupported', { variant: 'clipboard' });
    }
    clipboard.writeText(req.text);
    clearTimeout(this.timer);
    const copied = req.text;
    this.copied = copied;
    this.timer = setTimeout(() => {
      this.copied = undefined;
      if (clipboard.readText() === copied) clipboard.clear();
    }, req.clearAfterSeconds * 1000);
    this.timer.unref?.();
    return true;
  }
}
