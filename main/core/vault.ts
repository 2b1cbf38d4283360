// The credential vault: where the AccessKey and remembered run-as passwords live. Environment
// variables win (as in Alibaba Cloud's own tools), then the OS keychain; nothing secret is ever
// written anywhere else.
import { AppError, appError } from './app-error';
import {
  keychainUnavailable,
  keytarKeychain,
  KEYCHAIN_UNAVAILABLE,
  type Keychain,
} from './keychain';
import {
  DEFAULT_PROFILE,
  isValidClusterId,
  isValidProfileName,
  isValidRunasUser,
} from '../../preload/shared/validation';
import type { AccessKey } from './ehpc/types';

export type { AccessKey };

export const KEYCHAIN_SERVICE = 'E-HPC VNC Tray';

/** The AccessKey is one item, so its id, secret and token are always saved and read together. */
const ACCESS_KEY_ACCOUNT = 'access-key';

// The default profile keeps the original `access-key` item, so existing sign-ins stay readable.
export { DEFAULT_PROFILE, isValidProfileName };

const PROFILE_PREFIX = `${ACCESS_KEY_ACCOUNT}:`;

/** One keychain item per profile; the default profile keeps the original account name. */
function accessKeyAccount(profile: string): string {
  if (!isValidProfileName(profile)) throw appError('InvalidInput', { variant: 'profile' });
  return profile === DEFAULT_PROFILE ? ACCESS_KEY_ACCOUNT : `${PROFILE_PREFIX}${profile}`;
}

/** The profile a keychain account holds the AccessKey of, if it holds one. */
function profileOfAccount(account: string): string | undefined {
  if (account === ACCESS_KEY_ACCOUNT) return DEFAULT_PROFILE;
  if (!account.startsWith(PROFILE_PREFIX)) return undefined;
  const name = account.slice(PROFILE_PREFIX.length);
  return isValidProfileName(name) ? name : undefined;
}
/** Any account works for asking whether the keychain answers at all. */
const PROBE_ACCOUNT = 'availability-probe';

export const ENV_ACCESS_KEY_ID = 'ALIBABA_CLOUD_ACCESS_KEY_ID';
export const ENV_ACCESS_KEY_SECRET = 'ALIBABA_CLOUD_ACCESS_KEY_SECRET';
export const ENV_SECURITY_TOKEN = 'ALIBABA_CLOUD_SECURITY_TOKEN';

export interface ResolvedAccessKey {
  key: AccessKey;
  /** `sdk`: the Alibaba Cloud SDKs' own chain (sdk-credentials.ts), for the CLI. */
  source: 'env' | 'keychain' | 'sdk';
}

export interface CredentialVaultOptions {
  keychain?: Keychain;
  env?: NodeJS.ProcessEnv;
  /** The keychain service name; tests use their own so they never touch a real sign-in. */
  service?: string;
  /**
   * Whose AccessKey: a name fixed for the process (`--profile`, ALIBABA_CLOUD_PROFILE), or asked
   * on every use (the settings' active profile, which the window can change). DEFAULT_PROFILE
   * when absent.
   */
  profile?: string | (() => string);
  /**
   * Asked when neither the environment nor the keychain has a key (or there is no keychain): the
   * CLI passes the SDKs' chain (sdk-credentials.ts); the app passes nothing.
   */
  fallback?: () => Promise<AccessKey | null>;
}

const RUNAS_PREFIX = 'runas:';
const VNC_PREFIX = 'vnc:';

function vncAccount(clusterId: string): string {
  if (!isValidClusterId(clusterId)) throw appError('InvalidInput', { variant: 'clusterId' });
  return `${VNC_PREFIX}${clusterId}`;
}

function runasAccount(clusterId: string, user: string): string {
  // Both are checked so that `runas:<cluster>:<user>` can never be ambiguous.
  if (!isValidClusterId(clusterId)) {
    throw appError('InvalidInput', { variant: 'clusterId' });
  }
  if (!isValidRunasUser(user)) {
    throw appError('InvalidInput', { variant: 'runasUser' });
  }
  return `${RUNAS_PREFIX}${clusterId}:${user}`;
}

