// `ehpc-vnc status --all [--region R] [--json] [--exit-code]` and `ehpc-vnc stop --all`: every
// region in use, whoever opened VNC. Kept apart from program.ts, which only routes here.
import type {
  AppErrorInfo,
  ClusterExposure,
  StopAllResult,
} from '../../../preload/shared/contract';
import type { AppService } from '../../core/app-service';
import { ExitCode } from '../exit-codes';
import { printError, printJson, printTable, type CliIO } from '../io';

export interface ExposureCommandContext {
  service: AppService;
  io: CliIO;
  json: boolean;
}

/** One row of `status --all --json`: stable field names scripts can rely on. */
function row(c: ClusterExposure) {
  return {
    clusterId: c.clusterId,
    name: c.name,
    regionId: c.regionId,
    clusterStatus: c.clusterStatus,
    vnc: c.vnc,
    reachableFrom: c.reachableFrom === null ? null : c.reachableFrom.map((r) => r.cidr),
    wide: c.wide,
    ...(c.reachUnknown ? { reachUnknown: c.reachUnknown } : {}),
  };
}

function reachText(c: ClusterExposure): string {
  if (c.reachableFrom === null) {
    if (!c.reachUnknown) return '-';
    return c.reachUnknown.ramAction ? `unknown (needs ${c.reachUnknown.ramAction})` : 'unknown';
  }
  if (c.reachableFrom.length === 0) return 'nobody';
  return c.reachableFrom
    .map((r) => `${r.cidr}${r.wide ? ' (wide)' : ''}${r.byThisApp ? ' (this app)' : ''}`)
    .join(', ');
}

/** Exit 4 with `--exit-code` when any VNC is running (cron jobs, logout hooks). */
export async function statusAll(
  ctx: ExposureCommandContext,
  opts: { region?: string; exitCode?: boolean },
): Promise<number> {
  const snapshot = await ctx.service.getExposure({
    refresh: true,
    ...(opts.region ? { regionId: opts.region } : {}),
  });
  const open = snapshot.clusters.filter((c) => c.vnc === 'running');
  if (ctx.json) {
    printJson(ctx.io, snapshot.clusters.map(row));
  } else if (snapshot.clusters.length === 0) {
    ctx.io.stdout.write(`No clusters in ${snapshot.regions.join(', ') || 'any region'}.\n`);
  } else {
    printTable(ctx.io, [
      ['ID', 'NAME', 'REGION', 'VNC', 'REACHABLE FROM', 'CLUSTER'],
      ...snapshot.clusters.map((c) => [
        c.clusterId,
        c.name,
        c.regionId,
        c.vnc === 'running' ? 'open' : c.vnc === 'stopped' ? 'closed' : 'unknown',
        reachText(c),
        c.clusterStatus,
      ]),
    ]);
    const regions = new Set(open.map((c) => c.regionId)).size;
    ctx.io.stdout.write(
      open.length === 0
        ? 'VNC is closed everywhere.\n'
        : `VNC open on ${open.length} cluster(s) in ${regions} region(s)${open.some((c) => c.wide) ? ', some reachable from a wide CIDR' : ''}.\n`,
    );
  }
  for (const f of snapshot.failedRegions) {
    printError(ctx.io, { ...f.error, message: `${f.regionId}: ${f.error.message}` });
  }
  if (opts.exitCode && open.length > 0) return ExitCode.VncOpen;
  return snapshot.failedRegions.length > 0 ? ExitCode.Failure : ExitCode.Ok;
}

/** "Stopped VNC on 12 clusters in 2 regions; 40 already stopped; 3 recorded as pending." */
export function stopAllSummary(result: StopAllResult): string {
  const regions = result.regions ?? 1;
  const pending = result.recordedPending?.length ?? 0;
  return (
    `Stopped VNC on ${result.stopped.length} cluster(s) in ${regions} region(s); ` +
    `${result.alreadyStopped.length} already stopped; ${pending} recorded as pending.`
  );
}

export async function stopAll(
  ctx: ExposureCommandContext,
  cliError: (info: AppErrorInfo) => AppErrorInfo,
): Promise<number> {
  const result = await ctx.service.stopAllVnc();
  const stillOpen = result.stillOpen ?? [];
  const ok = result.failed.length === 0 && stillOpen.length === 0;
  if (ctx.json) {
    printJson(ctx.io, { ok, ...result });
    return ok ? ExitCode.Ok : ExitCode.Failure;
  }
  ctx.io.stdout.write(`${stopAllSummary(result)}\n`);
  for (const f of result.failed)
    printError(ctx.io, { ...cliError(f.error), message: `${f.clusterId}: ${f.error.message}` });
  for (const s of stillOpen)
    ctx.io.stderr.write(
      `${s.clusterId}: VNC stopped, but port 12016 is still open to ${s.cidrs.join(', ')} in its security group; remove the rule in the ECS console.\n`,
    );
  return ok ? ExitCode.Ok : ExitCode.Failure;
}

/** After a one-cluster stop: the CIDRs whose 12016 rules were still there when re-read. */
export function reportStillOpen(
  ctx: ExposureCommandContext,
  clusterId: string,
  stillOpen: readonly string[] | undefined,
): number {
  if (!stillOpen || stillOpen.length === 0) return ExitCode.Ok;
  if (!ctx.json) {
    ctx.io.stderr.write(
      `${clusterId}: VNC stopped, but port 12016 is still open to ${stillOpen.join(', ')} in its security group; remove the rule in the ECS console.\n`,
    );
  }
  return ExitCode.Failure;
}
