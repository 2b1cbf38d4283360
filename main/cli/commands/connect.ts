// `ehpc-vnc connect <clusterId> [--cidr X] [--open] [--json]`: where to connect to a cluster's
// VNC (its login node's address), starting VNC first when it is stopped; with --open, the system's
// VNC viewer is started on vnc://<address>:12016. The same AppService path as the app's Connect;
// the global --region says where the cluster is (every call goes there).
import { vncAddress } from '../../../preload/shared/vnc-url';
import type { CommandSpec, Context } from '../command-spec';
import { usageError } from '../cli-error';
import { ExitCode } from '../exit-codes';
import { printJson } from '../output';
import type { Command } from 'commander';

function connectOptions(c: Command): Command {
  return c
    .option(
      '--cidr <ip|cidr>',
      'who may connect (IPv4 or IPv6), when VNC must be started (default: the remembered one)',
    )
    .option('--open', 'open the address in the system VNC viewer (vnc://<address>:12016)');
}

async function connectCommand(
  ctx: Context,
  [clusterId]: string[],
  opts: Record<string, unknown>,
): Promise<number> {
  const { validated, isWideCidr } = await ctx.runtime();
  // As `start`: nothing is sent for a wide block without --yes (not even where to connect).
  if (typeof opts.cidr === 'string' && isWideCidr(opts.cidr) && !ctx.global.yes) {
    throw usageError('wideCidr', { cidr: opts.cidr });
  }
  const request = validated('connect', {
    clusterId,
    ...(opts.cidr !== undefined ? { cidrIp: opts.cidr } : {}),
  });
  const open = opts.open === true;
  const { systemOpener } = await import('../system-opener');
  const result = await (
    await ctx.service()
  ).connect(request, {
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

export const connect: CommandSpec = {
  usage: 'connect <clusterId>',
  summary:
    "print where to connect to a cluster's VNC (its login node), starting VNC when it is stopped",
  examples: [
    'ehpc-vnc connect ehpc-hz-FYUr32**** --cidr 203.0.113.7',
    'ehpc-vnc connect ehpc-hz-FYUr32**** --open',
    'ehpc-vnc --region cn-shanghai connect ehpc-sh-Q2bW8k**** --cidr 2001:db8::7',
  ],
  options: connectOptions,
  run: connectCommand,
};
