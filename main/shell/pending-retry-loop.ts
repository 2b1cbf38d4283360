// When to retry the pending-stop journal: once at launch, on wake, on the user's click, and,
// only while stops are pending, when the network comes back (Electron's net.isOnline, polled:
// Electron has no online event in main) and every few minutes in case the network was "online"
// all along but E-HPC was not reachable. Timers, clock and the online check are injected.
import type { PendingRetryReport } from '../../preload/shared/contract';
import { nodeTimers, type Timers } from '../core/timers';

export type RetryTrigger = 'launch' | 'wake' | 'user' | 'online' | 'periodic';

/** Triggers whose outcome is reported even when nothing changed. */
const LOUD_TRIGGERS: ReadonlySet<RetryTrigger> = new Set(['launch', 'user']);

export const ONLINE_POLL_MS = 15_000;
export const PERIODIC_RETRY_MS = 120_000;

export interface PendingRetryLoopDeps {
  /** Whether the journal holds stops not being sent right now (AppState.pendingStops). */
  hasPending(): boolean;
  /** Electron's net.isOnline(): false means surely offline; true only "maybe online". */
  isOnline(): boolean;
  /** AppService.retryPendingStops. */
  retry(): Promise<PendingRetryReport>;
  /** Told every report (the shell notifies); `loud` as in RetryNoticeOptions. */
  report(report: PendingRetryReport, opts: { loud: boolean; trigger: RetryTrigger }): void;
  now?(): number;
  timers?: Timers;
  pollMs?: number;
  periodicMs?: number;
  log?(line: string): void;
}

export class PendingRetryLoop {
  private readonly now: () => number;
  private readonly timers: Timers;
  private timer: unknown;
  private wasOnline = true;
  private lastAttempt = -Infinity;
  private running?: Promise<void>;
  /** A loud trigger arrived for the run in flight (or the one it starts). */
  private loud = false;
  private trigger: RetryTrigger = 'launch';
  private disposed = false;

  constructor(private readonly deps: PendingRetryLoopDeps) {
    this.now = deps.now ?? Date.now;
    this.timers = deps.timers ?? nodeTimers;
  }

  /**
   * Retries now. A call while a retry runs joins it (the service would share it anyway) and,
   * if loud, makes its report loud: the user who clicked is told the outcome.
   */
  retryNow(trigger: RetryTrigger): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (LOUD_TRIGGERS.has(trigger)) this.loud = true;
    if (!this.running) {
      this.trigger = trigger;
      this.running = this.run().finally(() => {
        this.running = undefined;
        this.update();
      });
    }
    return this.running;
  }

  /** Resolves when no retry is in flight (tests; a poll starts retries without handing one back). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Called on every state change: polls while something is pending, and only then. */
  update(): void {
    if (this.disposed) return;
    const pending = this.safely(() => this.deps.hasPending(), false);
    if (pending && this.timer === undefined) {
      this.wasOnline = this.safely(() => this.deps.isOnline(), true);
      // The stop that just failed was an attempt: the next periodic one is a full period away.
      this.lastAttempt = this.now();
      this.timer = this.timers.setInterval(() => this.poll(), this.deps.pollMs ?? ONLINE_POLL_MS);
    } else if (!pending && this.timer !== undefined) {
      this.stopPolling();
    }
  }

  dispose(): void {
    this.disposed = true;
    this.stopPolling();
  }

  private stopPolling(): void {
    if (this.timer === undefined) return;
    this.timers.clearInterval(this.timer);
    this.timer = undefined;
  }

  private poll(): void {
    const online = this.safely(() => this.deps.isOnline(), true);
    const cameBack = online && !this.wasOnline;
    this.wasOnline = online;
    if (!online || this.running) return;
    if (cameBack) void this.retryNow('online');
    else if (this.now() - this.lastAttempt >= (this.deps.periodicMs ?? PERIODIC_RETRY_MS)) {
      void this.retryNow('periodic');
    }
  }

  private async run(): Promise<void> {
    this.lastAttempt = this.now();
    let report: PendingRetryReport | undefined;
    try {
      report = await this.deps.retry();
    } catch {
      this.log('retrying the pending stops failed');
    }
    // Read after the run, not before: a click while it was in flight counts for it.
    const loud = this.loud;
    this.loud = false;
    if (!report) return;
    try {
      this.deps.report(report, { loud, trigger: this.trigger });
    } catch {
      this.log('reporting the pending stops failed');
    }
  }

  private safely<T>(read: () => T, fallback: T): T {
    try {
      return read();
    } catch {
      return fallback;
    }
  }

  private log(line: string): void {
    try {
      this.deps.log?.(line);
    } catch {
      // Logging must not break the loop.
    }
  }
}
