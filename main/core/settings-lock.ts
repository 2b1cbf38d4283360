// The lock the app and the CLI both take around a change to settings.json (proper-lockfile: an
// atomic mkdir of settings.json.lock), so that neither loses the other's change.
import { lockSync } from 'proper-lockfile';
import { settingsBusy, settingsUnwritable } from './settings-errors';

/**
 * A lock older than this is left over from a process that died holding it, and is taken over.
 * Writes hold it for milliseconds; the library's minimum is 2 s.
 */
const LOCK_STALE_MS = 3000;
/** Longer than LOCK_STALE_MS, so that a dead holder's lock is taken over rather than failed on. */
const LOCK_WAIT_MS = 4000;
const LOCK_POLL_MS = 5;

/** Takes the file's lock, waiting while the other process holds it; returns the release. */
export function lockSettingsFile(filePath: string): () => void {
  const deadline = Date.now() + LOCK_WAIT_MS;
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
      if (Date.now() >= deadline) throw settingsBusy(filePath);
      sleepSync(LOCK_POLL_MS);
    }
  }
}

/** Blocks this thread; only for the few milliseconds the other process holds the lock. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
