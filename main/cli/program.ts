// `ehpc-vnc`: the tray app's core from a terminal or a script (a logout hook that stops VNC).
// Every command goes through the same AppService and handler validation as the app.
import { Command, CommanderError, Option } from 'commander';
import { contract, type AppErrorInfo, type Request } from '../../preload/shared/contract';
import { isValidRegionId } from '../../preload/shared/validation';
import { AppError, invalidInput } from '../core/app-error';
import type { AppService } from '../core/app-service';
import { createCore } from '../core/compose';
import { configDir } from '../core/config-dir';
import { toAppError } from '../core/errors';
import {
  askLine,
  askSecret,
  printError,
  printJson,
  printTable,
  StdinLines,
  UsageError,
  type CliIO,
} from './io';
import { exitCodeFor, ExitCode } from './exit-codes';
import { reportStillOpen, statusAll, stopAll } from './commands/status-all';
import {
  CONNECT_DESCRIPTION,
  CONNECT_USAGE,
  connectCommand,
  connectOptions,
} from './commands/connect';

interface GlobalOptions {
  region?: string;
  endpoint?: string;
  timeout?: string;
  json?: boolean;
}

interface Context {
  service: AppService;
  io: CliIO;
  json: boolean;
  lines: StdinLines;
}

function buildService(opts: GlobalOptions, io: CliIO, env: NodeJS.ProcessEnv): AppService {
  const region = opts.region ?? env.ALIBABA_CLOUD_REGION_ID;
  if (region !== undefined && !isValidRegionId(region)) {
    throw invalidInput(
      `"${region}" is not a region ID.`,
      'Use an ID such as cn-hangzhou (see `ehpc-vnc regions`).',
    );
  }
  let timeoutMs: number | undefined;
  if (opts.timeout !== undefined) {
    const seconds = Number(opts.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
      throw invalidInput('--timeout takes a number of seconds from 1 to 600.');
    }
    timeoutMs = Math.round(seconds * 1000);
  }
  return createCore({
    settingsDir: configDir(env),
    onWarning: (message) => io.stderr.write(`warning: ${message}\n`),
    env,
    ...(env.EHPC_VNC_KEYCHAIN_SERVICE ? { keychainService: env.EHPC_VNC_KEYCHAIN_SERVICE } : {}),
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(region ? { regionId: region } : {}),
  }).service;
}

function printAction(
  ctx: Context,
  result: { requestId?: string; message: string },
  human: string,
): void {
  if (ctx.json)
    printJson(ctx.io, { ok: true, requestId: result.requestId ?? null, message: result.message });
  else
    ctx.io.stdout.write(`${human}${result.requestId ? ` (RequestId ${result.requestId})` : ''}\n`);
}

const commands: Record<
  string,
  (ctx: Context, args: string[], opts: Record<string, unknown>) => Promise<number>