function keyFromEnv(env: NodeJS.ProcessEnv): AccessKey | null {
  const accessKeyId = env[ENV_ACCESS_KEY_ID]?.trim();
  const accessKeySecret = env[ENV_ACCESS_KEY_SECRET]?.trim();
  if (!accessKeyId || !accessKeySecret) return null;
  const securityToken = env[ENV_SECURITY_TOKEN]?.trim();
  return securityToken
    ? { accessKeyId, accessKeySecret, securityToken }
    : { accessKeyId, accessKeySecret };
}

/** Reads a saved item back; anything unreadable counts as no key (signing in replaces it). */
function parseStoredKey(stored: string): AccessKey | null {
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { accessKeyId, accessKeySecret, securityToken } = value as Record<string, unknown>;
  if (typeof accessKeyId !== 'string' || !accessKeyId) return null;
  if (typeof accessKeySecret !== 'string' || !accessKeySecret) return null;
  if (typeof securityToken === 'string' && securityToken) {
    return { accessKeyId, accessKeySecret, securityToken };
  }
  return { accessKeyId, accessKeySecret };
}

export class CredentialVault {
  private readonly keychain: Keychain;
  private readonly env: NodeJS.ProcessEnv;
  private readonly service: string;
  private readonly profileNow: () => string;
  private readonly fallback?: () => Promise<AccessKey | null>;
  /** True when the profile was given for the process, not taken from the settings. */
  readonly profileFixed: boolean;

  constructor(opts: CredentialVaultOptions = {}) {
    this.keychain = opts.keychain ?? keytarKeychain();
    this.env = opts.env ?? process.env;
    this.service = opts.service ?? KEYCHAIN_SERVICE;
    const profile = opts.profile ?? DEFAULT_PROFILE;
    this.profileFixed = typeof profile === 'string' && opts.profile !== undefined;
    this.profileNow = typeof profile === 'string' ? () => profile : profile;
    if (opts.fallback) this.fallback = opts.fallback;
  }

  /** The profile whose AccessKey is read and written now. */
  get profile(): string {
    return this.profileNow();
  }

  private get account(): string {
    return accessKeyAccount(this.profile);
  }

  /**
   * The profiles with an AccessKey in the keychain, the default first, then by name. Only the
   * accounts' names are kept: the items' contents are dropped at once.
   */
  async listProfiles(): Promise<string[]> {
    const items = await this.guard(() => this.keychain.findCredentials(this.service));
    const names = new Set<string>();
    for (const { account } of items) {
      const name = profileOfAccount(account);
      if (name) names.add(name);
    }
    return [...names].sort((a, b) =>
      a === DEFAULT_PROFILE ? -1 : b === DEFAULT_PROFILE ? 1 : a.localeCompare(b),
    );
  }

  /** The AccessKey to use, and where it came from; null when the user has not signed in. */
  async resolveAccessKey(): Promise<ResolvedAccessKey | null> {
    const fromEnv = keyFromEnv(this.env);
    if (fromEnv) return { key: fromEnv, source: 'env' };
    let stored: string | null;
    try {
      stored = await this.guard(() => this.keychain.getPassword(this.service, this.account));
    } catch (error) {
      // No keychain (SSH, a server): what the SDKs' chain finds still works there.
      const found = await this.fallback?.();
      if (found) return { key: found, source: 'sdk' };
      throw error;
    }
    const key = stored === null ? null : parseStoredKey(stored);
    if (key) return { key, source: 'keychain' };
    const found = await this.fallback?.();
    return found ? { key: found, source: 'sdk' } : null;
  }

