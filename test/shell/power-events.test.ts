// Which OS event triggers which automatic stop, through the real AutoStopController (its settings
// decide; the stop itself is recorded here: main-wiring.test.ts sends real ones to the emulator).
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { AutoStopScope, StopAllResult } from '../../preload/shared/contract';
import {
  AutoStopController,
  type AutoStopOutcome,
  type AutoStopReason,
} from '../../main/core/auto-stop';
import { defaultSettings, type AutoStopSettings } from '../../main/core/settings-schema';
import { wirePowerEvents } from '../../main/shell/power-events';
import { PreventableEvent } from './fake-electron';

function wired(patch: Partial<AutoStopSettings>) {
  const powerMonitor = new EventEmitter();
  const window = new EventEmitter();
  const stops: [AutoStopScope, AutoStopReason][] = [];
  const sessionEnds: { stop: Promise<AutoStopOutcome | null>; quit: boolean }[] = [];
  let wakes = 0;
  let idleSeconds = 0;
  const controller = new AutoStopController({
    settings: () => ({ ...defaultSettings().autoStop, ...patch }),
    stop: async (scope, reason): Promise<StopAllResult> => {
      stops.push([scope, reason]);
      return { stopped: ['ehpc-hz-000001'], alreadyStopped: [], failed: [] };
    },
    idleSeconds: () => idleSeconds,
  });
  wirePowerEvents({
    powerMonitor,
    sessionWindow: window,
    autoStop: controller,
    onWake: () => void wakes++,
    onSessionEnd: (stop, { quit }) => void sessionEnds.push({ stop, quit }),
  });
  return {
    powerMonitor,
    window,
    stops,
    sessionEnds,
    wakes: () => wakes,
    setIdle: (s: number) => void (idleSeconds = s),
  };
}

const allOn: Partial<AutoStopSettings> = {
  onLock: true,
  onSuspend: true,
  onShutdown: true,
  scope: 'all',
};

describe('wirePowerEvents', () => {
  it('stops on lock and on suspend, with the configured scope', () => {
    const w = wired(allOn);
    w.powerMonitor.emit('lock-screen');
    w.powerMonitor.emit('suspend');
    expect(w.stops).toEqual([
      ['all', 'lock-screen'],
      ['all', 'suspend'],
    ]);
  });

  it('does nothing for a trigger that is off', async () => {
    const w = wired({});
    w.powerMonitor.emit('lock-screen');
    w.powerMonitor.emit('suspend');
    const shutdown = new PreventableEvent();
    w.powerMonitor.emit('shutdown', shutdown);
    expect(await w.sessionEnds[0]?.stop).toBeNull();
    expect(w.stops).toEqual([]);
    // Still delayed and quit properly: the on-quit stop and the drain run on the way out.
    expect(shutdown.defaultPrevented).toBe(true);
    expect(w.sessionEnds[0]?.quit).toBe(true);
  });

  it('delays a Linux/macOS shutdown, stops, and asks to quit', async () => {
    const w = wired(allOn);
    const shutdown = new PreventableEvent();
    w.powerMonitor.emit('shutdown', shutdown);
    expect(shutdown.defaultPrevented).toBe(true);
    expect(w.sessionEnds).toHaveLength(1);
    expect(w.sessionEnds[0]?.quit).toBe(true);
    expect(await w.sessionEnds[0]?.stop).toMatchObject({ reason: 'shutdown', scope: 'all' });
    expect(w.stops).toEqual([['all', 'shutdown']]);
  });

  it('stops when Windows ends the session, never holding it open or quitting', async () => {
    const w = wired(allOn);
    const query = new PreventableEvent();
    w.window.emit('query-session-end', query);
    expect(query.defaultPrevented).toBe(false);
    expect(w.sessionEnds[0]?.quit).toBe(false);
    expect(await w.sessionEnds[0]?.stop).toMatchObject({ reason: 'query-session-end' });
  });

  it('on resume and unlock, catches up idle and daily stops and retries pending ones', () => {
    const w = wired({ idleMinutes: 5, scope: 'selected' });
    w.setIdle(10 * 60);
    w.powerMonitor.emit('resume');
    expect(w.wakes()).toBe(1);
    w.powerMonitor.emit('unlock-screen');
    expect(w.wakes()).toBe(2);
    // One idle period stops once, however many wake-ups it spans.
    expect(w.stops).toEqual([['selected', 'idle']]);
  });
});
