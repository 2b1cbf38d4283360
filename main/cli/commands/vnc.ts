// VNC on one cluster: its status (or --all), start (a wide CIDR needs --yes), stop (or --all), and
// passwd.
import type { CommandSpec, Context } from '../command-spec';
import { canonicalCidrIp, isValidCidrIp } from '../../../preload/shared/validation';
import { CliError, usageError } from '../cli-error';
import { ExitCode } from '../exit-codes';
import { escapeControl, printJson } from '../output';
import { askSecret } from '../prompts';
import { statusAll, stillOpenLine, VNC_WORD } from './status-all';
import { printStopAll } from './stop-all-output';

function printAction(
  ctx: Context,
  result: { clusterId: string; requestId?: string; message: string },
  human: string,
): void {
  if (ctx.json)
    printJson(ctx.io, {
      clusterId: result.clusterId,
      requestId: result.requestId ?? null,
      message: result.message,
    });
  else
    ctx.io.stdout.write(
      `${escapeControl(human)}${result.requestId ? ` (RequestId ${escapeControl(result.requestId)})` : ''}\n`,
    );
}

export const status: CommandSpec = {
  usage: 'status [clusterId]',
  summary: 'show whether VNC runs on a cluster (or --all: every cluster of every region in use)',
  examples: [
    'ehpc-vnc status ehpc-hz-FYUr32****',
    'ehpc-vnc status --all --json',
    'ehpc-vnc status --all --exit-code || ehpc-vnc stop --all',
  ],
  options: (c) =>
    c
      .option('--all', 'every cluster of every region in use: VNC and who can reach it')
      .option('--exit-code', 'with --all: exit 4 when any VNC is running'),
  async run(ctx, [clusterId], opts) {
    if (opts.all) {
      if (clusterId) throw usageError('statusBoth');
      return statusAll(ctx, opts.exitCode === true);
    }
    if (!clusterId) throw usageError('statusTarget');
    const { validated } = await ctx.runtime();
    const req = validated('getVncStatus', { clusterId });
    const result = await (await ctx.service()).getVncStatus(req);
    if (ctx.json)
      printJson(ctx.io, {
        clusterId: result.clusterId,
        vnc: result.vnc,
        message: result.message,
        requestId: result.requestId ?? null,
        checkedAt: result.checkedAt,
      });
    else
      ctx.io.stdout.write(
        `${escapeControl(result.clusterId)}: VNC ${VNC_WORD[result.vnc]}${result.message ? ` (${escapeControl(result.message)})` : ''}\n`,
      );
    return ExitCode.Ok;
  },
};

export const start: CommandSpec = {
  usage: 'start <clusterId>',
  summary: 'start VNC on a cluster, reachable from one address or CIDR block',
  examples: [
    'ehpc-vnc start ehpc-hz-FYUr32**** --cidr 203.0.113.7',
    'ehpc-vnc start ehpc-hz-FYUr32**** --cidr 10.0.0.0/8 --yes',
  ],
  options: (c) => c.requiredOption('--cidr <ip|cidr>', 'address or CIDR block allowed to connect'),
  async run(ctx, [clusterId], opts) {
    const { validated, isWideCidr } = await ctx.runtime();
    const cidr = String(opts.cidr);
    // Checked before anything else: nothing is sent for a wide block without --yes.
    if (isWideCidr(cidr) && !ctx.global.yes) throw usageError('wideCidr', { cidr });
    const req = validated('startVnc', { clusterId, cidrIp: cidr });
    const result = await (await ctx.service()).startVnc(req);
    printAction(ctx, result, `VNC started on ${req.clusterId}, reachable from ${req.cidrIp}.`);
    return ExitCode.Ok;
  },
};

export const stop: CommandSpec = {
  usage: 'stop [clusterId]',
  summary: 'stop VNC on a cluster (or --all)',
  examples: [
    'ehpc-vnc stop ehpc-hz-FYUr32****',
    'ehpc-vnc stop --all',
    'ehpc-vnc stop --all --json || ehpc-vnc pending --retry',
  ],
  options: (c) =>
    c
      .option(
        '--cidr <ip|cidr>',
        'a CIDR to close besides those found in the 12016 rules and the remembered one',
      )
      .option('--all', 'every cluster of every region in use whose VNC runs, whoever opened it'),
  async run(ctx, [clusterId], opts) {
    if (opts.all) {
      if (clusterId) throw usageError('stopBoth');
      // --cidr adds to what each cluster's rules show, and is what a cluster with nothing
      // known (no rule readable, nothing remembered) is stopped with.
      const cidr = typeof opts.cidr === 'string' ? opts.cidr : undefined;
      if (cidr !== undefined && !isValidCidrIp(cidr))
        throw new CliError('InvalidInput', 'cliCidrIp');
      const result = await (
        await ctx.service()
      ).stopAllVnc(cidr !== undefined ? { cidrIp: canonicalCidrIp(cidr) } : {});
      return printStopAll(ctx, result);
    }
    if (!clusterId) throw usageError('stopTarget');
    const { validated } = await ctx.runtime();
    const req = validated('stopVnc', { clusterId, ...(opts.cidr ? { cidrIp: opts.cidr } : {}) });
    const result = await (await ctx.service()).stopVnc(req);
    printAction(ctx, result, `VNC stopped on ${req.clusterId}.`);
    const stillOpen = result.stillOpen ?? [];
    if (stillOpen.length === 0) return ExitCode.Ok;
    if (!ctx.json) ctx.io.stderr.write(stillOpenLine(req.clusterId, stillOpen));
    return ExitCode.Failure;
  },
};

export const passwd: CommandSpec = {
  usage: 'passwd <clusterId>',
  summary: 'set the VNC password (stdin: run-as password, then the new password)',
  examples: [
    'ehpc-vnc passwd ehpc-hz-FYUr32****',
    'printf \'%s\\n%s\\n\' "$ROOT_PW" "$VNC_PW" | ehpc-vnc passwd ehpc-hz-FYUr32**** --user root',
  ],
  options: (c) => c.option('--user <name>', 'the cluster user E-HPC runs as', 'root'),
  async run(ctx, [clusterId], opts) {
    const runasUser = (opts.user as string | undefined) ?? 'root';
    const { validated } = await ctx.runtime();
    // Validate what argv gave before asking for any secret.
    validated('hasRememberedRunasPassword', { clusterId, runasUser });
    const runasPassword = await askSecret(
      ctx.io,
      ctx.lines,
      `Password of ${runasUser} on the cluster: `,
    );
    const newPassword = await askSecret(ctx.io, ctx.lines, 'New VNC password: ', { confirm: true });
    const result = await (
      await ctx.service()
    ).setVncPassword(
      validated('setVncPassword', {
        clusterId,
        runasUser,
        runasPassword,
        newPassword,
        rememberRunasPassword: false,
      }),
    );
    printAction(ctx, result, `VNC password set on ${clusterId}.`);
    return ExitCode.Ok;
  },
};
