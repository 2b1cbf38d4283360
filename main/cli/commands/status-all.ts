// `ehpc-vnc status --all [--region R] [--json] [--exit-code]`: every cluster of every region in
// use, whether its VNC is open and who can reach it, whoever opened it. Routed here from `status`.
import type { ClusterExposure, VncState } from '../../../preload/shared/contract';
import type { Context } from '../command-spec';
import { ExitCode } from '../exit-codes';
import { printError, printJson, printTable } from '../output';

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
/** VNC's state in VNC's words, never the cluster's ("running"): `status` and `status --all` alike. */
export const VNC_WORD: Record<VncState, string> = {
  running: 'open',
  stopped: 'closed',
  unknown: 'unknown',
};

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export async function statusAll(ctx: Context, exitCode: boolean): Promise<number> {
  const region = ctx.global.region;
  const snapshot = await (
    await ctx.service()
  ).getExposure({ refresh: true, ...(region ? { regionId: region } : {}) });
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
        VNC_WORD[c.vnc],
        reachText(c),
        c.clusterStatus,
      ]),
    ]);
    const regions = new Set(open.map((c) => c.regionId)).size;
    const wide = open.some((c) => c.wide) ? ', some reachable from a wide CIDR' : '';
    ctx.io.stdout.write(
      open.length === 0
        ? 'VNC is closed everywhere.\n'
        : `VNC open on ${count(open.length, 'cluster')} in ${count(regions, 'region')}${wide}.\n`,
    );
  }
  for (const f of snapshot.failedRegions) {
    printError(ctx.io, { ...f.error, message: `${f.regionId}: ${f.error.message}` }, ctx.json);
  }
  if (exitCode && open.length > 0) return ExitCode.VncOpen;
  return snapshot.failedRegions.length > 0 ? ExitCode.Failure : ExitCode.Ok;
}

/** After a stop: the CIDRs whose 12016 rules were still there when re-read. */
export function stillOpenLine(clusterId: string, cidrs: readonly string[]): string {
  return (
    `${clusterId}: VNC stopped, but port 12016 is still open to ${cidrs.join(', ')} in its ` +
    'security group; remove the rule in the ECS console.\n'
  );
}
