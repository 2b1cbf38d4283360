// The credential vault against the real Secret Service (gnome-keyring inside
// test/with-keyring.sh), each test under its own service name, cleaned up afterwards.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/app-error';
import { keytarKeychain, type Keychain } from '../../main/core/keychain';
import {
  CredentialVault,
  KEYCHAIN_SERVICE,
  maskAccessKeyId,
  type AccessKey,
} from '../../main/core/vault';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const KEY: AccessKey = {
  accessKeyId: 'LTAI5tTestKeyId0001wxyz',
  accessKeySecret: 'test-secret-Zx9!never-in-errors',
};
const STS_KEY: AccessKey = {
  accessKeyId: 'STS.NTestTemporaryId0002',
  accessKeySecret: 'sts-secret-Qw3-never-in-errors',
  securityToken: 'CAIS-token-Abc123-never-in-errors',
};

async function expectKeychainUnavailable(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => new Error('expected KeychainUnavailable, the call succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('KeychainUnavailable');
  return error as AppError;
}

/** Whether the real keyring answers, and if not, why (printed when the suite is skipped). */
async function probeKeyring(): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await keytarKeychain({ timeoutMs: 10_000 }).getPassword(`probe ${randomUUID()}`, 'probe');
    return { ok: true };
  } catch (error) {
    const hint = process.env.EHPC_KEYRING_READY ? '' : ' (not run under test/with-keyring.sh)';
    return { ok: false, reason: `${(error as Error).message}${hint}` };
  }
}

const keyring = await probeKeyring();
const inCi = process.env.CI === 'true';
if (!keyring.ok && !inCi) {
  console.warn(`vault tests: skipping the real-keychain tests: ${keyring.reason}`);
}

describe('the keyring the real-keychain tests need', () => {
  // In CI a missing keyring is a failure, never a quiet skip.
  it.runIf(inCi || keyring.ok)('is reachable', () => {
    expect(keyring.ok ? 'reachable' : keyring.reason).toBe('reachable');
  });
});