  /** Saves the key under the current profile, or under `profile` (signing in to a new one). */
  async saveAccessKey(key: AccessKey, profile = this.profile): Promise<void> {
    const account = accessKeyAccount(profile);
    const accessKeyId = key.accessKeyId.trim();
    const accessKeySecret = key.accessKeySecret.trim();
    if (!accessKeyId || !accessKeySecret) {
      throw appError('InvalidInput', { variant: 'accessKeyMissing' });
    }
    const item: AccessKey = { accessKeyId, accessKeySecret };
    if (key.securityToken) item.securityToken = key.securityToken;
    const json = JSON.stringify(item);
    await this.guard(
      () => this.keychain.setPassword(this.service, account, json),
      [json, accessKeySecret, key.securityToken ?? ''],
    );
  }

  async deleteAccessKey(): Promise<void> {
    await this.guard(() => this.keychain.deletePassword(this.service, this.account));
  }

  /** Whether the keychain answers now; never throws. */
  async keychainAvailable(): Promise<boolean> {
    try {
      await this.guard(() => this.keychain.getPassword(this.service, PROBE_ACCOUNT));
      return true;
    } catch (error) {
      if (error instanceof AppError && error.code === KEYCHAIN_UNAVAILABLE) return false;
      throw error;
    }
  }

  async getRunasPassword(clusterId: string, user: string): Promise<string | null> {
    const account = runasAccount(clusterId, user);
    return this.guard(() => this.keychain.getPassword(this.service, account));
  }

  async saveRunasPassword(clusterId: string, user: string, password: string): Promise<void> {
    const account = runasAccount(clusterId, user);
    if (!password) {
      throw appError('InvalidInput', { variant: 'runasPasswordMissing' });
    }
    await this.guard(() => this.keychain.setPassword(this.service, account, password), [password]);
  }

  async deleteRunasPassword(clusterId: string, user: string): Promise<boolean> {
    const account = runasAccount(clusterId, user);
    return this.guard(() => this.keychain.deletePassword(this.service, account));
  }

  /** The VNC password set from this app, remembered (opt-in) so that Connect can copy it. */
  async getVncPassword(clusterId: string): Promise<string | null> {
    const account = vncAccount(clusterId);
    return this.guard(() => this.keychain.getPassword(this.service, account));
  }

  async saveVncPassword(clusterId: string, password: string): Promise<void> {
    const account = vncAccount(clusterId);
    if (!password) throw appError('InvalidInput', { variant: 'vncPasswordMissing' });
    await this.guard(() => this.keychain.setPassword(this.service, account, password), [password]);
  }

  async deleteVncPassword(clusterId: string): Promise<boolean> {
    const account = vncAccount(clusterId);
    return this.guard(() => this.keychain.deletePassword(this.service, account));
  }

  /**
   * Removes every cluster password this app's keychain service holds (sign-out): the run-as
   * passwords and the remembered VNC passwords, whichever cluster and user they were for; the
   * AccessKey is left to deleteAccessKey. Says how many.
   */
  async deleteClusterPasswords(): Promise<number> {
    const items = await this.guard(() => this.keychain.findCredentials(this.service));
    let removed = 0;
    for (const { account } of items) {
      if (!account.startsWith(RUNAS_PREFIX) && !account.startsWith(VNC_PREFIX)) continue;
      if (await this.guard(() => this.keychain.deletePassword(this.service, account))) removed++;
    }
    return removed;
  }

  /**
   * Any keychain, even one a caller built by hand, fails the same typed way, and never with a
   * secret in the message.
   */
  private async guard<T>(run: () => Promise<T>, secrets: string[] = []): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw keychainUnavailable(process.platform, error, secrets);
    }
  }
}

/** `LTAI****wxyz`: enough to recognise a key, never enough to use it. Length stays hidden. */
export function maskAccessKeyId(id: string): string {
  if (id.length >= 12) return `${id.slice(0, 4)}****${id.slice(-4)}`;
  if (id.length >= 6) return `${id.slice(0, 2)}****`;
  return '****';
}
