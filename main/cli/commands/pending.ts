// Stops written down but not confirmed (offline, timed out): list them, or retry them now.
import type { CommandSpec, Context } from '../command-spec';
import { ExitCode } from '../exit-codes';
import { jsonError, printError, printJson, printTable } from '../output';

/** `pending --retry`: 0 when nothing is left pending, 1 when some stops still are. */
async function retryPending(ctx: Context): Promise<number> {
  const { cliWords } = await ctx.runtime();
  const report = await (await ctx.service()).retryPendingStops();
  const ok = report.remaining.length === 0;
  if (ctx.json) {
    // Each pending stop as `pending` lists it, its error in the shape of a --json error.
    const withError = (list: typeof report.dropped) =>
      list.map((d) => ({ ...d.stop, error: jsonError(cliWords(d.error)) }));
    printJson(ctx.io, {
      ok,
      stopped: report.stopped,
      dropped: withError(report.dropped),
      remaining: withError(report.remaining),
    });
    return ok ? ExitCode.Ok : ExitCode.Failure;
  }
  const total = report.stopped.length + report.dropped.length + report.remaining.length;
  if (total === 0) ctx.io.stdout.write('No pending stops.\n');
  for (const s of report.stopped) ctx.io.stdout.write(`VNC stopped on ${s.clusterId}.\n`);
  for (const d of report.dropped)
    printError(ctx.io, {
      ...cliWords(d.error),
      message: `${d.stop.clusterId}: ${cliWords(d.error).message} Removed from the pending stops.`,
    });
  for (const r of report.remaining) {
    const info = cliWords(r.error);
    printError(ctx.io, { ...info, message: `${r.stop.clusterId}: ${info.message}` });
  }
  return ok ? ExitCode.Ok : ExitCode.Failure;
}

export const pending: CommandSpec = {
  usage: 'pending',
  summary: 'list the stops not confirmed yet (offline, timed out)',
  examples: ['ehpc-vnc pending', 'ehpc-vnc pending --retry', 'ehpc-vnc pending --json'],
  options: (c) => c.option('--retry', 'retry them now (exit 0 when none is left pending)'),
  async run(ctx, _args, opts) {
    if (opts.retry) return retryPending(ctx);
    const list = (await ctx.service()).listPendingStops();
    if (ctx.json) printJson(ctx.io, list);
    else if (list.length === 0) ctx.io.stdout.write('No pending stops.\n');
    else
      printTable(ctx.io, [
        ['CLUSTER', 'REGION', 'CIDR', 'REQUESTED', 'ATTEMPTS', 'LAST ERROR'],
        ...list.map((p) => [
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
};