describe.runIf(keyring.ok || inCi)('CredentialVault on the real keychain', () => {
  let service: string;
  const keychain = keytarKeychain();
  const touched: string[] = [];

  const vault = (env: NodeJS.ProcessEnv = {}): CredentialVault =>
    new CredentialVault({ keychain, env, service });

  beforeEach(() => {
    service = `E-HPC VNC Tray test ${randomUUID()}`;
    touched.length = 0;
  });

  afterEach(async () => {
    for (const account of ['access-key', ...touched]) {
      await keychain.deletePassword(service, account);
    }
  });

  it('saves, resolves and deletes the AccessKey as one keychain item', async () => {
    const v = vault();
    expect(await v.resolveAccessKey()).toBeNull();
    await v.saveAccessKey(KEY);
    expect(await v.resolveAccessKey()).toEqual({ key: KEY, source: 'keychain' });

    const raw = await keychain.getPassword(service, 'access-key');
    expect(JSON.parse(raw ?? 'null')).toEqual(KEY);

    await v.saveAccessKey(STS_KEY);
    expect(await v.resolveAccessKey()).toEqual({ key: STS_KEY, source: 'keychain' });
    // A fresh vault (a new process, say) reads the same item.
    expect((await vault().resolveAccessKey())?.key).toEqual(STS_KEY);

    await v.deleteAccessKey();
    expect(await v.resolveAccessKey()).toBeNull();
    expect(await keychain.getPassword(service, 'access-key')).toBeNull();
    await v.deleteAccessKey(); // deleting nothing is fine
  });

  it('keeps services apart', async () => {
    await vault().saveAccessKey(KEY);
    const other = new CredentialVault({ keychain, env: {}, service: `${service} other` });
    expect(await other.resolveAccessKey()).toBeNull();
  });

  it('lets the environment win when both the ID and the secret are set', async () => {
    await vault().saveAccessKey(KEY);
    const env = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: STS_KEY.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: STS_KEY.accessKeySecret,
      ALIBABA_CLOUD_SECURITY_TOKEN: STS_KEY.securityToken,
    };
    expect(await vault(env).resolveAccessKey()).toEqual({ key: STS_KEY, source: 'env' });
    const noToken = { ...env, ALIBABA_CLOUD_SECURITY_TOKEN: '' };
    expect(await vault(noToken).resolveAccessKey()).toEqual({
      key: { accessKeyId: STS_KEY.accessKeyId, accessKeySecret: STS_KEY.accessKeySecret },
      source: 'env',
    });
    // Half an env key is no key: the keychain's is used.
    const idOnly = { ALIBABA_CLOUD_ACCESS_KEY_ID: STS_KEY.accessKeyId };
    expect(await vault(idOnly).resolveAccessKey()).toEqual({ key: KEY, source: 'keychain' });
  });

  it('reports the keychain available', async () => {
    expect(await vault().keychainAvailable()).toBe(true);
  });

  it('treats an unreadable item as no key (signing in again replaces it)', async () => {
    await keychain.setPassword(service, 'access-key', '{"accessKeyId":"LTAI..."');
    expect(await vault().resolveAccessKey()).toBeNull();
    await keychain.setPassword(service, 'access-key', JSON.stringify({ accessKeyId: 'x' }));
    expect(await vault().resolveAccessKey()).toBeNull();
  });

  it('keeps run-as passwords per cluster and user', async () => {
    const v = vault();
    touched.push('runas:ehpc-hz-a:alice', 'runas:ehpc-hz-a:bob', 'runas:ehpc-hz-b:alice');
    expect(await v.getRunasPassword('ehpc-hz-a', 'alice')).toBeNull();
    await v.saveRunasPassword('ehpc-hz-a', 'alice', 'pw-a-alice');
    await v.saveRunasPassword('ehpc-hz-a', 'bob', 'pw-a-bob');
    await v.saveRunasPassword('ehpc-hz-b', 'alice', 'pw-b-alice');
    expect(await v.getRunasPassword('ehpc-hz-a', 'alice')).toBe('pw-a-alice');
    expect(await v.getRunasPassword('ehpc-hz-a', 'bob')).toBe('pw-a-bob');
    expect(await v.getRunasPassword('ehpc-hz-b', 'alice')).toBe('pw-b-alice');
    expect(await keychain.getPassword(service, 'runas:ehpc-hz-a:bob')).toBe('pw-a-bob');

    await v.saveRunasPassword('ehpc-hz-a', 'alice', 'pw-a-alice-2');
    expect(await v.getRunasPassword('ehpc-hz-a', 'alice')).toBe('pw-a-alice-2');

    expect(await v.deleteRunasPassword('ehpc-hz-a', 'alice')).toBe(true);
    expect(await v.deleteRunasPassword('ehpc-hz-a', 'alice')).toBe(false);
    expect(await v.getRunasPassword('ehpc-hz-a', 'alice')).toBeNull();
    expect(await v.getRunasPassword('ehpc-hz-a', 'bob')).toBe('pw-a-bob');
    // The AccessKey is a different item: untouched by run-as passwords.
    expect(await v.resolveAccessKey()).toBeNull();
  });

  it('refuses cluster IDs and user names that could make accounts ambiguous', async () => {
    const v = vault();
    await expect(v.saveRunasPassword('ehpc:x', 'alice', 'pw')).rejects.toMatchObject({
      code: 'InvalidInput',
    });
    await expect(v.getRunasPassword('ehpc-hz-a', 'al:ice')).rejects.toMatchObject({
      code: 'InvalidInput',
    });
    await expect(v.saveRunasPassword('ehpc-hz-a', 'alice', '')).rejects.toMatchObject({
      code: 'InvalidInput',
    });
  });
});

