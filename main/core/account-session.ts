// Who is signed in, and the E-HPC clients that act for them. The AccessKey is read from the vault
// for each operation and dropped when it ends; what is kept in memory is only what the snapshot
// shows (signed in or not, where the key comes from, its masked ID), learnt whenever the vault
// is read, so that building a snapshot never touches the keychain. The vault decides precedence:
// environment credentials win over the keychain.
import type { AppState, Profiles, Request, SessionInfo } from '../../preload/shared/contract';
import { appError, AppError } from './app-error';
import { cacheList } from './cluster-catalog';
import { EhpcClient } from './ehpc/client';
import { EcsClient } from './ehpc/ecs-client';
import type { AccessKey, AttemptInfo, EhpcClientOptions } from './ehpc/types';
import type { Settings } from './settings';
import { maskAccessKeyId, type CredentialVault, type ResolvedAccessKey } from './vault';

type KnownSession = Omit<NonNullable<AppState['session']>, 'regionId' | 'profile'>;

export interface AccountSessionDeps {
  vault: CredentialVault;
  settings: Settings;
  endpoint?: string;
  timeoutMs?: number;
  /** Overrides the remembered region for this process only (the CLI's --region). */
  regionOverride?: string;
  createClient?: (opts: EhpcClientOptions) => EhpcClient;
  /** Told when what the snapshot shows about the session changed. */
  onChange(): void;
}

/** What the window may show of an endpoint override: host and port, no user, path or query. */
export function endpointHost(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    // A bare `host:port`, as the SDK's Config.endpoint takes it.
    return (endpoint.split('@').pop() ?? '').split('/')[0] ?? '';
  }
}

export class AccountSession {
  private readonly createClient: (opts: EhpcClientOptions) => EhpcClient;
  private known?: KnownSession;
  /** The profile the last snapshot showed: a switch to one with the same key still pushes. */
  private shownProfile?: string;
  private readonly override?: { endpointOverride: string };

  constructor(private readonly deps: AccountSessionDeps) {
    this.createClient = deps.createClient ?? ((opts) => new EhpcClient(opts));
    if (deps.endpoint) this.override = { endpointOverride: endpointHost(deps.endpoint) };
  }

  /** The region `--region` narrows this process to, if any. */
  narrowedRegion(): string | undefined {
    return this.deps.regionOverride;
  }

  regionId(): string {
    return this.deps.regionOverride ?? this.deps.settings.peek().regionId;
  }

  /** The session as last learnt from the vault (absent before the first look), for snapshots. */
  summary(): AppState['session'] {
    return (
      this.known && {
        ...this.known,
        regionId: this.regionId(),
        profile: this.deps.vault.profile,
        ...this.override,
      }
    );
  }

  async getSession(): Promise<SessionInfo> {
    const regionId = this.regionId();
    const profile = this.deps.vault.profile;
    const keychainAvailable = await this.deps.vault.keychainAvailable();
    let resolved: ResolvedAccessKey | null = null;
    try {
      resolved = await this.resolve();
    } catch (err) {
      // No keychain is not an error here: the session is simply signed out, and says why.
      if (!(err instanceof AppError && err.code === 'KeychainUnavailable')) throw err;
      this.learn(null);
    }
    if (!resolved) {
      return {
        signedIn: false,
        source: 'none',
        regionId,
        profile,
        keychainAvailable,
        ...this.override,
      };
    }
    return {
      signedIn: true,
      source: resolved.source,
      accessKeyIdMasked: maskAccessKeyId(resolved.key.accessKeyId),
      regionId,
      profile,
      keychainAvailable,
      ...this.override,
    };
  }

  /** The active profile and those with a key in the keychain (none listed without a keychain). */
  async listProfiles(): Promise<Profiles> {
    const active = this.deps.vault.profile;
    if (!(await this.deps.vault.keychainAvailable())) return { active, stored: [] };
    return { active, stored: await this.deps.vault.listProfiles() };
  }

  /**
   * Makes `profile` the active one: from now on its keychain item is the AccessKey (unless the
   * process was given a profile: the CLI's --profile wins, and the settings are left alone). The
   * cluster lists cached so far, the selected and recent clusters are the previous account's.
   */
  async useProfile(req: Request<'useProfile'>): Promise<SessionInfo> {
    if (this.deps.vault.profileFixed) throw appError('InvalidInput', { variant: 'profileFixed' });
    if (req.profile !== this.deps.settings.peek().profile) {
      this.deps.settings.update({
        profile: req.profile,
        recentClusterIds: [],
        selectedClusterId: undefined,
      });
      await this.deps.settings.clusterCache.clear();
    }
    return this.getSession();
  }

