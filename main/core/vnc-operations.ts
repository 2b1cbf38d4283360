// What one cluster's VNC service is asked to do: its status, start, stop (journalled, see
// journalled-stops.ts) and a new password. Each runs in the cluster's flight (live-state.ts), so
// a repeated request joins the one in flight and different ones never overlap.
import type { ActionResult, Request, VncStatus } from '../../preload/shared/contract';
import { checkVncPassword } from '../../preload/shared/validation';
import { appError } from './app-error';
import type { AccountSession } from './account-session';
import type { Confirmations } from './confirmations';
import { noCidrRemembered, type ClientSource, type JournalledStops } from './journalled-stops';
import type { LiveState } from './live-state';
import type { Settings } from './settings';
import type { CredentialVault } from './vault';

/** The registry's wording for each broken password rule. */
const PASSWORD_RULE_VARIANTS = {
  length: 'passwordLength',
  classes: 'passwordClasses',
  charset: 'passwordCharset',
} as const;

export interface VncOperationsDeps {
  vault: CredentialVault;
  settings: Settings;
  session: AccountSession;
  live: LiveState;
  stops: JournalledStops;
  /** Main's own yes before VNC is exposed or a remembered run-as password used. */
  confirmations: Confirmations;
}

export class VncOperations {
  constructor(private readonly deps: VncOperationsDeps) {}

  /** `client` lets a batch (stop-all) share one keychain read and one SDK client. */
  status(clusterId: string, client: ClientSource = () => this.deps.session.client()) {
    const { live } = this.deps;
    // The client is resolved inside the flight, so that a repeated request joins synchronously.
    return live.track(clusterId, 'status', async (): Promise<VncStatus> => {
      const status = await (await client()).getVncStatus(clusterId);
      live.setVnc(clusterId, status.vnc);
      return status;
    });
  }

  /**
   * `regionId` (default: the session's) is the cluster's region, for a start that is not in the
   * current one (Connect on a cluster open in another region).
   */
  start(req: Request<'startVnc'>, regionId?: string): Promise<ActionResult> {
    const { live, session, settings, confirmations } = this.deps;
    // Asked inside the flight: repeated clicks join one dialog, and the window shows "starting".
    return live.track(req.clusterId, 'starting', async () => {
      await confirmations.start(req.clusterId, req.cidrIp);
      const client = await session.client(regionId);
      const result = await client.startVnc(req.clusterId, req.cidrIp);
      settings.rememberCluster(req.clusterId, { cidrIp: req.cidrIp });
      live.setVnc(req.clusterId, 'running');
      return result;
    });
  }

  /**
   * Stops VNC with the given CidrIp, or the one VNC was started with from this app. The stop is
   * journalled before it is sent (see pending-stops.ts); a repeated request while one is in
   * flight joins it, so any number of clicks sends one StopVisualService.
   */
  stop(clusterId: string, givenCidrIp?: string): Promise<ActionResult> {
    const { settings, session, stops } = this.deps;
    const cidrIp = givenCidrIp ?? settings.peek().clusters[clusterId]?.cidrIp;
    if (!cidrIp) throw noCidrRemembered(clusterId);
    // No await before the flight starts: concurrent calls must find it in flight and join.
    const target = { clusterId, regionId: session.regionId(), cidrIp };
    stops.journal.begin(target);
    return stops.send(target);
  }

  async setPassword(req: Request<'setVncPassword'>): Promise<ActionResult> {
    const { vault, session, live, settings, confirmations } = this.deps;
    const check = checkVncPassword(req.newPassword);
    const broken = check.rules.find((r) => !r.ok);
    if (broken) {
      throw appError('InvalidInput', { variant: PASSWORD_RULE_VARIANTS[broken.id] });
    }
    const runasPassword =
      req.runasPassword ?? (await vault.getRunasPassword(req.clusterId, req.runasUser));
    if (!runasPassword) {
      throw appError('InvalidInput', {
        variant: 'runasPasswordNeeded',
        params: { user: req.runasUser },
      });
    }
    const client = await session.client();
    return live.track(req.clusterId, 'password', async () => {
      // A typed run-as password is the user's own act; a remembered one could be anybody's.
      if (!req.runasPassword)
        await confirmations.passwordWithRemembered(req.clusterId, req.runasUser);
      const result = await client.modifyVncPassword({
        clusterId: req.clusterId,
        runasUser: req.runasUser,
        runasUserPassword: runasPassword,
        passwd: req.newPassword,
      });
      settings.rememberCluster(req.clusterId, { runasUser: req.runasUser });
      if (req.rememberRunasPassword && req.runasPassword) {
        await vault.saveRunasPassword(req.clusterId, req.runasUser, req.runasPassword);
      }
      await rememberVncPassword(vault, settings, req.clusterId, req.newPassword);
      return result;
    });
  }

  async hasRememberedRunasPassword(req: Request<'hasRememberedRunasPassword'>): Promise<boolean> {
    return (await this.deps.vault.getRunasPassword(req.clusterId, req.runasUser)) !== null;
  }

  forgetRunasPassword(req: Request<'forgetRunasPassword'>): Promise<boolean> {
    return this.deps.vault.deleteRunasPassword(req.clusterId, req.runasUser);
  }
}

/**
 * With the opt-in on, the new VNC password is kept in the keychain for Connect to copy; with it
 * off, an older one is forgotten (it no longer works). The password is set either way: a keychain
 * that fails here costs only the copy on Connect.
 */
async function rememberVncPassword(
  vault: CredentialVault,
  settings: Settings,
  clusterId: string,
  password: string,
): Promise<void> {
  const remember = settings.peek().connect.rememberVncPassword;
  await (
    remember ? vault.saveVncPassword(clusterId, password) : vault.deleteVncPassword(clusterId)
  ).catch(() => undefined);
}
