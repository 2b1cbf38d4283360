// The app's core wired as the Electron main wires it (AppService over the keychain vault and a
// settings file), pointed at an emulator in its own process. Like test/support/app-fixture.ts,
// but the endpoint is remote so that only the app's own CPU time is on the clock.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppService } from '../main/core/app-service';
import { createCore } from '../main/core/compose';
import { EhpcClient } from '../main/core/ehpc/client';
import { EcsClient } from '../main/core/ehpc/ecs-client';
import type { Settings } from '../main/core/settings';
import { EMULATOR_KEY } from '../test/emulator';
import { BackgroundReads } from '../test/support/background-reads';
import {
  startRemoteEmulator,
  type RemoteEmulator,
  type RemoteEmulatorOptions,
} from './emulator-process';

export interface BenchApp {
  emulator: RemoteEmulator;
  service: AppService;
  settings: Settings;
  /** The core client alone, as AppService builds it for each operation. */
  client(): EhpcClient;
  /** The ECS client alone (the security groups' rules), as the exposure model builds it. */
  ecsClient(): EcsClient;
  /**
   * Another AppService on the same emulator and AccessKey over empty settings: a first start,
   * with no cluster list, regions or security groups cached.
   */
  fresh(): Promise<{ service: AppService; close(): Promise<void> }>;
  close(): Promise<void>;
}

export async function startBenchApp(opts: RemoteEmulatorOptions): Promise<BenchApp> {
  const emulator = await startRemoteEmulator(opts);
  const dir = await mkdtemp(join(tmpdir(), 'ehpc-vnc-bench-'));
  const env: NodeJS.ProcessEnv = { EHPC_VNC_ENDPOINT: emulator.url };
  const reads = new BackgroundReads();
  const keychainService = `E-HPC VNC Tray bench ${randomUUID()}`;
  const { vault, settings, service } = createCore({
    settingsDir: dir,
    env,
    keychainService,
    observer: reads,
  });
  await vault.saveAccessKey({
    accessKeyId: EMULATOR_KEY.accessKeyId,
    accessKeySecret: EMULATOR_KEY.accessKeySecret,
  });
  settings.update({ regionId: emulator.regionId });
  return {
    emulator,
    service,
    settings,
    client: () =>
      new EhpcClient({
        credentials: EMULATOR_KEY,
        regionId: emulator.regionId,
        endpoint: emulator.url,
      }),
    ecsClient: () =>
      new EcsClient({
        credentials: EMULATOR_KEY,
        regionId: emulator.regionId,
        endpoint: emulator.url,
      }),
    async fresh() {
      const freshDir = await mkdtemp(join(tmpdir(), 'ehpc-vnc-bench-'));
      const freshReads = new BackgroundReads();
      const core = createCore({
        settingsDir: freshDir,
        env,
        keychainService,
        observer: freshReads,
      });
      core.settings.update({ regionId: emulator.regionId });
      return {
        service: core.service,
        async close() {
          await freshReads.quiet(core.service);
          await rm(freshDir, { recursive: true, force: true });
        },
      };
    },
    async close() {
      await reads.quiet(service);
      await vault.deleteAccessKey().catch(() => undefined);
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
