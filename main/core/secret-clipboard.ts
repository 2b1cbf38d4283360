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
  /** The secret we last put on the clipboard, until it is cleared or replaced by the user. */
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

  /** Copies a secret and clears the clipboard later, unless the user copied something else. */
  copy(req: Request<'copySecret'>): boolean {
    const clipboard = this.clipboard;
    if (!clipboard) {
      throw appError('Unsupported', { variant: 'clipboard' });
    }
    clipboard.writeText(req.text);
    clearTimeout(this.timer);
    this.copied = req.text;
    this.timer = setTimeout(() => this.clearIfOurs(), req.clearAfterSeconds * 1000);
    this.timer.unref?.();
    return true;
  }

  /**
   * Clears the clipboard if it still holds the secret we put there (the timer's end, and
   * quitting: a copied password must not outlive the app). Something the user copied since is
   * left alone.
   */
  clearIfOurs(): void {
    clearTimeout(this.timer);
    const copied = this.copied;
    this.copied = undefined;
    const clipboard = this.clipboard;
    if (copied === undefined || !clipboard) return;
    if (clipboard.readText() === copied) clipboard.clear();
  }
}
