// Quitting without losing a stop. The shell hands Electron's `before-quit` to `onBeforeQuit`:
// the first one is held back while operations in flight finish and the configured on-quit stop
// runs, all under one deadline; stops the deadline cuts off are journalled (the next launch
// retries them); then `quit()` is called once and the next `before-quit` goes through. Nothing
// here can keep the app from quitting past the deadline, whatever the network does.

export interface QuitCoordinatorDeps {
  /** Resolves when no operation is in flight (AppService.idle). */
  drain(): Promise<void>;
  /** Runs the on-quit automatic stop, if configured (AutoStopController.handle('quit')). */
  autoStopOnQuit(): Promise<unknown>;
  /** Journals the stops still in flight at the deadline (AppService.recordInterruptedStops). */
  journalInterrupted(): unknown;
  /** Quits for real (Electron's app.quit); called exactly once. */
  quit(): void;
  /** The most quitting may wait. Default 10 s. */
  timeoutMs?: number;
  setTimeout?(run: () => void, ms: number): unknown;
  clearTimeout?(handle: unknown): void;
  log?(line: string): void;
}

export type QuitPhase = 'running' | 'draining' | 'done';

export interface QuitReport {
  /** The deadline passed before everything finished. */
  timedOut: boolean;
  /** Stops journalled because the deadline cut them off (cluster IDs), when known. */
  interrupted: string[];
}

export const DEFAULT_QUIT_TIMEOUT_MS = 10_000;

export class QuitCoordinator {
  private phase_: QuitPhase = 'running';
  private resolveFinished!: (report: QuitReport) => void;
  /** Resolves just before `quit()` is called. */
  readonly finished: Promise<QuitReport>;

  constructor(private readonly deps: QuitCoordinatorDeps) {
    this.finished = new Promise((resolve) => {
      this.resolveFinished = resolve;
    });
  }

  get phase(): QuitPhase {
    return this.phase_;
  }

  /**
   * For `app.on('before-quit', e => coordinator.onBeforeQuit(e))`. Holds the first quit back
   * and any that arrive while draining; lets the one it triggers itself through.
   */
  onBeforeQuit(event: { preventDefault(): void }): void {
    if (this.phase_ === 'done') return;
    event.preventDefault();
    if (this.phase_ === 'draining') return;
    this.phase_ = 'draining';
    void this.drainThenQuit();
  }

  private async drainThenQuit(): Promise<void> {
    const log = (line: string): void => {
      try {
        this.deps.log?.(line);
      } catch {
        // Logging must not keep the app alive.
      }
    };
    const setTimer = this.deps.setTimeout ?? ((run, ms) => setTimeout(run, ms));
    const clearTimer =
      this.deps.clearTimeout ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    const timeoutMs = this.deps.timeoutMs ?? DEFAULT_QUIT_TIMEOUT_MS;

    let timer: unknown;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimer(() => resolve('timeout'), timeoutMs);
    });
    const work = (async (): Promise<'done'> => {
      // The on-quit stop joins or queues behind whatever is in flight on the same cluster.
      await Promise.all([
        this.guard(() => this.deps.drain(), 'waiting for operations', log),
        this.guard(() => this.deps.autoStopOnQuit(), 'the on-quit stop', log),
      ]);
      await this.guard(() => this.deps.drain(), 'waiting for operations', log);
      return 'done';
    })();

    const outcome = await Promise.race([work, deadline]);
    clearTimer(timer);
    const report: QuitReport = { timedOut: outcome === 'timeout', interrupted: [] };
    if (report.timedOut) {
      try {
        const ids = this.deps.journalInterrupted();
        if (Array.isArray(ids)) report.interrupted = ids.filter((id) => typeof id === 'string');
      } catch {
        log('could not journal the interrupted stops');
      }
      log(`quit: gave up waiting after ${timeoutMs} ms`);
    }
    this.phase_ = 'done';
    this.resolveFinished(report);
    this.deps.quit();
  }

  private async guard(
    run: () => Promise<unknown>,
    what: string,
    log: (line: string) => void,
  ): Promise<void> {
    try {
      await run();
    } catch {
      log(`quit: ${what} failed`);
    }
  }
}
