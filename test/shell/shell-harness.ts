// Starts the real main/shell/index.ts in this test file's worker, against a fresh emulator and a
// fresh settings folder. The test file itself must mock 'electron' and 'electron-store' with
// fake-electron.ts (vi.mock is hoisted per file), and gets one app per file: index.ts runs once.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { Settings } from '../../main/core/settings';
import { DEV_ENDPOINT_SWITCH } from '../../main/shell/dev-endpoint';
import { TEST_HOOK_KEY, type TestHook } from '../../main/shell/test-hook';
import type { SettingsData } from '../../main/core/settings-schema';
import { EMULATOR_KEY, startEmulator, type Emulator, type SeedCluster } from '../emulator';
import * as fake from './fake-electron';

export interface ShellHarness {
  emulator: Emulator;
  configDir: string;
  /** Reads settings.json as the app left it on disk. */
  settingsFile(): Promise<SettingsData>;
  close(): Promise<void>;
}

export interface ShellHarnessOptions {
  /** Writes settings before the app starts (a pending stop from "last time", say). */
  seed?(settings: Settings): void;
  env?: Record<string, string>;
  /** The emulator's clusters (default: its sample set, all in cn-hangzhou). */
  clusters?: SeedCluster[];
}

/** Prepares everything and imports index.ts; `ready` is left to the test (or `startShell`). */
export async function loadShell(opts: ShellHarnessOptions = {}): Promise<ShellHarness> {
  const emulator = await startEmulator({
    ...(opts.clusters ? { clusters: opts.clusters } : {}),
    // Answers go into the same ordered log as the app's calls ("emulator:StopVisualService:200"
    // before "quitted"), and wake up anything waiting.
    onSettled: (r) => {
      fake.calls.push(`emulator:${r.action}:${r.status}`);
      fake.changed();
    },
  });
  const configDir = await mkdtemp(path.join(tmpdir(), 'ehpc-shell-'));
  if (opts.seed) opts.seed(Settings.open({ dir: configDir }));
  vi.stubEnv('EHPC_VNC_E2E', '1');
  vi.stubEnv('EHPC_VNC_ENDPOINT', emulator.url);
  vi.stubEnv('EHPC_VNC_CONFIG_DIR', configDir);
  vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', EMULATOR_KEY.accessKeyId);
  vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', EMULATOR_KEY.accessKeySecret);
  for (const [name, value] of Object.entries(opts.env ?? {})) vi.stubEnv(name, value);
  // The emulator is a developer endpoint: the window honours it only with the switch.
  if (!process.argv.includes(DEV_ENDPOINT_SWITCH)) process.argv.push(DEV_ENDPOINT_SWITCH);
  await import('../../main/shell/index');
  return {
    emulator,
    configDir,
    async settingsFile() {
      return JSON.parse(await readFile(path.join(configDir, 'settings.json'), 'utf8'));
    },
    async close() {
      vi.unstubAllEnvs();
      await emulator.close();
      // A cluster list answered after the quit may still be writing its cache file: retry.
      await rm(configDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/** The e2e hook index.ts installs at the end of its start-up: there, the app has started. */
export function installedHook(): TestHook | undefined {
  return (globalThis as unknown as Record<string, TestHook | undefined>)[TEST_HOOK_KEY];
}

/**
 * Resolves once start-up has finished (the hook is installed) or failed (an error box). Start-up
 * runs right after `ready` and its tray and first requests emit changes, so this is event-driven.
 */
export async function started(): Promise<TestHook> {
  await fake.app.whenReady();
  await fake.until(
    () => installedHook() !== undefined || fake.errorBoxes.length > 0,
    'the app has started',
  );
  const hook = installedHook();
  if (!hook) throw new Error(`start-up failed: ${fake.errorBoxes.join('; ')}`);
  return hook;
}

/** `ready`, then waits until start-up has finished. */
export async function startShell(
  opts: ShellHarnessOptions = {},
): Promise<ShellHarness & { hook: TestHook }> {
  const harness = await loadShell(opts);
  fake.app.becomeReady();
  return { ...harness, hook: await started() };
}
