// How `stop --all` reports: one summary line, then one table of the failures (not two lines per
// cluster) and the rules still open; under --json the result object. Exit 1 when any stop failed
// or a rule is still open.
import type { StopAllResult } from '../../../preload/shared/shapes';
import { stopAllCounts, stopAllSummary } from '../../../preload/shared/stop-all-summary';
import type { Context } from '../command-spec';
import { ExitCode } from '../exit-codes';
import { jsonError, printJson, printTable, shownCode } from '../output';
import { stillOpenLine } from './status-all';

export async function printStopAll(ctx: Context, result: StopAllResult): Promise<number> {
  const stillOpen = result.stillOpen ?? [];
  const ok = result.failed.length === 0 && stillOpen.length === 0;
  if (ctx.json) {
    // Failures in the shape of a --json error, in the CLI's words (not the app's internals).
    const { cliWords } = await ctx.runtime();
    const failed = result.failed.map((f) => ({
      clusterId: f.clusterId,
      error: jsonError(cliWords(f.error)),
    }));
    printJson(ctx.io, { ok, ...result, failed });
    return ok ? ExitCode.Ok : ExitCode.Failure;
  }
  ctx.io.stdout.write(`${stopAllSummary(stopAllCounts(result), 'en')}\n`);
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
