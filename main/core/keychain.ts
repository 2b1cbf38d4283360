// The OS credential store behind one small interface: macOS Keychain, Windows Credential
// Manager, or the freedesktop Secret Service (GNOME Keyring, KWallet) on Linux, through keytar.
// When none can be reached the answer is a typed `KeychainUnavailable` error: there is no
// plaintext fallback, ever.
import { AppError, appError } from './app-error';

export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  /** Every item of the service (keytar's findCredentials): what sign-out removes. */
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

type KeytarModule = Keychain;

export interface KeytarKeychainOptions {
  /** How the module is loaded; tests swap it to simulate a missing native build. */
  load?: () => Promise<KeytarModule>;
  /**
   * A Secret Service that waits on an unlock prompt nobody answers would hang the app; past
   * this the keychain counts as unavailable. Generous, since a person may be typing.
   */
  timeoutMs?: number;
  platform?: NodeJS.Platform;
}

export const KEYCHAIN_UNAVAILABLE = 'KeychainUnavailable';

/** The registry's wording of KeychainUnavailable for each platform's keychain. */
function keychainVariant(platform: NodeJS.Platform): string {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux';
}

/** Keeps the cause's first line only, with any secret we know of blanked out. */
function describeCause(error: unknown, secrets: readonly string[]): string {
  let text = error instanceof Error ? error.message : String(error);
  for (const s of secrets) if (s) text = text.split(s).join('***');
  const firstLine = text.split('\n')[0]?.trim() ?? '';
  return firstLine.length > 200 ? `${firstLine.slice(0, 200)}…` : firstLine;
}

export function keychainUnavailable(
  platform: NodeJS.Platform,
  cause?: unknown,
  secrets: readonly string[] = [],
): AppError {
  const reason = cause === undefined ? '' : describeCause(cause, secrets);
  return appError(KEYCHAIN_UNAVAILABLE, {
    variant: keychainVariant(platform),
    params: reason ? { detail: reason } : undefined,
  });
}

async function loadKeytar(): Promise<KeytarModule> {
  // keytar is CommonJS with a native addon: the functions sit on `default` under ESM.
  const mod = await import('keytar');
  return (mod as { default?: KeytarModule }).default ?? mod;
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The real keychain. keytar is loaded on first use, so a missing native build hurts only then. */
export function keytarKeychain(opts: KeytarKeychainOptions = {}): Keychain {
  const platform = opts.platform ?? process.platform;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const load = opts.load ?? loadKeytar;
  let loading: Promise<KeytarModule> | undefined;

  const keytar = (): Promise<KeytarModule> => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined; // a later call may find it installed
      throw keychainUnavailable(platform, error);
    });
    return loading;
  };

  async function call<T>(run: (k: KeytarModule) => Promise<T>, secrets: string[] = []): Promise<T> {
    const k = await keytar();
    try {
      return await withTimeout(run(k), timeoutMs, () =>
        keychainUnavailable(platform, new Error(`no answer within ${timeoutMs / 1000} s`)),
      );
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw keychainUnavailable(platform, error, secrets);
    }
  }

  // keytar's findCredentials crashes the process on Linux when an item it found is gone before
  // its secret is loaded (atom/node-keytar#477: strdup of a NULL secret), which is what a
  // sign-out deleting items while the window lists the profiles did. So it never runs beside a
  // write of this process: writes and listings take turns; lookups stay concurrent.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const result = turn.then(run, run);
    turn = result.catch(() => undefined);
    return result;
  };

  return {
    getPassword: (service, account) => call((k) => k.getPassword(service, account)),
    setPassword: (service, account, password) =>
      inTurn(() => call((k) => k.setPassword(service, account, password), [password])),
    deletePassword: (service, account) =>
      inTurn(() => call((k) => k.deletePassword(service, account))),
    findCredentials: (service) => inTurn(() => call((k) => k.findCredentials(service))),
  };
}
