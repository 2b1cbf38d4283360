// The lock the app and the CLI both take around a change to settings.json (proper-lockfile: an
// atomic mkdir of settings.json.lock), so that neither loses the other's change.
import fs from 'node:fs';
import { lockSync } from 'proper-lockfile';
import { settingsBusy, settingsUnwritable } from './settings-errors';

/**
 * A lock older than this is left over from a process that died holding it, and is taken over.
 * Writes hold it for milliseconds; the library's minimum is 2 s.
 */
const LOCK_STALE_MS = 3000;
/**
 * How long one holder may keep us waiting: longer than LOCK_STALE_MS, so that a dead holder's
 * lock is taken over rather than failed on. The wait starts again whenever the lock changes hands:
 * other writers making progress (many at once, on a loaded machine) are no reason to give up.
 */
const LOCK_WAIT_MS = 4000;
const LOCK_POLL_MS = 5;

/** Takes the file's lock, waiting while the other process holds it; returns the release. */
export function lockSettingsFile(filePath: string): () => void {
  let deadline = Date.now() + LOCK_WAIT_MS;
  let holder = lockTaken(filePath);
  for (;;) {
    try {
      return lockSync(filePath, {
        realpath: false,
        stale: LOCK_STALE_MS,
        // Held for one synchronous write, never long enough for its mtime to need refreshing.
        onCompromised: () => undefined,
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code !== 'ELOCKED') throw settingsUnwritable(filePath, error);
      const now = lockTaken(filePath);
      if (now !== holder) {
        holder = now;
        deadline = Date.now() + LOCK_WAIT_MS;
      } else if (Date.now() >= deadline) throw settingsBusy(filePath);
      sleepSync(LOCK_POLL_MS);
    }
  }
}

/** When the current lock was taken (its folder's mtime), or undefined when none is held. */
function lockTaken(filePath: string): number | undefined {
  try {
    return fs.statSync(`${filePath}.lock`).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Blocks this thread; only for the few milliseconds the other process holds the lock. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
