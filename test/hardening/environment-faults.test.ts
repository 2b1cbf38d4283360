// The environment failing under the app: a keychain that is missing, throws or never answers
// (locked, an unanswered unlock prompt), a settings file that is corrupt or cannot be written, a
// region endpoint nobody listens on. Each must give a clear typed error through the handler
// table, never a crash, never a plaintext fallback, and a corrupt file must be kept as a backup.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppErrorInfo, Result } from '../../preload/shared/contract';
import { createCore } from '../../main/core/compose';
import { keytarKeychain, type Keychain } from '../../main/core/keychain';
import { Settings } from '../../main/core/settings';
import { EMULATOR_KEY, startEmulator, type Emulator } from '../emulator';

const CLI = resolve('dist/cli/ehpc-vnc.mjs');
const CLUSTER = 'ehpc-hz-000001';
const CIDR = '203.0.113.0/24';

function failure(r: Result<unknown>): AppErrorInfo {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value)}`);
  return r.error;
}

function expectClean(error: AppErrorInfo): void {
  for (const text of [error.message, error.action]) {
    expect(text.length).toBeGreaterThan(5);
    expect(text).not.toMatch(/\[object|\bat \S+:\d+:\d+|\n/);
  }
}

async function allFiles(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true });
  const texts = await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8').catch(() => '')));
  return texts.join('\n');
}

/** A port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('environment faults', () => {
  let dir: string;
  let emulator: Emulator;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehpc-envfault-'));
    emulator = await startEmulator();
  });
  afterEach(async () => {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  });

  function table(keychain: Keychain, opts: { endpoint?: string; settings?: Settings } = {}) {
    const settings = opts.settings ?? Settings.open({ dir });
    const { handlers, service } = createCore({
      keychain,
      settings,
      env: {},
      endpoint: opts.endpoint ?? emulator.url,
      timeoutMs: 1500,
    });
    return { handlers, settings, service };
  }

  describe('keychain', () => {
    // A keychain whose errors even echo what they were given: the vault must blank it out.
    const throwing: Keychain = {
      getPassword: () => Promise.reject(new Error('org.freedesktop.DBus.Error.ServiceUnknown')),
      setPassword: (_s, _a, password) =>
        Promise.reject(new Error(`cannot store ${password}: the collection is locked`)),
      deletePassword: () => Promise.reject(new Error('locked')),
      findCredentials: () => Promise.reject(new Error('locked')),
    };

    it('that throws: signed out, a typed error on sign-in, nothing written in plain text', async () => {
      const { handlers, settings } = table(throwing);
      expect(await handlers.getSession({})).toMatchObject({
        ok: true,
        value: { signedIn: false, keychainAvailable: false },
      });
      const error = failure(
        await handlers.signIn({
          accessKeyId: EMULATOR_KEY.accessKeyId,
          accessKeySecret: EMULATOR_KEY.accessKeySecret,
          regionId: 'cn-hangzhou',
        }),
      );
      expect(error.code).toBe('KeychainUnavailable');
      expectClean(error);
      expect(JSON.stringify(error)).not.toContain(EMULATOR_KEY.accessKeySecret);
      expect(await allFiles(dir)).not.toContain(EMULATOR_KEY.accessKeySecret);
      expect(settings.get().regionId).toBe('cn-hangzhou');
      // Any operation needing the key says so, and a stop is kept for later.
      expect(failure(await handlers.listClusters({ refresh: true })).code).toBe(
        'KeychainUnavailable',
      );
      const stop = failure(await handlers.stopVnc({ clusterId: CLUSTER, cidrIp: CIDR }));
      expect(stop).toMatchObject({ code: 'KeychainUnavailable', pendingStop: true });
      expect(settings.pendingStops()).toMatchObject([{ clusterId: CLUSTER }]);
    });

    it('that never answers (locked, an unlock prompt nobody answers): a typed error in time', async () => {
      const never = new Promise<never>(() => undefined);
      const locked = keytarKeychain({
        timeoutMs: 200,
        load: () =>
          Promise.resolve({
            getPassword: () => never,
            setPassword: () => never,
            deletePassword: () => never,
            findCredentials: () => never,
          }),
      });
      const { handlers } = table(locked);
      const session = await handlers.getSession({});
      expect(session).toMatchObject({ ok: true, value: { keychainAvailable: false } });
      const error = failure(await handlers.listClusters({ refresh: true }));
      expect(error.code).toBe('KeychainUnavailable');
      expect(error.message).toMatch(/no answer within/);
      expectClean(error);
    });

    it('whose native module is missing: a typed error, no crash', async () => {
      const missing = keytarKeychain({
        load: () => Promise.reject(new Error("Cannot find module 'keytar'")),
      });
      const { handlers } = table(missing);
      const error = failure(
        await handlers.hasRememberedRunasPassword({ clusterId: CLUSTER, runasUser: 'root' }),
      );
      expect(error.code).toBe('KeychainUnavailable');
      expectClean(error);
    });

    it('unreachable over D-Bus in a real process: exit 3, and no secret in any file', async () => {
      if (!existsSync(CLI)) {
        throw new Error(
          'dist/cli/ehpc-vnc.mjs is missing: run `node scripts/build.mjs cli` first.',
        );
      }
      const child = spawn(process.execPath, [CLI, 'login'], {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
          EHPC_VNC_ENDPOINT: emulator.url,
          EHPC_VNC_CONFIG_DIR: dir,
          EHPC_VNC_KEYCHAIN_SERVICE: 'E-HPC VNC Tray hardening test',
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.stdin.end(`${EMULATOR_KEY.accessKeyId}\n${EMULATOR_KEY.accessKeySecret}\n`);
      const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? -1)));
      expect(code).toBe(3);
      expect(out).toMatch(/KeychainUnavailable/);
      expect(out).not.toContain(EMULATOR_KEY.accessKeySecret);
      expect(out).not.toMatch(/\bat \S+:\d+:\d+/);
      expect(await allFiles(dir)).not.toContain(EMULATOR_KEY.accessKeySecret);
    });
  });

  describe('settings file', () => {
    const working: Keychain = {
      getPassword: () => Promise.resolve(null),
      setPassword: () => Promise.resolve(),
      deletePassword: () => Promise.resolve(false),
      findCredentials: () => Promise.resolve([]),
    };

    it('that is not JSON at start: kept as a backup, defaults used, a warning given', async () => {
      const garbage = '{"regionId": "cn-hangzhou", oops';
      await writeFile(join(dir, 'settings.json'), garbage);
      const warnings: string[] = [];
      const settings = Settings.open({ dir, onWarning: (m) => warnings.push(m) });
      const { handlers } = table(working, { settings });
      expect(await handlers.getPreferences({})).toMatchObject({ ok: true });
      const backups = (await readdir(dir)).filter((f) => f.startsWith('settings.json.corrupt-'));
      expect(backups).toHaveLength(1);
      expect(await readFile(join(dir, backups[0] as string), 'utf8')).toBe(garbage);
      expect(warnings.join()).toMatch(/kept as/);
    });

    it('broken while running (a hand edit): kept as a backup, the next call still works', async () => {
      const { handlers, settings } = table(working);
      settings.addPendingStop({ clusterId: CLUSTER, regionId: 'cn-hangzhou', cidrIp: CIDR });
      await writeFile(join(dir, 'settings.json'), '{"pendingStops": "not a list"}');
      expect(await handlers.listPendingStops({})).toEqual({ ok: true, value: [] });
      expect(await handlers.getAutoStop({})).toMatchObject({ ok: true });
      const backups = (await readdir(dir)).filter((f) => f.startsWith('settings.json.corrupt-'));
      expect(backups).toHaveLength(1);
    });

    it('that cannot be written: a typed error, no crash', async () => {
      const { handlers } = table(working);
      // A folder where the file should be: every read and write fails (root ignores chmod).
      await rm(join(dir, 'settings.json'), { force: true });
      await mkdir(join(dir, 'settings.json'));
      for (const result of [
        await handlers.setPreferences({ language: 'en' }),
        await handlers.setAutoStop({ onSuspend: true }),
        await handlers.getPreferences({}),
      ]) {
        const error = failure(result);
        expect(error.code).toBe('SettingsUnwritable');
        expectClean(error);
      }
    });

    it('whose folder cannot be made: a typed error when opening', async () => {
      const blocker = join(dir, 'a-file');
      await writeFile(blocker, '');
      expect(() => Settings.open({ dir: join(blocker, 'settings') })).toThrow(
        expect.objectContaining({ code: 'SettingsUnwritable' }),
      );
    });
  });

  describe('region endpoint', () => {
    const signedIn: Keychain = {
      getPassword: (_s, account) =>
        Promise.resolve(
          account === 'access-key'
            ? JSON.stringify({
                accessKeyId: EMULATOR_KEY.accessKeyId,
                accessKeySecret: EMULATOR_KEY.accessKeySecret,
              })
            : null,
        ),
      setPassword: () => Promise.resolve(),
      deletePassword: () => Promise.resolve(true),
      findCredentials: () => Promise.resolve([]),
    };

    it('that nobody listens on: Network.Refused for reads, and a stop kept for later', async () => {
      const port = await closedPort();
      const { handlers, settings } = table(signedIn, { endpoint: `http://127.0.0.1:${port}` });
      for (const result of [
        await handlers.listClusters({ refresh: true }),
        await handlers.getVncStatus({ clusterId: CLUSTER }),
        await handlers.listRegions({}),
      ]) {
        const error = failure(result);
        expect(error.code).toBe('Network.Refused');
        expectClean(error);
        expect(JSON.stringify(error)).not.toContain(String(port));
      }
      const stop = failure(await handlers.stopVnc({ clusterId: CLUSTER, cidrIp: CIDR }));
      expect(stop).toMatchObject({ code: 'Network.Refused', pendingStop: true });
      expect(settings.pendingStops()).toMatchObject([
        { clusterId: CLUSTER, lastError: 'Network.Refused', attempts: 1 },
      ]);
    });
  });
});
