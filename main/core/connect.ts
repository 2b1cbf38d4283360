// Arrive in one click: where to connect (connect-target.ts), VNC started for the user's address
// when it is stopped, then `vnc://<address>:12016` handed to the system's VNC viewer. Where no
// viewer is registered, `<address>:12016` goes on the clipboard instead; with a VNC password
// remembered (opt-in), it is copied for the viewer and cleared 30 s later or at quit.
import type {
  ActionResult,
  ConnectPrefs,
  ConnectResult,
  Request,
  VncStatus,
} from '../../preload/shared/contract';
import { isAllowedVncUrl, vncAddress } from '../../preload/shared/vnc-url';
import { appError } from './app-error';
import type { ConnectTargets } from './connect-target';
import type { SecretClipboard } from './secret-clipboard';
import type { Settings } from './settings';
import type { CredentialVault } from './vault';

/** How long the VNC password stays on the clipboard for the viewer. */
export const VNC_PASSWORD_CLIPBOARD_SECONDS = 30;

/**
 * The system's opener for `vnc://` URLs (the shell's shell.openExternal, the CLI's xdg-open /
 * open / start). Resolves false when no application handles the scheme; never throws.
 */
export interface OpenerPort {
  open(url: string): Promise<boolean>;
}

export interface ConnectorDeps {
  settings: Settings;
  vault: CredentialVault;
  targets: ConnectTargets;
  clipboard: SecretClipboard;
  /** The session's region: where a cluster is when the request names none. */
  regionId: () => string;
  /** VNC's status in the cluster's region (the cluster's flight, as the window's check). */
  status: (clusterId: string, regionId: string) => Promise<VncStatus>;
  /** The start of the Start button (same confirmations), sent to the cluster's region. */
  start: (req: Request<'startVnc'>, regionId: string) => Promise<ActionResult>;
  opener?: OpenerPort;
}

export interface ConnectOptions {
  /** Hand the URL to the opener (default true; the CLI opens only with --open). */
  open?: boolean;
  /** An opener for this call (the CLI's system opener), instead of the one built in. */
  opener?: OpenerPort;
  /** The missing-address error in the CLI's words (--cidr). */
  cli?: boolean;
}

export class Connector {
  constructor(private readonly deps: ConnectorDeps) {}

  async connect(req: Request<'connect'>, opts: ConnectOptions = {}): Promise<ConnectResult> {
    const { settings, targets } = this.deps;
    // Every call goes to the cluster's own region (the tray lists open clusters of every region).
    const regionId = req.regionId ?? this.deps.regionId();
    // Where first: a cluster with nowhere to connect must not have VNC opened to anyone.
    const target = await targets.get(req.clusterId, { regionId });
    const cidrIp = req.cidrIp ?? settings.peek().clusters[req.clusterId]?.cidrIp;
    const status = await this.deps.status(req.clusterId, regionId);
    let started = false;
    if (status.vnc !== 'running') {
      if (!cidrIp) throw appError('ConnectNeedsAddress', opts.cli ? { variant: 'cli' } : {});
      await this.deps.start({ clusterId: req.clusterId, cidrIp }, regionId);
      started = true;
    }
    const hosts = target.hostName ? [target.hostName] : [];
    // Built from an address checked when ListNodes answered; checked again as the one shape the
    // system opener may ever be given.
    if (!isAllowedVncUrl(target.url, hosts)) throw appError('Internal');
    const result: ConnectResult = {
      ...target,
      started,
      opened: false,
      addressCopied: false,
      passwordCopied: false,
    };
    if (started && cidrIp) result.cidrIp = cidrIp;
    const opener = opts.opener ?? this.deps.opener;
    if (opts.open === false || !opener) return result;
    result.opened = await opener.open(target.url).catch(() => false);
    if (!result.opened) {
      // No viewer registered for vnc:// (common on Windows): the address to paste instead.
      result.addressCopied = this.deps.clipboard.writePlain(vncAddress(target.address));
      return result;
    }
    result.passwordCopied = await this.copyRememberedPassword(req.clusterId);
    return result;
  }

  /** The remembered VNC password onto the clipboard for the viewer; false when there is none. */
  private async copyRememberedPassword(clusterId: string): Promise<boolean> {
    const { settings, vault, clipboard } = this.deps;
    if (!settings.peek().connect.rememberVncPassword || !clipboard.available()) return false;
    const password = await vault.getVncPassword(clusterId).catch(() => null);
    if (!password) return false;
    return clipboard.copy({
      text: password,
      clearAfterSeconds: VNC_PASSWORD_CLIPBOARD_SECONDS,
    });
  }

  prefs(): ConnectPrefs {
    return { ...this.deps.settings.peek().connect };
  }

  /** Turning the VNC password off forgets the ones remembered, so none lingers unused. */
  async setPrefs(req: Request<'setConnectPrefs'>): Promise<ConnectPrefs> {
    const { settings, vault } = this.deps;
    const connect = { ...settings.peek().connect };
    if (req.detectUrl !== undefined) connect.detectUrl = req.detectUrl.trim();
    if (req.rememberVncPassword !== undefined) {
      connect.rememberVncPassword = req.rememberVncPassword;
    }
    settings.update({ connect });
    if (req.rememberVncPassword === false) {
      for (const id of Object.keys(settings.peek().clusters)) {
        await vault.deleteVncPassword(id).catch(() => false);
      }
    }
    return this.prefs();
  }
}
