// Automatic stops: which trigger stops what (the policy), and a controller the shell feeds with
// power events, that polls system idle time and fires the daily stop. Plain code with the clock,
// the timers and the idle-time reader injected, so that tests drive it with fake ones; the
// shell passes Electron's powerMonitor.getSystemIdleTime.
//
// Every trigger is off by default. What a trigger stops: `onQuit` chooses between the selected
// cluster and all clusters; the other triggers act on the clusters the `scope` setting names.
import type {
  AppErrorInfo,
  AutoStopInfo,
  AutoStopPreferences,
  AutoStopScope,
  StopAllResult,
} from '../../preload/shared/contract';
import { toAppError } from './errors';
import type { AutoStopSettings } from './settings-schema';
import { nodeTimers, type Timers } from './timers';

/** Events the shell forwards: powerMonitor's, and Windows' `query-session-end` of a window. */
export type PowerEvent = 'lock-screen' | 'suspend' | 'shutdown' | 'query-session-end';

/** Why an automatic stop ran. */
export type AutoStopReason = PowerEvent | 'quit' | 'idle' | 'daily';

/** What `reason` should stop under `settings`, or null when that trigger is off. */
export function scopeForReason(
  reason: AutoStopReason,
  settings: AutoStopSettings,
): AutoStopScope | null {
  switch (reason) {
    case 'quit':
      return settings.onQuit === 'off' ? null : settings.onQuit;
    case 'lock-screen':
      return settings.onLock ? settings.scope : null;
    case 'suspend':
      return settings.onSuspend ? settings.scope : null;
    case 'shutdown':
    case 'query-session-end':
      return settings.onShutdown ? settings.scope : null;
    case 'idle':
      return settings.idleMinutes > 0 ? settings.scope : null;
    case 'daily':
      return settings.dailyAt ? settings.scope : null;
  }
}

export function toAutoStopPreferences(settings: AutoStopSettings): AutoStopPreferences {
  const prefs: AutoStopPreferences = {
    onQuit: settings.onQuit,
    onLock: settings.onLock,
    onSuspend: settings.onSuspend,
    onShutdown: settings.onShutdown,
    idleMinutes: settings.idleMinutes,
    launchAtLogin: settings.launchAtLogin,
  };
  if (settings.dailyAt) prefs.dailyAt = settings.dailyAt;
  return prefs;
}

/**
 * What this computer offers. Electron emits `lock-screen` on macOS and Windows only; `suspend`
 * everywhere; shutdown is powerMonitor's `shutdown` on Linux and macOS and a window's
 * `query-session-end` on Windows; idle time is read everywhere.
 */
export function autoStopSupport(
  platform: NodeJS.Platform,
  canLaunchAtLogin: boolean,
): AutoStopInfo['supported'] {
  const desktop = platform === 'darwin' || platform === 'win32' || platform === 'linux';
  return {
    onLock: platform === 'darwin' || platform === 'win32',
    onSuspend: desktop,
    onShutdown: desktop,
    idle: desktop,
    launchAtLogin: canLaunchAtLogin,
  };
}

// ---------------------------------------------------------------------------------------------
// The daily time

/** `HH:MM` → hours and minutes, or undefined for anything else. */
export function parseDailyAt(dailyAt: string | undefined): { h: number; m: number } | undefined {
  const match = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(dailyAt ?? '');
  if (!match) return undefined;
  return { h: Number(match[1]), m: Number(match[2]) };
}

/** The latest local-time occurrence of `dailyAt` at or before `now` (epoch ms). */
export function latestOccurrence(dailyAt: string, now: number): number | undefined {
  const at = parseDailyAt(dailyAt);
  if (!at) return undefined;
  const day = new Date(now);
  day.setHours(at.h, at.m, 0, 0);
  // setDate keeps the wall-clock time across a DST change.
  if (day.getTime() > now) day.setDate(day.getDate() - 1);
  return day.getTime();
}

/** The next local-time occurrence strictly after `now` (for display and tests). */
export function nextOccurrence(dailyAt: string, now: number): number | undefined {
  const at = parseDailyAt(dailyAt);
  if (!at) return undefined;
  const day = new Date(now);
  day.setHours(at.h, at.m, 0, 0);
  if (day.getTime() <= now) day.setDate(day.getDate() + 1);
  return day.getTime();
}

// ---------------------------------------------------------------------------------------------
// The controller

