// The one place the core is put together: settings, the credential vault, the service and the
// handler table. The Electron shell, the CLI, the tests and the benchmarks all build it here,
// each passing only what differs (the shell its Electron store, clipboard and login item; the
// CLI its --region, --endpoint and --timeout; tests a keychain service of their own).
import type { HandlerTable } from '../../preload/shared/contract';
import { AppService, type AppServiceDeps } from './app-service';
import { configDir } from './config-dir';
import { createHandlerTable } from './ipc-handlers';
import { keytarKeychain, type Keychain } from './keychain';
import { keyFromSdkChain } from './sdk-credentials';
import { Settings, type OpenSettingsOptions } from './settings';
import { CredentialVault } from './vault';

export interface CoreOptions extends Omit<AppServiceDeps, 'vault' | 'settings'> {
  /** Settings already open (a test sharing another core's); else opened in `settingsDir`. */
  settings?: Settings;
  /** The settings folder; configDir(env) when absent. */
  settingsDir?: string;
  /** Builds the settings store; conf when absent, electron-store in the shell. */
  createStore?: OpenSettingsOptions['createStore'];
  /** A vault already built (a test sharing another core's); else one over `keychain`. */
  vault?: CredentialVault;
  /** The OS keychain when absent. */
  keychain?: Keychain;
  /** The keychain service name; tests and benchmarks use their own. */
  keychainService?: string;
  /**
   * Whose AccessKey the vault reads and writes for this process (the CLI's --profile); when
   * absent, the settings' active profile, followed as the window changes it.
   */
  profile?: string;
  /** After the environment and the keychain, the SDKs' credential chain (the CLI). */
  sdkCredentials?: boolean;
  /** Check every answer against the contract's response schema (tests: drift fails them). */
  checkResponses?: boolean;
}

export interface Core {
  settings: Settings;
  vault: CredentialVault;
  service: AppService;
  /** Every contract operation, validated, answering Results (what ipcMain registers). */
  handlers: HandlerTable;
}

export function createCore(opts: CoreOptions = {}): Core {
  const {
    settings: givenSettings,
    settingsDir,
    createStore,
    vault: givenVault,
    keychain,
    keychainService,
    profile,
    sdkCredentials,
    checkResponses,
    ...serviceOptions
  } = opts;
  const env = opts.env ?? process.env;
  const settings =
    givenSettings ??
    Settings.open({
      dir: settingsDir ?? configDir(env),
      ...(createStore ? { createStore } : {}),
      ...(opts.onWarning ? { onWarning: opts.onWarning } : {}),
    });
  const vault =
    givenVault ??
    new CredentialVault({
      keychain: keychain ?? keytarKeychain(),
      env,
      ...(keychainService ? { service: keychainService } : {}),
      profile: profile ?? (() => settings.peek().profile),
      ...(sdkCredentials ? { fallback: keyFromSdkChain } : {}),
    });
  const service = new AppService({ ...serviceOptions, env, settings, vault });
  return {
    settings,
    vault,
    service,
    handlers: createHandlerTable(service, { checkResponses: checkResponses === true }),
  };
}