> = {
  async login(ctx, _args, opts) {
    const accessKeyId = await askLine(ctx.io, ctx.lines, 'AccessKey ID: ');
    const accessKeySecret = await askSecret(ctx.io, ctx.lines, 'AccessKey Secret: ');
    const regionId = (opts.region as string | undefined) ?? ctx.service.getPreferences().regionId;
    const session = await ctx.service.signIn(
      validated('signIn', { accessKeyId, accessKeySecret, regionId }),
    );
    if (ctx.json) printJson(ctx.io, { ok: true, ...session });
    else
      ctx.io.stdout.write(
        `Signed in as ${session.accessKeyIdMasked}; the AccessKey is in the system keychain (region ${session.regionId}).\n`,
      );
    return ExitCode.Ok;
  },

  async logout(ctx, _args, opts) {
    const keep = opts.keepClusterPasswords === true;
    const session = await ctx.service.signOut({ removeRunasPasswords: !keep });
    if (ctx.json) printJson(ctx.io, { ok: true, ...session });
    else if (session.source === 'env')
      ctx.io.stdout.write(
        'Removed the stored AccessKey; ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET in the environment are still used.\n',
      );
    else ctx.io.stdout.write('Signed out: the AccessKey is removed from the system keychain.\n');
    if (!ctx.json && !keep) ctx.io.stdout.write('Remembered run-as passwords are removed too.\n');
    return ExitCode.Ok;
  },

  async regions(ctx) {
    const regions = await ctx.service.listRegions();
    if (ctx.json) printJson(ctx.io, regions);
    else
      printTable(
        ctx.io,
        regions.map((r) => [r.regionId, r.localName ?? '']),
      );
    return ExitCode.Ok;
  },

  async clusters(ctx, _args, opts) {
    // --cached: what the window shows first, with no request (a fresh list when none is cached).
    const list = await ctx.service.listClusters({ refresh: !opts.cached });
    if (list.fromCache) {
      ctx.io.stderr.write(
        `Cached at ${list.fetchedAt}; run \`ehpc-vnc clusters\` without --cached to refresh.\n`,
      );
    }
    if (ctx.json) {
      printJson(ctx.io, list.clusters);
    } else if (list.clusters.length === 0) {
      ctx.io.stdout.write(`No clusters in ${list.regionId}.\n`);
    } else {
      printTable(ctx.io, [
        ['ID', 'NAME', 'STATUS'],
        ...list.clusters.map((c) => [c.id, c.name, c.status]),
      ]);
    }
    return ExitCode.Ok;
  },

  async status(ctx, [clusterId], opts) {
    if (opts.all) {
      if (clusterId) throw new UsageError('Give a cluster ID or --all, not both.');
      return statusAll(ctx, opts as { region?: string; exitCode?: boolean });
    }
    if (!clusterId) throw new UsageError('Give a cluster ID, or --all.');
    const status = await ctx.service.getVncStatus(validated('getVncStatus', { clusterId }));
    if (ctx.json)
      printJson(ctx.io, { clusterId: status.clusterId, vnc: status.vnc, message: status.message });
    else
      ctx.io.stdout.write(
        `${status.clusterId}: VNC ${status.vnc}${status.message ? ` (${status.message})` : ''}\n`,
      );
    return ExitCode.Ok;
  },

  async start(ctx, [clusterId], opts) {
    const req = validated('startVnc', { clusterId, cidrIp: opts.cidr });
    const result = await ctx.service.startVnc(req);
    printAction(ctx, result, `VNC started on ${req.clusterId}, reachable from ${req.cidrIp}.`);
    return ExitCode.Ok;
  },

  async stop(ctx, [clusterId], opts) {
    if (opts.all) {
      if (clusterId) throw new UsageError('Give a cluster ID or --all, not both.');
      return stopAll(ctx, cliError);
    }
    if (!clusterId) throw new UsageError('Give a cluster ID, or --all.');
    const req = validated('stopVnc', { clusterId, ...(opts.cidr ? { cidrIp: opts.cidr } : {}) });
    const result = await ctx.service.stopVnc(req);
    printAction(ctx, result, `VNC stopped on ${req.clusterId}.`);
    return reportStillOpen(ctx, req.clusterId, result.stillOpen);
  },

  async pending(ctx, _args, opts) {
    if (opts.retry) return retryPending(ctx);
    const pending = ctx.service.listPendingStops();
    if (ctx.json) printJson(ctx.io, pending);
    else if (pending.length === 0) ctx.io.stdout.write('No pending stops.\n');
    else
      printTable(ctx.io, [
        ['CLUSTER', 'REGION', 'CIDR', 'REQUESTED', 'ATTEMPTS', 'LAST ERROR'],
        ...pending.map((p) => [
          p.clusterId,
          p.regionId,
          p.cidrIp ?? '-',
          p.requestedAt,
          String(p.attempts),
          p.lastError ?? '-',
        ]),
      ]);
    return ExitCode.Ok;
  },

  async passwd(ctx, [clusterId], opts) {
    const runasUser = (opts.user as string | undefined) ?? 'root';
    // Validate what argv gave before asking for any secret.
    validated('hasRememberedRunasPassword', { clusterId, runasUser });
    const runasPassword = await askSecret(
      ctx.io,
      ctx.lines,
      `Password of ${runasUser} on the cluster: `,
    );
    const newPassword = await askSecret(ctx.io, ctx.lines, 'New VNC password: ', { confirm: true });
    const result = await ctx.service.setVncPassword(
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

  connect: connectCommand,
};

/** `pending --retry`: 0 when nothing is left pending, 1 when some stops still are. */
async function retryPending(ctx: Context): Promise<number> {
  const report = await ctx.service.retryPendingStops();
  const ok = report.remaining.length === 0;
  if (ctx.json) {
    printJson(ctx.io, { ok, ...report });
    return ok ? ExitCode.Ok : ExitCode.Failure;
  }
  const total = report.stopped.length + report.dropped.length + report.remaining.length;
  if (total === 0) ctx.io.stdout.write('No pending stops.\n');
  for (const s of report.stopped) ctx.io.stdout.write(`VNC stopped on ${s.clusterId}.\n`);
  for (const d of report.dropped)
    printError(ctx.io, {
      ...d.error,
      message: `${d.stop.clusterId}: ${d.error.message} Removed from the pending stops.`,
    });
  for (const r of report.remaining)
    printError(ctx.io, {
      ...cliError(r.error),
      message: `${r.stop.clusterId}: ${r.error.message}`,
    });
  return ok ? ExitCode.Ok : ExitCode.Failure;
}

/** A stop kept in the journal says how to retry it from here. */
function cliError(info: AppErrorInfo): AppErrorInfo {
  if (!info.pendingStop) return info;
  return {
    ...info,
    action:
      'Recorded as a pending stop: run `ehpc-vnc pending --retry` to retry it (the app also ' +
      'retries it when it starts).',
  };
}

/** Validates a request with the same contract schema the app's IPC uses. */
function validated<
  K extends
    | 'signIn'
    | 'getVncStatus'
    | 'startVnc'
    | 'stopVnc'
    | 'setVncPassword'
    | 'hasRememberedRunasPassword',
>(op: K, request: Record<string, unknown>): Request<K> {
  const parsed = contractSchemas[op].safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(
      issue ? `${issue.path.join('.') || 'input'}: ${issue.message}` : 'Invalid input.',
    );
  }
  return parsed.data as Request<K>;
}

const contractSchemas = {
  signIn: contract.signIn.request,
  getVncStatus: contract.getVncStatus.request,
  startVnc: contract.startVnc.request,
  stopVnc: contract.stopVnc.request,
  setVncPassword: contract.setVncPassword.request,
  hasRememberedRunasPassword: contract.hasRememberedRunasPassword.request,
};

export function buildProgram(
  run: (name: string, args: string[], opts: Record<string, unknown>) => void,
): Command {
  const program = new Command('ehpc-vnc')
    .description('Set and stop the VNC remote visualization of Alibaba Cloud E-HPC clusters.')
    .addOption(
      new Option('--region <id>', 'region ID (default: the remembered one)').env(
        'ALIBABA_CLOUD_REGION_ID',
      ),
    )
    .addOption(
      new Option('--endpoint <url>', 'E-HPC endpoint URL (http only for loopback)').env(
        'EHPC_VNC_ENDPOINT',
      ),
    )
    .option('--timeout <seconds>', 'timeout of each request, in seconds')
    .option('--json', 'print machine-readable JSON')
    .showHelpAfterError(false)
    .exitOverride();

  const add = (name: string, description: string, setup?: (c: Command) => Command) => {
    const cmd = program.command(name).description(description).exitOverride();
    (setup ? setup(cmd) : cmd).action((...a: unknown[]) => {
      const command = a[a.length - 1] as Command;
      run(name.split(' ')[0] as string, command.args, command.opts());
    });
  };
  add(
    'login',
    'save an AccessKey in the system keychain, after checking it (stdin: ID, then Secret)',
  );
  add('logout', 'remove the AccessKey (and remembered run-as passwords) from the keychain', (c) =>
    c.option('--keep-cluster-passwords', 'keep the remembered run-as passwords of clusters'),
  );
  add('regions', 'list the regions E-HPC offers');
  add('clusters', 'list the clusters of the region', (c) =>
    c.option('--cached', 'print the list cached by the last refresh (app or CLI), at once'),
  );
  add('status [clusterId]', 'show whether VNC runs on a cluster (or --all)', (c) =>
    c
      .option('--all', 'every cluster of every region in use: VNC and who can reach it')
      .option('--exit-code', 'with --all: exit 4 when any VNC is running'),
  );
  add('start <clusterId>', 'start VNC on a cluster', (c) =>
    c.requiredOption('--cidr <ip|cidr>', 'address or CIDR block allowed to connect'),
  );
  add('stop [clusterId]', 'stop VNC on a cluster (or --all)', (c) =>
    c
      .option(
        '--cidr <ip|cidr>',
        'a CIDR to close besides those found in the 12016 rules and the remembered one',
      )
      .option('--all', 'every cluster of every region in use whose VNC runs, whoever opened it'),
  );
  add(CONNECT_USAGE, CONNECT_DESCRIPTION, connectOptions);
  add('pending', 'list the stops not confirmed yet (offline, timed out)', (c) =>
    c.option('--retry', 'retry them now (exit 0 when none is left pending)'),
  );
  add(
    'passwd <clusterId>',
    'set the VNC password (stdin: run-as password, then the new password)',
    (c) => c.option('--user <name>', 'the cluster user E-HPC runs as', 'root'),
  );
  return program;
}

/** Runs the CLI and resolves to its exit code. Nothing here calls process.exit. */
export async function main(argv: string[], io: CliIO, env: NodeJS.ProcessEnv): Promise<number> {
  let chosen: { name: string; args: string[]; opts: Record<string, unknown> } | undefined;
  const program = buildProgram((name, args, opts) => {
    chosen = { name, args, opts };
  });
  program.configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
  });
  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    throw err;
  }
  if (!chosen) {
    program.outputHelp({ error: true });
    return ExitCode.Usage;
  }
  const global = program.opts<GlobalOptions>();
  const json = Boolean(global.json);
  let service: AppService | undefined;
  try {
    service = buildService(global, io, env);
    const command = commands[chosen.name];
    if (!command) throw new UsageError(`Unknown command ${chosen.name}.`);
    return await command({ service, io, json, lines: new StdinLines(io.stdin) }, chosen.args, {
      ...chosen.opts,
      region: global.region,
    });
  } catch (err) {
    const info = cliError(errorInfo(err));
    if (json) io.stdout.write(`${JSON.stringify({ ok: false, error: info })}\n`);
    printError(io, info);
    // A journalled stop is a failure to retry later (1), even when the keychain was the cause.
    return info.pendingStop ? ExitCode.Failure : exitCodeFor(info);
  } finally {
    // The cluster cache is written after the answer; the command is done when it is on disk.
    await service?.idle();
  }
}

function errorInfo(err: unknown): AppErrorInfo {
  if (err instanceof UsageError) {
    return new AppError({
      code: 'Usage',
      message: err.message,
      action: 'See `ehpc-vnc --help`.',
    }).toInfo();
  }
  return toAppError(err).toInfo();
}