export interface AutoStopOutcome {
  reason: AutoStopReason;
  scope: AutoStopScope;
  /** Present when the stop ran (some clusters may still have failed: see `failed`). */
  result?: StopAllResult;
  /** Present when the stop could not run at all (stop-all could not list the clusters). */
  error?: AppErrorInfo;
}

export interface AutoStopDeps {
  /** Read on every event and tick, so changed settings apply at once. */
  settings(): AutoStopSettings;
  /** Performs the stop (AppService.autoStop). */
  stop(scope: AutoStopScope, reason: AutoStopReason): Promise<StopAllResult>;
  /** Epoch ms. Default Date.now. */
  now?(): number;
  /** Seconds since the last keyboard or mouse input (powerMonitor.getSystemIdleTime). */
  idleSeconds?(): number;
  timers?: Timers;
  /** How often idle time and the daily time are checked. Default one minute. */
  pollMs?: number;
  /** Told after every automatic stop (the shell notifies); never allowed to break a stop. */
  onOutcome?(outcome: AutoStopOutcome): void;
}

export class AutoStopController {
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly pollMs: number;
  private timer: unknown;
  /** When the daily time was last checked: occurrences after it and up to now are due. */
  private lastCheck: number;
  /** The occurrence that last fired, so that a clock set back never fires it twice. */
  private lastDailyFired?: number;
  /** True from the idle stop until the user is back, so one idle period stops once. */
  private idleFired = false;

  constructor(private readonly deps: AutoStopDeps) {
    this.now = deps.now ?? Date.now;
    this.timers = deps.timers ?? nodeTimers;
    this.pollMs = deps.pollMs ?? 60_000;
    this.lastCheck = this.now();
  }

  /** Starts the minute poll. Idempotent. */
  start(): void {
    if (this.timer !== undefined) return;
    this.lastCheck = this.now();
    this.timer = this.timers.setInterval(() => void this.tick(), this.pollMs);
  }

  dispose(): void {
    if (this.timer === undefined) return;
    this.timers.clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A power event (or quit): stops what its setting says; null when that trigger is off. */
  async handle(reason: PowerEvent | 'quit'): Promise<AutoStopOutcome | null> {
    return this.run(reason);
  }

  /**
   * Checks idle time and the daily time. Called by the poll, and by the shell on `resume` and
   * `unlock-screen`, so that a time passed while asleep is caught up at once.
   */
  async tick(): Promise<AutoStopOutcome[]> {
    const settings = this.deps.settings();
    const due: AutoStopReason[] = [];
    if (this.dailyDue(settings)) due.push('daily');
    if (this.idleDue(settings)) due.push('idle');
    const outcomes: AutoStopOutcome[] = [];
    // One after the other: both usually act on the same clusters, and the second is then cheap.
    for (const reason of due) {
      const outcome = await this.run(reason);
      if (outcome) outcomes.push(outcome);
    }
    return outcomes;
  }

  private dailyDue(settings: AutoStopSettings): boolean {
    const now = this.now();
    const previous = this.lastCheck;
    this.lastCheck = now;
    if (!settings.dailyAt || now < previous) return false; // off, or the clock went back
    const occurrence = latestOccurrence(settings.dailyAt, now);
    if (occurrence === undefined || occurrence <= previous) return false;
    if (this.lastDailyFired !== undefined && occurrence <= this.lastDailyFired) return false;
    this.lastDailyFired = occurrence;
    return true;
  }

  private idleDue(settings: AutoStopSettings): boolean {
    if (settings.idleMinutes <= 0 || !this.deps.idleSeconds) {
      this.idleFired = false;
      return false;
    }
    let idle: number;
    try {
      idle = this.deps.idleSeconds();
    } catch {
      return false;
    }
    if (!Number.isFinite(idle) || idle < settings.idleMinutes * 60) {
      this.idleFired = false;
      return false;
    }
    if (this.idleFired) return false;
    this.idleFired = true;
    return true;
  }

  private async run(reason: AutoStopReason): Promise<AutoStopOutcome | null> {
    const scope = scopeForReason(reason, this.deps.settings());
    if (!scope) return null;
    let outcome: AutoStopOutcome;
    try {
      outcome = { reason, scope, result: await this.deps.stop(scope, reason) };
    } catch (err) {
      outcome = { reason, scope, error: toAppError(err).toInfo() };
    }
    try {
      this.deps.onOutcome?.(outcome);
    } catch {
      // A notification that fails must not turn a stop into a failure.
    }
    return outcome;
  }
}
