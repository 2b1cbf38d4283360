// The core's clipboard port is synchronous (write, later "is it still ours?", clear); Electron
// 45's clipboard answers reads with a promise. The only read the core makes is that check just
// before clearing, so this adapter makes the check itself, for real, inside `clear()`: the
// clipboard is cleared only if it still holds the text we wrote.
import type { ClipboardPort } from '../core/app-service';

export interface AsyncClipboard {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): void;
}

export function clipboardPort(
  clipboard: AsyncClipboard,
  log: (line: string) => void,
): ClipboardPort & { settled(): Promise<void> } {
  let written: string | undefined;
  let pending: Promise<void> = Promise.resolve();
  const track = (work: Promise<void>): void => {
    pending = pending.then(() => work).catch(() => log('clipboard operation failed'));
  };
  return {
    writeText(text) {
      written = text;
      track(clipboard.writeText(text));
    },
    // What we wrote: the core compares it with what it copied, then calls clear(), where the
    // real clipboard is read.
    readText: () => written ?? '',
    clear() {
      const ours = written;
      written = undefined;
      if (ours === undefined) return;
      track(
        clipboard.readText().then((current) => {
          if (current === ours) clipboard.clear();
        }),
      );
    },
    /** Resolves when every write and conditional clear so far has finished (tests). */
    settled: () => pending,
  };
}