describe('CredentialVault when the keychain fails', () => {
  const broken = (message: string): Keychain => ({
    getPassword: () => Promise.reject(new Error(message)),
    setPassword: () => Promise.reject(new Error(message)),
    deletePassword: () => Promise.reject(new Error(message)),
    findCredentials: () => Promise.reject(new Error(message)),
  });

  it('turns every failure into KeychainUnavailable, without the secret', async () => {
    // A keychain whose error echoes what it was given must not leak it through the vault.
    const echo: Keychain = {
      getPassword: () => Promise.reject(new Error('org.freedesktop.Secret.Error.IsLocked')),
      setPassword: (_s, _a, password) => Promise.reject(new Error(`cannot store ${password}`)),
      deletePassword: () => Promise.reject(new Error('org.freedesktop.DBus.Error.NoReply')),
      findCredentials: () => Promise.reject(new Error('org.freedesktop.DBus.Error.NoReply')),
    };
    const v = new CredentialVault({ keychain: echo, env: {}, service: 'unused' });
    const saved = await expectKeychainUnavailable(v.saveAccessKey(STS_KEY));
    for (const text of [saved.message, saved.action, saved.stack ?? '']) {
      expect(text).not.toContain(STS_KEY.accessKeySecret);
      expect(text).not.toContain(STS_KEY.securityToken);
    }
    const runas = await expectKeychainUnavailable(
      v.saveRunasPassword('ehpc-hz-a', 'alice', 'runas-secret-pw'),
    );
    expect(runas.message).not.toContain('runas-secret-pw');
    await expectKeychainUnavailable(v.resolveAccessKey());
    await expectKeychainUnavailable(v.deleteAccessKey());
    await expectKeychainUnavailable(v.getRunasPassword('ehpc-hz-a', 'alice'));
    await expectKeychainUnavailable(v.deleteRunasPassword('ehpc-hz-a', 'alice'));
    expect(await v.keychainAvailable()).toBe(false);
    expect(saved.action).toMatch(/gnome-keyring|KWallet|Keychain|Credential Manager/);
  });

  it('still resolves an AccessKey from the environment', async () => {
    const v = new CredentialVault({
      keychain: broken('no keyring'),
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.accessKeySecret,
      },
    });
    expect(await v.resolveAccessKey()).toEqual({ key: KEY, source: 'env' });
  });

  it('reports a keytar that cannot be loaded as KeychainUnavailable, and retries the load later', async () => {
    let attempts = 0;
    const keychain = keytarKeychain({
      platform: 'linux',
      load: () => {
        attempts++;
        return Promise.reject(new Error('Cannot find module keytar.node'));
      },
    });
    const error = await expectKeychainUnavailable(keychain.getPassword('s', 'a'));
    expect(error.message).toContain('Cannot find module keytar.node');
    expect(error.action).toContain('gnome-keyring');
    await expectKeychainUnavailable(keychain.setPassword('s', 'a', 'pw'));
    expect(attempts).toBe(2);
  });

  it('says what to do on each platform', async () => {
    const fail = (): Promise<never> => Promise.reject(new Error('x'));
    const load = () =>
      Promise.resolve({
        getPassword: fail,
        setPassword: fail,
        deletePassword: fail,
        findCredentials: fail,
      });
    const mac = await expectKeychainUnavailable(
      keytarKeychain({ platform: 'darwin', load }).getPassword('s', 'a'),
    );
    expect(mac.action).toContain('Keychain Access');
    const win = await expectKeychainUnavailable(
      keytarKeychain({ platform: 'win32', load }).getPassword('s', 'a'),
    );
    expect(win.action).toContain('Credential Manager');
  });

  it('gives up on a keychain that never answers', async () => {
    const never = (): Promise<never> => new Promise(() => undefined);
    const load = () =>
      Promise.resolve({
        getPassword: never,
        setPassword: never,
        deletePassword: never,
        findCredentials: never,
      });
    const error = await expectKeychainUnavailable(
      keytarKeychain({ platform: 'linux', load, timeoutMs: 50 }).getPassword('s', 'a'),
    );
    expect(error.message).toContain('no answer');
  });
});

