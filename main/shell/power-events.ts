// The OS events that trigger automatic stops, handed to the core's AutoStopController. Which
// trigger stops what is the controller's business (settings read on every event); this module
// only knows which Electron event means what, on which platform:
//
// - powerMonitor 'lock-screen' (macOS, Windows) and 'suspend' (all): stop, without delaying
//   anything. A stop cut off by sleep is in the journal already and retried on wake.
// - powerMonitor 'shutdown' (Linux, macOS): Electron delays the shutdown only if the event is
//   prevented, and then expects the app to quit soon: the stop starts and the app quits, the
//   quit coordinator waiting for the stop under its deadline.
// - a window's 'query-session-end' (Windows, which asks every top-level window, hidden ones
//   too): the stop starts but the session is never held open; Windows may end the process any
//   moment, and the journal entry written before the request went out covers that.
// - 'resume' and 'unlock-screen': a daily time or an idle period may have passed while asleep,
//   and the network may be back: tick the controller and retry the journal.
import type { AutoStopController, AutoStopOutcome } from '../core/auto-stop';

/** What Electron's powerMonitor and BrowserWindow both are, as far as this module needs. */
export interface EventSource {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

interface Preventable {
  preventDefault(): void;
}

function isPreventable(event: unknown): event is Preventable {
  return (
    typeof event === 'object' &&
    event !== null &&
    typeof (event as Partial<Preventable>).preventDefault === 'function'
  );
}

export interface PowerEventDeps {
  powerMonitor: EventSource;
  /** Any window of ours that lives as long as the app (the hidden popover). */
  sessionWindow: EventSource;
  autoStop: Pick<AutoStopController, 'handle' | 'tick'>;
  /** Back from sleep or the lock screen (the shell retries the pending stops). */
  onWake(): void;
  /**
   * The session is ending; `stop` settles when the configured stop has run (null when that
   * trigger is off). `quit` is true where the app should quit now (Linux, macOS shutdown).
   */
  onSessionEnd(stop: Promise<AutoStopOutcome | null>, opts: { quit: boolean }): void;
}

export function wirePowerEvents(deps: PowerEventDeps): void {
  const { powerMonitor, autoStop } = deps;
  powerMonitor.on('lock-screen', () => void autoStop.handle('lock-screen'));
  powerMonitor.on('suspend', () => void autoStop.handle('suspend'));

  const wake = (): void => {
    void autoStop.tick();
    deps.onWake();
  };
  powerMonitor.on('resume', wake);
  powerMonitor.on('unlock-screen', wake);

  powerMonitor.on('shutdown', (event: unknown) => {
    if (isPreventable(event)) event.preventDefault();
    deps.onSessionEnd(autoStop.handle('shutdown'), { quit: true });
  });
  deps.sessionWindow.on('query-session-end', () => {
    deps.onSessionEnd(autoStop.handle('query-session-end'), { quit: false });
  });
}