  /** Verifies the key with one listing call, then saves it to the keychain (never before). */
  async signIn(req: Request<'signIn'>): Promise<SessionInfo> {
    const key: AccessKey = {
      accessKeyId: req.accessKeyId.trim(),
      accessKeySecret: req.accessKeySecret,
      ...(req.securityToken ? { securityToken: req.securityToken } : {}),
    };
    const client = this.clientFor(key, req.regionId);
    const verified = await client.verifyCredentials();
    const profile = req.profile ?? this.deps.vault.profile;
    await this.deps.vault.saveAccessKey(key, profile);
    if (profile !== this.deps.vault.profile) await this.useProfile({ profile });
    this.deps.settings.update({ regionId: req.regionId });
    // The lists cached so far may be another account's.
    void this.deps.settings.clusterCache.clear();
    if (verified.page) cacheList(this.deps.settings, req.regionId, verified.page);
    return this.getSession();
  }

  /**
   * Forgets the AccessKey and the account's cached cluster lists, and (unless asked to keep them)
   * every remembered run-as password: a signed-out app should hold no cluster's root password.
   */
  async signOut(req: Request<'signOut'> = {}): Promise<SessionInfo> {
    await this.deps.vault.deleteAccessKey();
    if (req.removeRunasPasswords !== false) await this.deps.vault.deleteClusterPasswords();
    await this.deps.settings.clusterCache.clear();
    return this.getSession();
  }

  /** A client for the region (the current one by default) with the stored (or env) AccessKey. */
  async client(regionId = this.regionId()): Promise<EhpcClient> {
    const resolved = await this.resolve();
    if (!resolved) {
      throw appError('NoCredentials');
    }
    return this.clientFor(resolved.key, regionId);
  }

  /**
   * A source of E-HPC and ECS clients for any region with one keychain read in all (a batch
   * across regions, exposure checks): the key is read on the first use and kept for the batch.
   * `onAttempt` hears every attempt of their calls (the batch's request bounds halve on
   * Throttling answers, see ehpc/limiter.ts).
   */
  batch(onAttempt?: (product: 'ehpc' | 'ecs', regionId: string, info: AttemptInfo) => void): {
    ehpc(regionId: string): Promise<EhpcClient>;
    ecs(regionId: string): Promise<EcsClient>;
  } {
    let key: Promise<AccessKey> | undefined;
    const read = () =>
      (key ??= this.resolve().then((resolved) => {
        if (!resolved) throw appError('NoCredentials');
        return resolved.key;
      }));
    const heard = (product: 'ehpc' | 'ecs', regionId: string) =>
      onAttempt ? { onAttempt: (info: AttemptInfo) => onAttempt(product, regionId, info) } : {};
    return {
      ehpc: async (regionId) =>
        this.createClient({
          ...this.optionsFor(await read(), regionId),
          ...heard('ehpc', regionId),
        }),
      ecs: async (regionId) =>
        new EcsClient({ ...this.optionsFor(await read(), regionId), ...heard('ecs', regionId) }),
    };
  }

  private optionsFor(credentials: AccessKey, regionId: string): EhpcClientOptions {
    return {
      credentials,
      regionId,
      ...(this.deps.endpoint ? { endpoint: this.deps.endpoint } : {}),
      ...(this.deps.timeoutMs ? { timeoutMs: this.deps.timeoutMs } : {}),
    };
  }

  private clientFor(credentials: AccessKey, regionId: string): EhpcClient {
    return this.createClient(this.optionsFor(credentials, regionId));
  }

  /** Reads the vault, and remembers what the snapshot may show of the answer. */
  private async resolve(): Promise<ResolvedAccessKey | null> {
    const resolved = await this.deps.vault.resolveAccessKey();
    this.learn(resolved);
    return resolved;
  }

  private learn(resolved: ResolvedAccessKey | null): void {
    const next: KnownSession = resolved
      ? {
          signedIn: true,
          source: resolved.source,
          accessKeyIdMasked: maskAccessKeyId(resolved.key.accessKeyId),
        }
      : { signedIn: false, source: 'none' };
    const before = this.known;
    const profile = this.deps.vault.profile;
    this.known = next;
    if (
      before?.signedIn !== next.signedIn ||
      before.source !== next.source ||
      before.accessKeyIdMasked !== next.accessKeyIdMasked ||
      this.shownProfile !== profile
    ) {
      this.shownProfile = profile;
      this.deps.onChange();
    }
  }
}