describe('the real keytar with no Secret Service reachable', () => {
  // The child's HOME is scanned for plaintext afterwards, so its script lives elsewhere.
  let home: string;
  let scripts: string;

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ehpc-nokeyring-home-'));
    scripts = fs.mkdtempSync(path.join(os.tmpdir(), 'ehpc-nokeyring-script-'));
  });

  afterEach(() => {
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(scripts, { recursive: true, force: true });
  });

  function filesUnder(dir: string): string[] {
    return fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
  }

  it('fails with a clear KeychainUnavailable: no crash, no plaintext file', async () => {
    const script = path.join(scripts, 'child.mts');
    const vaultModule = pathToFileURL(path.join(root, 'main/core/vault.ts')).href;
    fs.writeFileSync(
      script,
      `import { CredentialVault } from ${JSON.stringify(vaultModule)};
const vault = new CredentialVault({ env: {}, service: 'E-HPC VNC Tray no-keyring test' });
const outcome = async (name, run) => {
  try { return { name, ok: true, value: await run() }; }
  catch (e) { return { name, ok: false, code: e.code, message: e.message, action: e.action }; }
};
const results = [
  await outcome('save', () => vault.saveAccessKey(${JSON.stringify(KEY)})),
  await outcome('resolve', () => vault.resolveAccessKey()),
  await outcome('available', () => vault.keychainAvailable()),
  await outcome('runas', () => vault.saveRunasPassword('ehpc-hz-a', 'alice', 'runas-secret-pw')),
];
process.stdout.write(JSON.stringify(results));
`,
    );
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, '.config'),
        XDG_DATA_HOME: path.join(home, '.local/share'),
        XDG_RUNTIME_DIR: path.join(home, 'run'),
        DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(home, 'no-bus-here')}`,
      },
    });
    const results = JSON.parse(stdout) as {
      name: string;
      ok: boolean;
      value?: unknown;
      code?: string;
      message?: string;
      action?: string;
    }[];
    const byName = Object.fromEntries(results.map((r) => [r.name, r]));
    for (const name of ['save', 'resolve', 'runas']) {
      expect(byName[name]).toMatchObject({ ok: false, code: 'KeychainUnavailable' });
      expect(byName[name]?.message).toContain('Secret Service');
      expect(byName[name]?.action).toContain('gnome-keyring or KWallet');
    }
    expect(byName.available).toEqual({ name: 'available', ok: true, value: false });
    for (const text of [stdout, stderr]) {
      expect(text).not.toContain(KEY.accessKeySecret);
      expect(text).not.toContain('runas-secret-pw');
    }
    for (const file of filesUnder(home)) {
      const content = fs.readFileSync(file, 'utf8');
      expect(content, file).not.toContain(KEY.accessKeySecret);
      expect(content, file).not.toContain('runas-secret-pw');
    }
  });
});

describe('maskAccessKeyId', () => {
  it('shows the first and last four of a normal ID, and hides its length', () => {
    expect(maskAccessKeyId('LTAI5tAbcdefghijwxyz')).toBe('LTAI****wxyz');
    expect(maskAccessKeyId('LTAI1234wxyz')).toBe('LTAI****wxyz');
    expect(maskAccessKeyId('LTAI12345678901234567890wxyz')).toBe('LTAI****wxyz');
  });

  it('is mostly stars for short IDs', () => {
    expect(maskAccessKeyId('LTAI5tAbcde')).toBe('LT****');
    expect(maskAccessKeyId('abcdef')).toBe('ab****');
    expect(maskAccessKeyId('abc')).toBe('****');
    expect(maskAccessKeyId('')).toBe('****');
  });

  it('uses the product name as the default keychain service', () => {
    expect(KEYCHAIN_SERVICE).toBe('E-HPC VNC Tray');
  });
});
