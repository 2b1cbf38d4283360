// Copying a secret (a generated VNC password) so that it does not linger on the clipboard.
import type { Request } from '../../preload/shared/contract';
import { appError } from './app-error';

export interface ClipboardPort {
  writeText(text: string): void;
  readText(): string;
  clear(): void;
}

export class SecretClipboard {
  private timer?: ReturnType<typeof setTimeout>;

  /** `clipboard` is absent where there is none to use (the CLI). */
  constructor(private readonly clipboard?: ClipboardPort) {}

  /** Copies a secret and clears the clipboard later, unless the user copied something else. */
  copy(req: Request<'copySecret'>): boolean {
    const clipboard = this.clipboard;
    if (!clipboard) {
      throw appError('Unsupported', { variant: 'clipboard' });
    }
    clipboard.writeText(req.text);
    clearTimeout(this.timer);
    const copied = req.text;
    this.timer = setTimeout(() => {
      if (clipboard.readText() === copied) clipboard.clear();
    }, req.clearAfterSeconds * 1000);
    this.timer.unref?.();
    return true;
  }
}
