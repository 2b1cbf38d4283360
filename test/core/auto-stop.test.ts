// The automatic-stop policy and controller with a fake clock, fake timers and a fake idle-time
// reader; and the auto-stop settings through the real handler table and settings file.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StopAllResult } from '../../preload/shared/contract';
import {
  AutoStopController,
  latestOccurrence,
  nextOccurrence,
  scopeForReason,
  type AutoStopOutcome,
  type AutoStopReason,
} from '../../main/core/auto-stop';
import { createCore } from '../../main/core/compose';
import type { Keychain } from '../../main/core/keychain';
import { Settings } from '../../main/core/settings';
import { defaultSettings, type AutoStopSettings } from '../../main/core/settings-schema';

const off = (): AutoStopSettings => defaultSettings().autoStop;
const at = (y: number, mo: number, d: number, h: number, mi: number, s = 0) =>
  new Date(y, mo - 1, d, h, mi, s).getTime();
const EMPTY: StopAllResult = { stopped: [], alreadyStopped: [], failed: [] };

describe('the policy', () => {
  const reasons: AutoStopReason[] = [
    'quit',
    'lock-screen',
    'suspend',
    'shutdown',
    'query-session-end',
    'idle',
    'daily',
  ];

  it('is off for every trigger by default', () => {
    for (const reason of reasons) expect(scopeForReason(reason, off()), reason).toBeNull();
  });

  it('stops what the scope setting names, and what onQuit names when quitting', () => {
    const s: AutoStopSettings = {
      ...off(),
      onQuit: 'selected',
      onLock: true,
      onSuspend: true,
      onShutdown: true,
      idleMinutes: 15,
      dailyAt: '18:30',
    };
    expect(s.scope).toBe('selected');
    for (const reason of reasons) expect(scopeForReason(reason, s), reason).toBe('selected');
    const others = reasons.filter((r) => r !== 'quit');
    for (const reason of others) {
      expect(scopeForReason(reason, { ...s, scope: 'all' }), reason).toBe('all');
      // Quitting no longer decides for the others.
      expect(scopeForReason(reason, { ...s, onQuit: 'all' }), reason).toBe('selected');
    }
    expect(scopeForReason('quit', { ...s, scope: 'all' })).toBe('selected');
    expect(scopeForReason('quit', { ...s, onQuit: 'all' })).toBe('all');
    expect(scopeForReason('quit', { ...s, onQuit: 'off' })).toBeNull();
    expect(scopeForReason('lock-screen', { ...s, onQuit: 'off' })).toBe('selected');
  });

  it('maps shutdown and Windows session end to the same switch', () => {
    const s = { ...off(), onShutdown: true };
    expect(scopeForReason('shutdown', s)).toBe('selected');
    expect(scopeForReason('query-session-end', s)).toBe('selected');
    expect(scopeForReason('suspend', s)).toBeNull();
  });
});

