// How `stop --all` reports: one summary line, then one table of the failures (not two lines per
// cluster) and the rules still open; under --json the result object. Exit 1 when any stop failed
// or a rule is still open.
import type { StopAllResult } from '../../../preload/shared/shapes';
import type { Context } from '../command-spec';
import { ExitCode } from '../exit-codes';
import { printJson, printTable, shownCode } from '../output';
import { stillOpenLine } from './status-all';

export async function printStopAll(ctx: Context, result: StopAllResult): Promise<number> {
  const stillOpen = result.stillOpen ?? [];
  const ok = result.failed.length === 0 && stillOpen.length === 0;
  if (ctx.json) {
    printJson(ctx.io, { ok, ...result });
    return ok ? ExitCode.Ok : ExitCode.Failure;
  }
  ctx.io.stdout.write(`${stopAllSummary(result)}\n`);
  if (result.failed.length > 0) {
    const { cliWords, describeError } = await ctx.runtime();
    printTable(
      ctx.io,
      [
        ['CLUSTER', 'ERROR', 'WHAT HAPPENED'],
        ...result.failed.map((f) => {
          const info = cliWords(f.error);
          return [f.clusterId, shownCode(info), info.message];
        }),
      ],
      ctx.io.stderr,
    );
    if (result.failed.some((f) => f.error.pendingStop))
      ctx.io.stderr.write(`${describeError({ code: 'PendingStop', variant: 'cli' }).action}\n`);
  }
  for (const s of stillOpen) ctx.io.stderr.write(stillOpenLine(s.clusterId, s.cidrs));
  return ok ? ExitCode.Ok : ExitCode.Failure;
}

/** "Stopped VNC on 12 cluster(s) in 2 region(s); 40 already stopped; 3 recorded as pending." */
export function stopAllSummary(result: StopAllResult): string {
  const failed = result.failed.length - (result.recordedPending?.length ?? 0);
  return (
    `Stopped VNC on ${result.stopped.length} cluster(s) in ${result.regions ?? 1} region(s); ` +
    `${result.alreadyStopped.length} already stopped; ` +
    `${result.recordedPending?.length ?? 0} recorded as pending` +
    `${failed > 0 ? `; ${failed} failed` : ''}.`
  );
}
