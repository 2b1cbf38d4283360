// What every part of the Electron stand-in shares: the ordered call log, change notification
// (so tests wait on events, not time), Electron's preventable events, IPC's structured clone,
// and the "Object has been destroyed" rule.
import { EventEmitter } from 'node:events';
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

/**
 * A value as the other side of Electron's IPC gets it: IPC serializes with the structured clone
 * algorithm, so functions, symbols and the like throw (with Electron's message), and class
 * instances arrive as plain objects without their prototype.
 */
export function cloneForIpc<T>(value: T, failure = 'An object could not be cloned.'): T {
  try {
    return structuredClone(value);
  } catch (error) {
    throw new Error(failure, { cause: error });
  }
}

/** What Electron throws when a destroyed window, webContents or tray is used. */
export function assertAlive(target: { isDestroyed(): boolean }): void {
  if (target.isDestroyed()) throw new TypeError('Object has been destroyed');
}

/** The windows quitting must close first, in the order they were created. */
export interface ClosableWindow {
  isDestroyed(): boolean;
  /** Emits `close`; false when a listener prevented it (which cancels a quit). */
  close(): boolean;
}
export const openWindows = new Set<ClosableWindow>();