describe('daily times', () => {
  it('finds the latest and the next occurrence in local time', () => {
    const now = at(2026, 5, 4, 17, 0);
    expect(latestOccurrence('18:00', now)).toBe(at(2026, 5, 3, 18, 0));
    expect(latestOccurrence('09:15', now)).toBe(at(2026, 5, 4, 9, 15));
    expect(nextOccurrence('18:00', now)).toBe(at(2026, 5, 4, 18, 0));
    expect(nextOccurrence('17:00', now)).toBe(at(2026, 5, 5, 17, 0));
    expect(latestOccurrence('25:00', now)).toBeUndefined();
  });

  it('keeps the wall-clock time across a daylight-saving change', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      // Clocks went forward on 29 March 2026 in Berlin.
      const after = at(2026, 3, 29, 12, 0);
      expect(new Date(latestOccurrence('18:00', after) as number).getHours()).toBe(18);
      expect(new Date(nextOccurrence('18:00', after) as number).getDate()).toBe(29);
      expect(new Date(latestOccurrence('18:00', after) as number).getDate()).toBe(28);
      // That day had 23 hours: the two 18:00s are 23 h apart, not 24.
      const before = latestOccurrence('18:00', after) as number;
      const sameDay = latestOccurrence('18:00', at(2026, 3, 29, 19, 0)) as number;
      expect((sameDay - before) / 3_600_000).toBe(23);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

interface Harness {
  controller: AutoStopController;
  stops: { scope: string; reason: AutoStopReason }[];
  outcomes: AutoStopOutcome[];
  set(patch: Partial<AutoStopSettings>): void;
  clock: { now: number };
  idle: { seconds: number };
  timers: { run?: () => void; ms?: number; cleared: boolean };
}

function harness(
  initial: Partial<AutoStopSettings>,
  start: number,
  stop?: () => Promise<StopAllResult>,
): Harness {
  let settings: AutoStopSettings = { ...off(), ...initial };
  const clock = { now: start };
  const idle = { seconds: 0 };
  const stops: Harness['stops'] = [];
  const outcomes: AutoStopOutcome[] = [];
  const timers: Harness['timers'] = { cleared: false };
  const controller = new AutoStopController({
    settings: () => settings,
    stop: (scope, reason) => {
      stops.push({ scope, reason });
      return stop ? stop() : Promise.resolve({ ...EMPTY, stopped: ['c1'] });
    },
    now: () => clock.now,
    idleSeconds: () => idle.seconds,
    timers: {
      setInterval: (run, ms) => {
        timers.run = run;
        timers.ms = ms;
        return 1;
      },
      clearInterval: () => {
        timers.cleared = true;
      },
    },
    onOutcome: (o) => outcomes.push(o),
  });
  return {
    controller,
    stops,
    outcomes,
    clock,
    idle,
    timers,
    set: (patch) => {
      settings = { ...settings, ...patch };
    },
  };
}

describe('the controller', () => {
  it('stops on a power event only when its switch is on', async () => {
    const h = harness({}, at(2026, 5, 4, 9, 0));
    expect(await h.controller.handle('lock-screen')).toBeNull();
    expect(await h.controller.handle('quit')).toBeNull();
    expect(h.stops).toEqual([]);

    h.set({ onLock: true, onQuit: 'all', scope: 'all' });
    const outcome = await h.controller.handle('lock-screen');
    expect(outcome).toMatchObject({
      reason: 'lock-screen',
      scope: 'all',
      result: { stopped: ['c1'] },
    });
    expect(h.outcomes).toEqual([outcome]);
    expect(await h.controller.handle('quit')).toMatchObject({ scope: 'all' });
    expect(h.stops).toEqual([
      { scope: 'all', reason: 'lock-screen' },
      { scope: 'all', reason: 'quit' },
    ]);
  });

  it('reports a stop that could not run as a typed error, never throws', async () => {
    const h = harness({ onSuspend: true }, at(2026, 5, 4, 9, 0), () =>
      Promise.reject(Object.assign(new Error('socket'), { code: 'ECONNRESET' })),
    );
    const outcome = await h.controller.handle('suspend');
    expect(outcome?.error).toMatchObject({ code: 'Network.Reset' });
    expect(outcome?.result).toBeUndefined();
  });

  it('fires the daily stop once when its time passes, polled each minute', async () => {
    const h = harness({ dailyAt: '18:00' }, at(2026, 5, 4, 17, 58));
    h.controller.start();
    expect(h.timers.ms).toBe(60_000);
    h.clock.now = at(2026, 5, 4, 17, 59);
    expect(await h.controller.tick()).toEqual([]);
    h.clock.now = at(2026, 5, 4, 18, 0, 30);
    expect(await h.controller.tick()).toMatchObject([{ reason: 'daily', scope: 'selected' }]);
    h.clock.now = at(2026, 5, 4, 18, 1, 30);
    expect(await h.controller.tick()).toEqual([]);
    // The next day.
    h.clock.now = at(2026, 5, 5, 18, 0, 10);
    expect(await h.controller.tick()).toHaveLength(1);
    expect(h.stops.map((s) => s.reason)).toEqual(['daily', 'daily']);
    h.controller.dispose();
    expect(h.timers.cleared).toBe(true);
  });

  it('does not fire twice when the clock is set back past the time', async () => {
    const h = harness({ dailyAt: '18:00' }, at(2026, 5, 4, 17, 59));
    h.clock.now = at(2026, 5, 4, 18, 0, 5);
    expect(await h.controller.tick()).toHaveLength(1);
    h.clock.now = at(2026, 5, 4, 17, 59, 0); // NTP, or the user, sets it back
    expect(await h.controller.tick()).toEqual([]);
    h.clock.now = at(2026, 5, 4, 18, 0, 30);
    expect(await h.controller.tick()).toEqual([]);
    expect(h.stops).toHaveLength(1);
  });

  it('does not fire when the clock jumps back over the time', async () => {
    const h = harness({ dailyAt: '18:00' }, at(2026, 5, 4, 19, 0));
    h.clock.now = at(2026, 5, 4, 16, 0);
    expect(await h.controller.tick()).toEqual([]);
    h.clock.now = at(2026, 5, 4, 16, 1);
    expect(await h.controller.tick()).toEqual([]);
  });

  it('catches up once on resume when the time passed while asleep', async () => {
    const h = harness({ dailyAt: '18:00' }, at(2026, 5, 4, 17, 0));
    h.clock.now = at(2026, 5, 6, 8, 0); // asleep for two days and more
    expect(await h.controller.tick()).toHaveLength(1);
    expect(await h.controller.tick()).toEqual([]);
  });

  it('does not fire for a time already past when the app starts', async () => {
    const h = harness({ dailyAt: '18:00' }, at(2026, 5, 4, 19, 0));
    h.clock.now = at(2026, 5, 4, 19, 1);
    expect(await h.controller.tick()).toEqual([]);
  });

  it('uses a time changed in the settings at the next poll', async () => {
    const h = harness({}, at(2026, 5, 4, 9, 0));
    h.clock.now = at(2026, 5, 4, 9, 1);
    expect(await h.controller.tick()).toEqual([]);
    h.set({ dailyAt: '09:02' });
    h.clock.now = at(2026, 5, 4, 9, 2, 10);
    expect(await h.controller.tick()).toHaveLength(1);
    h.set({ dailyAt: undefined });
    h.clock.now = at(2026, 5, 5, 9, 2, 10);
    expect(await h.controller.tick()).toEqual([]);
  });

  it('stops once per idle period, and again after the user came back', async () => {
    const h = harness({ idleMinutes: 10 }, at(2026, 5, 4, 9, 0));
    h.idle.seconds = 599;
    expect(await h.controller.tick()).toEqual([]);
    h.idle.seconds = 600;
    expect(await h.controller.tick()).toMatchObject([{ reason: 'idle' }]);
    h.idle.seconds = 1200;
    expect(await h.controller.tick()).toEqual([]);
    h.idle.seconds = 3; // back at the keyboard
    expect(await h.controller.tick()).toEqual([]);
    h.idle.seconds = 700;
    expect(await h.controller.tick()).toHaveLength(1);
    h.set({ idleMinutes: 0 });
    h.idle.seconds = 100_000;
    expect(await h.controller.tick()).toEqual([]);
    expect(h.stops.map((s) => s.reason)).toEqual(['idle', 'idle']);
  });

  it('survives an idle reader that fails or answers nonsense', async () => {
    const h = harness({ idleMinutes: 1 }, at(2026, 5, 4, 9, 0));
    h.idle.seconds = Number.NaN;
    expect(await h.controller.tick()).toEqual([]);
    const broken = new AutoStopController({
      settings: () => ({ ...off(), idleMinutes: 1 }),
      stop: () => Promise.resolve(EMPTY),
      idleSeconds: () => {
        throw new Error('no X server');
      },
    });
    expect(await broken.tick()).toEqual([]);
  });

  it('runs the poll through the injected timer', () => {
    const h = harness({ idleMinutes: 1 }, at(2026, 5, 4, 9, 0));
    h.controller.start();
    h.controller.start(); // idempotent
    h.idle.seconds = 61;
    h.timers.run?.();
    // The stop is asked for synchronously from the timer's callback.
    expect(h.stops).toEqual([{ scope: 'selected', reason: 'idle' }]);
  });
});

describe('auto-stop settings through the handler table', () => {
  let dir: string;
  let settings: Settings;
  const keychain: Keychain = {
    getPassword: () => Promise.resolve(null),
    setPassword: () => Promise.resolve(),
    deletePassword: () => Promise.resolve(false),
    findCredentials: () => Promise.resolve([]),
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehpc-autostop-'));
    settings = Settings.open({ dir });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const service = (opts: {
    loginItem?: { set(enabled: boolean): void };
    platform?: NodeJS.Platform;
  }) => createCore({ keychain, settings, env: {}, ...opts }).handlers;

  it('starts with everything off, and says what this computer offers', async () => {
    const table = service({ platform: 'linux' });
    expect(await table.getAutoStop({})).toEqual({
      ok: true,
      value: {
        settings: {
          onQuit: 'off',
          onLock: false,
          onSuspend: false,
          onShutdown: false,
          idleMinutes: 0,
          launchAtLogin: false,
        },
        scope: 'selected',
        supported: {
          onLock: false,
          onSuspend: true,
          onShutdown: true,
          idle: true,
          launchAtLogin: false,
        },
      },
    });
    const mac = await service({
      platform: 'darwin',
      loginItem: { set: () => undefined },
    }).getAutoStop({});
    expect(mac.ok && mac.value.supported).toMatchObject({ onLock: true, launchAtLogin: true });
  });

  it('changes only the fields given, saves them, and clears the daily time with null', async () => {
    const table = service({});
    const set = await table.setAutoStop({ onQuit: 'all', idleMinutes: 30, dailyAt: '18:45' });
    expect(set.ok && set.value).toMatchObject({
      settings: { onQuit: 'all', idleMinutes: 30, dailyAt: '18:45', onLock: false },
      scope: 'selected',
    });
    expect(settings.get().autoStop).toMatchObject({
      onQuit: 'all',
      scope: 'selected',
      dailyAt: '18:45',
    });
    const scoped = await table.setAutoStop({ scope: 'all' });
    expect(scoped.ok && scoped.value.scope).toBe('all');
    await table.setAutoStop({ onLock: true });
    expect(settings.get().autoStop).toMatchObject({
      onQuit: 'all',
      scope: 'all',
      onLock: true,
      dailyAt: '18:45',
    });
    const narrowed = await table.setAutoStop({ scope: 'selected' });
    expect(narrowed.ok && narrowed.value).toMatchObject({
      scope: 'selected',
      settings: { onQuit: 'all' },
    });
    const cleared = await table.setAutoStop({ dailyAt: null });
    expect(cleared.ok && cleared.value.settings.dailyAt).toBeUndefined();
    expect(settings.get().autoStop.dailyAt).toBeUndefined();
  });

  it('refuses malformed values with a typed error and changes nothing', async () => {
    const table = service({});
    for (const bad of [
      { dailyAt: '24:00' },
      { dailyAt: '7:30' },
      { idleMinutes: -1 },
      { idleMinutes: 1441 },
      { idleMinutes: 2.5 },
      { onQuit: 'sometimes' },
      { onLock: 'yes' },
      { scope: 'everything' },
      { scope: 'off' },
    ]) {
      const r = await table.setAutoStop(bad as never);
      expect(r.ok ? 'accepted' : r.error.code, JSON.stringify(bad)).toBe('InvalidInput');
    }
    expect(settings.get().autoStop).toEqual(off());
  });

  it('applies launch at login through the port before saving it', async () => {
    const calls: boolean[] = [];
    const table = service({ loginItem: { set: (enabled) => void calls.push(enabled) } });
    await table.setAutoStop({ launchAtLogin: true });
    await table.setAutoStop({ launchAtLogin: true }); // unchanged: not applied again
    await table.setAutoStop({ launchAtLogin: false });
    expect(calls).toEqual([true, false]);
    expect(settings.get().autoStop.launchAtLogin).toBe(false);
  });

  it('keeps the old value when the system refuses launch at login', async () => {
    const table = service({
      loginItem: {
        set: () => {
          throw new Error('denied');
        },
      },
    });
    const r = await table.setAutoStop({ launchAtLogin: true, onSuspend: true });
    expect(r.ok).toBe(false);
    expect(settings.get().autoStop).toMatchObject({ launchAtLogin: false, onSuspend: false });
  });

  it('says launch at login is unsupported without a port (the CLI)', async () => {
    const r = await service({}).setAutoStop({ launchAtLogin: true });
    expect(r.ok ? 'accepted' : r.error.code).toBe('Unsupported');
  });
});
