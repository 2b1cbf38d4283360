// The exposure watch: "is VNC open anywhere?" re-checked without anyone asking — at start, when
// the popover opens (at most once per 15 s), after wake or unlock, and every N minutes (a
// setting; 0 = off). One check at a time (the model shares concurrent callers); a check refused
// with Throttling* doubles the interval until one goes through. The check itself asks at most one
// status per running cluster, with bounded concurrency (exposure.ts).
import { toAppError } from './errors';

/** A popover opened within this long of the last check does not check again. */
export const POPOVER_RECHECK_MS = 15_000;
const MAX_BACKOFF = 8;

export interface WatchTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const nodeWatchTimers: WatchTimers = {
  setTimeout(run, ms) {
    const handle = setTimeout(run, ms);
    // A background check must never keep the process alive.
    handle.unref();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

export interface ExposureWatchDeps {
  check(): Promise<unknown>;
  /** The interval setting, read each time (a change applies at the next scheduling). */
  intervalMinutes(): number;
  /** Whether checking makes sense now (signed in). */
  enabled(): boolean;
  timers?: WatchTimers;
  now?: () => number;
}

export class ExposureWatch {
  private timer: unknown;
  private running?: Promise<void>;
  private lastCheckAt = -Infinity;
  private backoff = 1;
  private stopped = true;

  constructor(private readonly deps: ExposureWatchDeps) {}

  private get timers(): WatchTimers {
    return this.deps.timers ?? nodeWatchTimers;
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  start(): Promise<void> {
    this.stopped = false;
    return this.run();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  popoverOpened(): Promise<void> {
    if (this.now() - this.lastCheckAt < POPOVER_RECHECK_MS) return Promise.resolve();
    return this.run();
  }

  woke(): Promise<void> {
    return this.run();
  }

  /** The interval changed: schedule from now. */
  reschedule(): void {
    this.schedule();
  }

  private run(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.once().finally(() => {
      this.running = undefined;
      this.schedule();
    });
    return this.running;
  }

  private async once(): Promise<void> {
    if (!this.deps.enabled()) return;
    this.lastCheckAt = this.now();
    try {
      await this.deps.check();
      this.backoff = 1;
    } catch (err) {
      if (toAppError(err).code.startsWith('Throttling')) {
        this.backoff = Math.min(MAX_BACKOFF, this.backoff * 2);
      }
    }
  }

  private schedule(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    const minutes = this.deps.intervalMinutes();
    if (this.stopped || !(minutes > 0)) return;
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = undefined;
        void this.run();
      },
      minutes * 60_000 * this.backoff,
    );
  }
}
