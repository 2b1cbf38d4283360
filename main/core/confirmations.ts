// Main decides what reaches the world. Whatever drives the window (a compromised page, DevTools,
// a same-user process through a debugging port) could otherwise set a VNC password of its choice
// with the remembered run-as password and open VNC to the whole internet. So a start to a CidrIp
// the user has not confirmed for this cluster, any wide start (isWideCidr), and a new password
// made with a remembered run-as password are put to the user by main itself, through a
// ConfirmPort: the shell's is a native dialog the page cannot answer (main/shell/confirm-dialogs.ts);
// the CLI's and the tests' decide by rule (headlessConfirmations). A refusal is `NotConfirmed`.
import { isWideCidr } from '../../preload/shared/validation';
import { appError } from './app-error';
import { MAX_CONFIRMED_CIDRS } from './settings-schema';
import type { Settings } from './settings';

export interface StartToConfirm {
  clusterId: string;
  /** The name the cached list knows, else the ID. */
  clusterName: string;
  cidrIp: string;
  wide: boolean;
}

export interface PasswordToConfirm {
  clusterId: string;
  clusterName: string;
  runasUser: string;
}

/** Asks the user; resolves true only on an explicit yes. */
export interface ConfirmPort {
  confirmStart(start: StartToConfirm): Promise<boolean>;
  confirmPasswordWithRemembered(change: PasswordToConfirm): Promise<boolean>;
  /** Set when nobody is asked (the CLI): a refusal then says how to allow it instead. */
  readonly headless?: boolean;
}

/**
 * Where no dialog can be shown (the CLI, tests, benchmarks): a non-wide CidrIp is allowed (the
 * person typed it), a wide one only when `allowWide` (the CLI's `--yes`), and a password with a
 * remembered run-as password is allowed (the person typed the command).
 */
export function headlessConfirmations(opts: { allowWide?: boolean } = {}): ConfirmPort {
  return {
    headless: true,
    confirmStart: async (start) => !start.wide || opts.allowWide === true,
    confirmPasswordWithRemembered: async () => true,
  };
}

export interface ConfirmationsDeps {
  port: ConfirmPort;
  settings: Settings;
  clusterName(clusterId: string): string | undefined;
}

export class Confirmations {
  constructor(private readonly deps: ConfirmationsDeps) {}

  /** Resolves when the start may go ahead; throws NotConfirmed when the user said no. */
  async start(clusterId: string, cidrIp: string): Promise<void> {
    const wide = isWideCidr(cidrIp);
    if (!wide && this.confirmed(clusterId).includes(cidrIp)) return;
    const ok = await this.deps.port.confirmStart({
      clusterId,
      clusterName: this.name(clusterId),
      cidrIp,
      wide,
    });
    if (!ok) {
      const variant = wide && this.deps.port.headless ? 'wideHeadless' : 'start';
      throw appError('NotConfirmed', { variant, params: { cidr: cidrIp } });
    }
    if (!wide) this.remember(clusterId, cidrIp);
  }

  /** Resolves when the password may be changed with the remembered run-as password. */
  async passwordWithRemembered(clusterId: string, runasUser: string): Promise<void> {
    const ok = await this.deps.port.confirmPasswordWithRemembered({
      clusterId,
      clusterName: this.name(clusterId),
      runasUser,
    });
    if (!ok) throw appError('NotConfirmed', { variant: 'password', params: { user: runasUser } });
  }

  private confirmed(clusterId: string): readonly string[] {
    return this.deps.settings.peek().confirmedCidrs[clusterId] ?? [];
  }

  /** Most recent last; the oldest is dropped past the bound. */
  private remember(clusterId: string, cidrIp: string): void {
    const all = this.deps.settings.get().confirmedCidrs;
    const list = [...(all[clusterId] ?? []).filter((c) => c !== cidrIp), cidrIp];
    all[clusterId] = list.slice(-MAX_CONFIRMED_CIDRS);
    this.deps.settings.update({ confirmedCidrs: all });
  }

  private name(clusterId: string): string {
    return this.deps.clusterName(clusterId) ?? clusterId;
  }
}
