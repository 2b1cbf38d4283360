// `ehpc-vnc connect <clusterId> [--cidr X] [--open] [--json]`: where to connect to a cluster's
// VNC (its login node's address), starting VNC first when it is stopped; with --open, the system's
// VNC viewer is started on vnc://<address>:12016. The same AppService path as the app's Connect.
import { contract } from '../../../preload/shared/contract';
import { vncAddress } from '../../../preload/shared/vnc-url';
import { invalidInput } from '../../core/app-error';
import type { AppService } from '../../core/app-service';
import { ExitCode } from '../exit-codes';
import { printJson, type CliIO } from '../io';
import { systemOpener } from '../system-opener';
import type { Command } from 'commander';

export interface ConnectContext {
  service: AppService;
  io: CliIO;
  json: boolean;
}

export const CONNECT_USAGE = 'connect <clusterId>';
export const CONNECT_DESCRIPTION =
  "print where to connect to a cluster's VNC (its login node), starting VNC when it is stopped";

export function connectOptions(c: Command): Command {
  return c
    .option(
      '--cidr <ip|cidr>',
      'who may connect, when VNC must be started (default: the remembered one)',
    )
    .option('--open', 'open the address in the system VNC viewer (vnc://<address>:12016)');
}

export async function connectCommand(
  ctx: ConnectContext,
  [clusterId]: string[],
  opts: Record<string, unknown>,
): Promise<number> {
  const parsed = contract.connect.request.safeParse({
    clusterId,
    ...(opts.cidr !== undefined ? { cidrIp: opts.cidr } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(
      issue ? `${issue.path.join('.') || 'input'}: ${issue.message}` : 'Invalid input.',
    );
  }
  const open = opts.open === true;
  const result = await ctx.service.connect(parsed.data, {
    open,
    cli: true,
    ...(open ? { opener: systemOpener() } : {}),
  });
  if (ctx.json) {
    const { address, port, started } = result;
    printJson(ctx.io, { clusterId: result.clusterId, address, port, started });
  } else {
    ctx.io.stdout.write(`${vncAddress(result.address)}\n`);
  }
  const notes: string[] = [];
  if (result.started)
    notes.push(`VNC started, reachable from ${result.cidrIp ?? 'the given address'}.`);
  if (!result.publicAddress) {
    notes.push(
      'The login node has no public address: this is its private one (reachable over a VPN).',
    );
  }
  if (open && !result.opened) {
    notes.push(
      'No VNC viewer is registered for vnc:// links: connect your viewer to the address above (see docs/INSTALL.md).',
    );
  }
  for (const note of notes) ctx.io.stderr.write(`${note}\n`);
  return ExitCode.Ok;
}
