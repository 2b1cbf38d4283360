// The whole core, wired as the Electron main wires it, against the E-HPC emulator over real HTTP,
// a real keychain (gnome-keyring under test/with-keyring.sh) and real settings files in a
// temporary folder. UI, CLI and fuzz tests start one of these instead of mocking anything.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { HandlerTable } from '../../preload/shared/contract';
import type {
  AppService,
  AppServiceDeps,
  ClipboardPort,
  OpenerPort,
} from '../../main/core/app-service';
import { createCore } from '../../main/core/compose';
import { keytarKeychain, type Keychain } from '../../main/core/keychain';
import type { Settings } from '../../main/core/settings';
import type { CredentialVault } from '../../main/core/vault';
import { EMULATOR_KEY, startEmulator, type Emulator, type SeedCluster } from '../emulator';
import { BackgroundReads } from './background-reads';

export interface AppFixtureOptions {
  clusters?: number | SeedCluster[];
  /** Save the emulator's AccessKey in the keychain first (default true). */
  signedIn?: boolean;
  latencyMs?: number;
  /** Per-request timeout for the core's client (short values make hang faults quick). */
  timeoutMs?: number;
  /** Which automatic stops the core offers (default: this machine's platform). */
  platform?: NodeJS.Platform;
  /** Launch at login, as the shell provides it (absent: unsupported, as in the CLI). */
  loginItem?: AppServiceDeps['loginItem'];
  /** The keychain port under the vault (default: the real one); a test may wrap it to count. */
  keychain?: Keychain;
  /** Main's confirmations (default: the headless rule, as in the CLI). */
  confirm?: AppServiceDeps['confirm'];
}

/** A clipboard that lives in memory, for tests of copy-and-clear. */
export class MemoryClipboard implements ClipboardPort {
  text = '';
  writeText(text: string): void {
    this.text = text;
  }
  readText(): string {
    return this.text;
  }
  clear(): void {
    this.text = '';
  }
}

/**
 * The shell's opener, standing in: records every URL it is asked to open, and answers as a
 * system with (`handler: true`) or without a vnc:// viewer would.
 */
export class RecordingOpener implements OpenerPort {
  urls: string[] = [];
  handler = true;
  open(url: string): Promise<boolean> {
    this.urls.push(url);
    return Promise.resolve(this.handler);
  }
}

export interface AppFixture {
  handlers: HandlerTable;
  service: AppService;
  emulator: Emulator;
  vault: CredentialVault;
  settings: Settings;
  settingsDir: string;
  /** The keychain service name this fixture uses (unique, so fixtures never share secrets). */
  keychainService: string;
  clipboard: MemoryClipboard;
  opener: RecordingOpener;
  /** Environment for a CLI process that shares this fixture's emulator, settings and keychain. */
  cliEnv: NodeJS.ProcessEnv;
  /** The service's `idle()` and no list refresh in flight: nothing writes to the settings folder. */
  quiet(): Promise<void>;
  close(): Promise<void>;
}

export async function startAppFixture(opts: AppFixtureOptions = {}): Promise<AppFixture> {
  const emulator = await startEmulator({
    ...(opts.clusters !== undefined ? { clusters: opts.clusters } : {}),
    ...(opts.latencyMs ? { latencyMs: opts.latencyMs } : {}),
  });
  const settingsDir = await mkdtemp(join(tmpdir(), 'ehpc-vnc-fixture-'));
  const keychainService = `E-HPC VNC Tray test ${randomUUID()}`;
  // Env credentials would win over the keychain: the fixture must not inherit a developer's.
  const env: NodeJS.ProcessEnv = { EHPC_VNC_ENDPOINT: emulator.url };
  const clipboard = new MemoryClipboard();
  const opener = new RecordingOpener();
  const reads = new BackgroundReads();
  const { vault, settings, service, handlers } = createCore({
    settingsDir,
    keychain: opts.keychain ?? keytarKeychain(),
    keychainService,
    env,
    clipboard,
    opener,
    observer: reads,
    // Every answer is checked against the contract's response schema: drift fails the test.
    checkResponses: true,
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.platform ? { platform: opts.platform } : {}),
    ...(opts.loginItem ? { loginItem: opts.loginItem } : {}),
    ...(opts.confirm ? { confirm: opts.confirm } : {}),
  });
  settings.update({ regionId: emulator.regionId });
  if (opts.signedIn ?? true) {
    await vault.saveAccessKey({
      accessKeyId: EMULATOR_KEY.accessKeyId,
      accessKeySecret: EMULATOR_KEY.accessKeySecret,
    });
  }
  const cliEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
    XDG_DATA_HOME: process.env.XDG_DATA_HOME,
    EHPC_VNC_ENDPOINT: emulator.url,
    EHPC_VNC_CONFIG_DIR: settingsDir,
    EHPC_VNC_KEYCHAIN_SERVICE: keychainService,
  };
  return {
    handlers,
    service,
    emulator,
    vault,
    settings,
    settingsDir,
    keychainService,
    clipboard,
    opener,
    cliEnv,
    quiet: () => reads.quiet(service),
    async close() {
      await reads.quiet(service);
      await vault.deleteAccessKey().catch(() => undefined);
      await emulator.close();
      await rm(settingsDir, { recursive: true, force: true });
    },
  };
}
